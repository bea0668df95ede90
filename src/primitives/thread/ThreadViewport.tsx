import { forwardRef, useMemo, type HTMLAttributes, type KeyboardEvent } from 'react'
import { composeEventHandlers } from '../composeEventHandlers'
import { composeRefs } from '../composeRefs'
import { Slot } from '../Slot'
import { useThreadContext } from './ThreadContext'

/** Props of `Thread.Viewport`. */
export interface ThreadViewportProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the part's props merged in. */
  asChild?: boolean
}

/**
 * The scrolling element of the thread: `role="log"` with `aria-live="off"` (a live log would
 * announce every token; announce completed replies through a separate live region), focusable
 * (`tabIndex=0`) so it scrolls by keyboard. Holds `Thread.Messages` and usually `Thread.Empty`;
 * `Thread.Root` keeps it at the bottom while content grows, unless the reader scrolled up. While the list
 * is virtualized, Home/End jump to the first/last message (the browser's smooth scroll would be
 * cut short as rows are measured on the way). Give it a height (or a flex parent) and
 * `overflow-y: auto`, and an accessible name (`aria-label`).
 *
 * DOM: `div[data-awr="thread-viewport"][role="log"]`, `data-virtualized` while the virtualizer
 * lays out the rows (not while a long thread shows only its tail, waiting for the virtualizer:
 * the browser's scroll anchoring then keeps the reader's place).
 */
export const Viewport = forwardRef<HTMLDivElement, ThreadViewportProps>(function Viewport(
  { asChild, onKeyDown, children, ...rest },
  ref,
) {
  const ctx = useThreadContext('Viewport')
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!ctx.virtualized || event.target !== event.currentTarget) return
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    if (event.key === 'Home') ctx.scrollToStart()
    else if (event.key === 'End') ctx.scrollToBottom()
    else return
    event.preventDefault()
  }
  const { viewportRef } = ctx
  const composedRef = useMemo(() => composeRefs(ref, viewportRef), [ref, viewportRef])
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp
      role="log"
      aria-live="off"
      tabIndex={0}
      {...rest}
      ref={composedRef}
      data-awr="thread-viewport"
      data-virtualized={ctx.virtualizer === 'on' || undefined}
      onKeyDown={composeEventHandlers(onKeyDown, onKey)}
    >
      {children}
    </Comp>
  )
})
