import {
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type FocusEvent,
  type HTMLAttributes,
  type ReactNode,
  type RefObject,
} from 'react'
import { composeEventHandlers } from '../composeEventHandlers'
import { composeRefs } from '../composeRefs'
import { Content as MessageContent } from '../message/MessageContent'
import { Root as MessageRoot } from '../message/MessageRoot'
import { useThreadContext } from './ThreadContext'
import { useMessageVirtualizer } from './useMessageVirtualizer'
import { useStickToBottom } from './useStickToBottom'

/** Props `Thread.Messages` gives each message component. */
export interface ThreadMessageProps {
  /** `Message.id`. */
  id: string
  /**
   * 1-based position among the thread's messages while virtualized (only a window of rows
   * exists, so assistive tech needs it as `aria-posinset`); `undefined` otherwise.
   */
  posInSet?: number
}

/** Props of `Thread.Messages`. */
export interface ThreadMessagesProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * Renders one message by id. Prefer `components.Message` (a stable component keeps rows from
   * re-rendering when the list scrolls); an inline function re-renders the rows in view.
   */
  children?: (id: string, info: ThreadMessageProps & { index: number }) => ReactNode
  /** Component per message; default `Message.Root` + `Message.Content`. */
  components?: { Message?: ComponentType<ThreadMessageProps> }
  /** Class of each row wrapper (`div[data-awr="thread-row"][data-index]`). */
  rowClassName?: string
  /** Distance from the end (px) within which the thread counts as at the bottom. Default 48. */
  stickThreshold?: number
  /**
   * Number of visible messages from which the list virtualizes (`@tanstack/react-virtual`, rows
   * near the viewport only, measured heights). Default 100; `Infinity` never virtualizes. Once
   * on, it stays on while mounted.
   */
  virtualizeAt?: number
  /** Height (px) assumed for a message not measured yet, when virtualized. Default 120. */
  estimateSize?: number
  /** Messages rendered beyond each edge of the viewport, when virtualized. Default 6. */
  overscan?: number
}

function DefaultMessage({ id, posInSet }: ThreadMessageProps): ReactNode {
  return (
    <MessageRoot id={id} aria-posinset={posInSet}>
      <MessageContent />
    </MessageRoot>
  )
}

interface RowProps {
  id: string
  index: number
  virtual: boolean
  measure: ((element: HTMLElement | null) => void) | undefined
  Message: ComponentType<ThreadMessageProps>
  render: ThreadMessagesProps['children']
  className: string | undefined
}

/** One row: a wrapper the virtualizer measures and positions, around the message. */
const Row = memo(function Row({
  id,
  index,
  virtual,
  measure,
  Message,
  render,
  className,
}: RowProps) {
  const posInSet = virtual ? index + 1 : undefined
  return (
    <div className={className} data-awr="thread-row" data-index={index} ref={measure}>
      {render ? render(id, { id, index, posInSet }) : <Message id={id} posInSet={posInSet} />}
    </div>
  )
})

/**
 * Writes `aria-setsize` on the rows' `[aria-posinset]` elements. Done on the DOM rather than
 * through props so that a new message re-renders no other message (only the count changed).
 */
function useSetSize(contentRef: RefObject<HTMLElement | null>, size: number | undefined): void {
  useLayoutEffect(() => {
    const content = contentRef.current
    if (!content || size === undefined) return
    const value = String(size)
    for (const el of content.querySelectorAll(':scope > [data-index] > [aria-posinset]')) {
      if (el.getAttribute('aria-setsize') !== value) el.setAttribute('aria-setsize', value)
    }
  })
}

/**
 * The messages of the thread, one row per visible message id; place it in `Thread.Viewport`.
 * Keeps the viewport at the bottom while content grows unless the reader scrolled up; then the
 * reader's place is kept when messages above grow or new ones arrive (`Thread.ScrollToBottom`
 * returns). From `virtualizeAt` messages only the rows near the viewport render; the row
 * holding focus stays rendered. Each message subscribes to itself (`Message.Root` uses
 * `useMessage`), so while a reply streams only that message re-renders.
 *
 * DOM: `div[data-awr="thread-messages"]` (`data-virtualized` while virtualized; the virtualizer
 * then sets its height and each row's position) > `div[data-awr="thread-row"][data-index]`.
 */
export const Messages = forwardRef<HTMLDivElement, ThreadMessagesProps>(function Messages(
  {
    children,
    components,
    rowClassName,
    stickThreshold = 48,
    virtualizeAt = 100,
    estimateSize = 120,
    overscan = 6,
    onFocus,
    onBlur,
    ...rest
  },
  ref,
) {
  const { ids, viewportRef, controllerRef, report } = useThreadContext('Messages')
  const contentRef = useRef<HTMLElement | null>(null)
  const [focusedId, setFocusedId] = useState<string>()
  const virtual = useMessageVirtualizer({
    ids,
    enabled: ids.length >= virtualizeAt,
    scrollerRef: viewportRef,
    contentRef,
    estimateSize,
    overscan,
    threshold: stickThreshold,
    focusedId,
  })
  const stick = useStickToBottom(viewportRef, contentRef, {
    threshold: stickThreshold,
    follow: !virtual.on,
  })
  const { scrollToEnd, scrollToStart, containerRef, on: virtualOn } = virtual
  const { scrollToBottom: stickToBottom, atBottom } = stick
  useEffect(() => {
    const controller = {
      scrollToBottom: virtualOn ? scrollToEnd : stickToBottom,
      scrollToStart: virtualOn ? scrollToStart : () => viewportRef.current?.scrollTo({ top: 0 }),
    }
    controllerRef.current = controller
    return () => {
      if (controllerRef.current === controller) controllerRef.current = null
    }
  }, [virtualOn, scrollToEnd, scrollToStart, stickToBottom, controllerRef, viewportRef])
  useLayoutEffect(() => report({ atBottom, virtualized: virtualOn }), [report, atBottom, virtualOn])

  const setContent = useCallback(
    (element: HTMLDivElement | null) => {
      contentRef.current = element
      if (virtualOn) containerRef(element)
    },
    [virtualOn, containerRef],
  )
  const composedRef = useMemo(() => composeRefs(ref, setContent), [ref, setContent])
  const onRowFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
      setFocusedId(row ? ids[Number(row.dataset.index)] : undefined)
    },
    [ids],
  )
  const onRowBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(undefined)
  }, [])

  useSetSize(contentRef, virtualOn ? ids.length : undefined)
  const Message = components?.Message ?? DefaultMessage
  const rowProps = { Message, render: children, className: rowClassName }
  const rows = virtual.items
    ? virtual.items.map((item) => (
        <Row
          key={item.key as string}
          id={ids[item.index]}
          index={item.index}
          virtual
          measure={virtual.measureRow}
          {...rowProps}
        />
      ))
    : ids.map((id, index) => (
        <Row key={id} id={id} index={index} virtual={false} measure={undefined} {...rowProps} />
      ))
  return (
    <div
      {...rest}
      ref={composedRef}
      data-awr="thread-messages"
      data-virtualized={virtualOn || undefined}
      onFocus={composeEventHandlers(onFocus, onRowFocus)}
      onBlur={composeEventHandlers(onBlur, onRowBlur)}
    >
      {rows}
    </div>
  )
})
