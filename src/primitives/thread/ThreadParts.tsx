import { forwardRef, type ButtonHTMLAttributes, type HTMLAttributes } from 'react'
import { composeEventHandlers } from '../composeEventHandlers'
import { Slot } from '../Slot'
import { useThreadContext } from './ThreadContext'

/** Props of `Thread.Empty`. */
export interface ThreadEmptyProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the part's props merged in. */
  asChild?: boolean
}

/**
 * Its children, only while the thread has no visible message (`div[data-awr="thread-empty"]`).
 * Place it in `Thread.Viewport`.
 */
export const Empty = forwardRef<HTMLDivElement, ThreadEmptyProps>(function Empty(
  { asChild, children, ...rest },
  ref,
) {
  const ctx = useThreadContext('Empty')
  if (ctx.ids.length > 0) return null
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp {...rest} ref={ref} data-awr="thread-empty">
      {children}
    </Comp>
  )
})

/** Props of `Thread.ScrollToBottom`. */
export interface ThreadScrollToBottomProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Render the single child element instead of a `button`, with the part's props merged in. */
  asChild?: boolean
  /** Render even while the thread is at the bottom (`data-state="hidden"`), e.g. to animate it. */
  forceMount?: boolean
}

/**
 * "Jump to latest": a button shown while the reader has scrolled up
 * (`data-state="visible|hidden"`). Click scrolls to the newest message, sticks to the bottom
 * again and moves focus to `Thread.Viewport` (the button disappears, focus stays in the
 * conversation). Children are its label.
 */
export const ScrollToBottom = forwardRef<HTMLButtonElement, ThreadScrollToBottomProps>(
  function ScrollToBottom({ asChild, forceMount, onClick, children, ...rest }, ref) {
    const ctx = useThreadContext('ScrollToBottom')
    if (ctx.atBottom && !forceMount) return null
    const Comp = asChild ? Slot : 'button'
    return (
      <Comp
        type="button"
        {...rest}
        ref={ref}
        data-awr="thread-scroll-to-bottom"
        data-state={ctx.atBottom ? 'hidden' : 'visible'}
        onClick={composeEventHandlers(onClick, () => {
          ctx.scrollToBottom()
          ctx.viewportRef.current?.focus({ preventScroll: true })
        })}
      >
        {children}
      </Comp>
    )
  },
)
