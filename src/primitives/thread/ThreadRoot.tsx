import {
  forwardRef,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
  type Ref,
} from 'react'
import { useAgentStore } from '../../react/useAgentStore'
import { useMessageIds } from '../../react/useMessageIds'
import { Slot } from '../Slot'
import { ThreadContext, type ThreadContextValue, type ThreadHandle } from './ThreadContext'
import { useThreadVirtualizer } from './useThreadVirtualizer'
import { useStickToBottom } from './useStickToBottom'

/** Props of `Thread.Root`. */
export interface ThreadRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the Root's props merged in. */
  asChild?: boolean
  /** Receives `{ scrollToBottom }`, e.g. for a composer outside the thread to call after a send. */
  handleRef?: Ref<ThreadHandle>
  /** Distance from the end (px) within which the thread counts as at the bottom. Default 48. */
  stickThreshold?: number
  /**
   * Number of visible messages from which the list virtualizes (`@tanstack/react-virtual`, rows
   * near the viewport only, measured heights). Default 100; `Infinity` never virtualizes. Once
   * on, it stays on while mounted. The virtualizer is its own chunk, loaded when a thread first
   * reaches this count (or earlier with `preloadVirtualizer()`); while it loads (or if it cannot
   * be loaded) only the newest `virtualizeAt` rows render (between 20 and 50).
   */
  virtualizeAt?: number
  /** Height (px) assumed for a message not measured yet, when virtualized. Default 120. */
  estimateSize?: number
  /** Messages rendered beyond each edge of the viewport, when virtualized. Default 6. */
  overscan?: number
}

/**
 * The conversation of the nearest `AgentProvider`: subscribes to the visible message ids
 * (`useMessageIds`: the same array until a message is added or removed, so never per token) and
 * owns the scrolling: keeps `Thread.Viewport` at the bottom while content grows unless the
 * reader scrolled up, then keeps the reader's place (`Thread.ScrollToBottom` returns); from
 * `virtualizeAt` messages `Thread.Messages` renders only the rows near the viewport (the row
 * holding focus stays rendered). The scroll hooks live here, above the viewport and the rows,
 * so both elements exist when they run.
 *
 * DOM: `div[data-awr="thread"]` with `data-state="at-bottom|scrolled-up"`, `data-virtualized`
 * while the virtualizer lays out a window of rows, and `data-virtualizer="loading|failed"` while
 * a long thread renders only its tail (the virtualizer's chunk is loading, or failed to load).
 *
 * @throws Error naming `AgentProvider` when used outside one.
 */
export const Root = forwardRef<HTMLDivElement, ThreadRootProps>(function Root(
  {
    asChild,
    handleRef,
    stickThreshold = 48,
    virtualizeAt = 100,
    estimateSize = 120,
    overscan = 6,
    children,
    ...rest
  },
  ref,
) {
  const ids = useMessageIds()
  const store = useAgentStore()
  // The virtualizer's own commits count against the store's publish rate.
  const onOwnCommit = useCallback(() => store.scheduler.published?.(), [store])
  const viewportRef = useRef<HTMLElement | null>(null)
  const contentRef = useRef<HTMLElement | null>(null)
  const [focusedId, setFocusedId] = useState<string>()
  const virtual = useThreadVirtualizer({
    ids,
    virtualizeAt,
    scrollerRef: viewportRef,
    contentRef,
    estimateSize,
    overscan,
    threshold: stickThreshold,
    focusedId,
    onOwnCommit,
  })
  const stick = useStickToBottom(viewportRef, contentRef, {
    threshold: stickThreshold,
    // While virtualized the virtualizer follows its rows; the live row is followed apart
    // (`followRef`, given to it by `Thread.Messages`).
    follow: virtual.status !== 'on',
  })
  const { status, scrollToEnd, scrollToStart: virtualStart, containerRef: spacerRef } = virtual
  const virtualized = status === 'on'
  const { scrollToBottom: stickToBottom, atBottom, followRef } = stick
  const scrollToBottom = useCallback(() => {
    if (virtualized) scrollToEnd()
    else stickToBottom()
  }, [virtualized, scrollToEnd, stickToBottom])
  const scrollToStart = useCallback(() => {
    if (virtualized) virtualStart()
    else if (viewportRef.current) viewportRef.current.scrollTop = 0
  }, [virtualized, virtualStart])
  const setContent = useCallback((element: HTMLElement | null) => {
    contentRef.current = element
  }, [])
  // The tail moved on (rows dropped above): keep a reader stuck to the bottom there.
  const { tailStart } = virtual
  useLayoutEffect(() => {
    if (tailStart !== undefined && atBottom) stickToBottom()
    // Only when the tail moves, not when `atBottom` flips.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tailStart])
  useImperativeHandle(handleRef, () => ({ scrollToBottom }), [scrollToBottom])
  const { items, liveIndex, measureRow } = virtual
  const context = useMemo<ThreadContextValue>(
    () => ({
      ids,
      atBottom,
      virtualized: status !== 'off',
      virtualizer: status,
      items,
      liveIndex,
      measureRow,
      spacerRef,
      followRef,
      viewportRef,
      setContent,
      setFocusedId,
      scrollToBottom,
      scrollToStart,
    }),
    [
      ids,
      atBottom,
      status,
      items,
      liveIndex,
      measureRow,
      spacerRef,
      followRef,
      setContent,
      scrollToBottom,
      scrollToStart,
    ],
  )
  const Comp = asChild ? Slot : 'div'
  return (
    <ThreadContext.Provider value={context}>
      <Comp
        {...rest}
        ref={ref}
        data-awr="thread"
        data-state={atBottom ? 'at-bottom' : 'scrolled-up'}
        data-virtualized={virtualized || undefined}
        data-virtualizer={virtualized || status === 'off' ? undefined : status}
      >
        {children}
      </Comp>
      {virtual.renderHost(atBottom)}
    </ThreadContext.Provider>
  )
})
