import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { useMessageIds } from '../react'
import { useChatContext } from './ChatContext'
import { ChatMessage } from './ChatMessage'
import { useMessageVirtualizer } from './useMessageVirtualizer'
import { useStickToBottom } from './useStickToBottom'

export { selectVisibleMessageIds } from '../react/selectVisibleMessageIds'

/** Props of {@link MessageList}. */
export interface MessageListProps {
  className?: string
  /** Shown instead of the messages while the thread has none. */
  emptyState?: ReactNode
  /** Distance from the bottom (px) within which the list counts as "at the bottom". Default 48. */
  stickThreshold?: number
  /**
   * Number of visible messages from which the list virtualizes (renders only the rows near the
   * viewport). Default 100; `Infinity` never virtualizes. Once on, it stays on while mounted.
   */
  virtualizeAt?: number
  /** Height (px) assumed for a message not measured yet, when virtualized. Default 120. */
  estimateSize?: number
  /** Messages rendered beyond each edge of the viewport, when virtualized. Default 6. */
  overscan?: number
}

interface RowProps {
  id: string
  index: number
  /** Virtualized: the article carries `aria-posinset` (and the list sets `aria-setsize`). */
  virtual: boolean
  measure: ((element: HTMLElement | null) => void) | undefined
}

/** One row: a wrapper the virtualizer measures and positions, around the message. */
const MessageRow = memo(function MessageRow({ id, index, virtual, measure }: RowProps) {
  return (
    <div className="awr-message-row" data-index={index} ref={measure}>
      <ChatMessage id={id} posInSet={virtual ? index + 1 : undefined} />
    </div>
  )
})

/**
 * Writes `aria-setsize` on the rendered articles. Done on the DOM rather than through props so
 * that a new message re-renders no other message (only the count changed).
 */
function useSetSize(contentRef: RefObject<HTMLElement | null>, size: number | undefined): void {
  useLayoutEffect(() => {
    const content = contentRef.current
    if (!content || size === undefined) return
    const value = String(size)
    for (const article of content.querySelectorAll(':scope > .awr-message-row > article')) {
      if (article.getAttribute('aria-setsize') !== value)
        article.setAttribute('aria-setsize', value)
    }
  })
}

/**
 * The scrolling conversation: `role="log"` with `aria-live="off"` (a live log would announce every
 * token; `<Chat />` announces completed replies through a separate live region). Subscribes only
 * to the visible message ids (`useMessageIds`: incremental, the same array until a message is
 * added or removed), so it re-renders then, never per token; each {@link ChatMessage} subscribes to
 * its own message, so while a reply streams only that message re-renders.
 *
 * Long threads: from `virtualizeAt` messages the list renders only the rows near the viewport
 * (`@tanstack/react-virtual`, measured row heights); articles then carry `aria-posinset` and
 * `aria-setsize`, and the row holding focus stays rendered.
 *
 * Scrolling: sticks to the bottom while content grows unless the user scrolled up; then the
 * reader's place is kept when messages above grow or new ones arrive, and a "Jump to latest"
 * button (`labels.jumpToLatest`) returns to the end. The composer re-sticks it after a send.
 *
 * DOM: `div.awr-message-list-frame` > `div.awr-message-list[role=log]` >
 * `div.awr-message-list-content` > `div.awr-message-row[data-index]` > `article`, and the button
 * `button.awr-jump-to-latest` after the log.
 */
export function MessageList({
  className,
  emptyState,
  stickThreshold = 48,
  virtualizeAt = 100,
  estimateSize = 120,
  overscan = 6,
}: MessageListProps): ReactNode {
  const ids = useMessageIds()
  const { labels, registerScrollToBottom } = useChatContext()
  const scrollerRef = useRef<HTMLDivElement>(null)
  const contentRef = useRef<HTMLDivElement>(null)
  const [focusedId, setFocusedId] = useState<string>()

  const virtual = useMessageVirtualizer({
    ids,
    enabled: ids.length >= virtualizeAt,
    scrollerRef,
    contentRef,
    estimateSize,
    overscan,
    threshold: stickThreshold,
    focusedId,
  })
  const stick = useStickToBottom(scrollerRef, contentRef, {
    threshold: stickThreshold,
    follow: !virtual.on,
  })
  const { scrollToEnd } = virtual
  const { scrollToBottom: stickToBottom } = stick
  const virtualOn = virtual.on
  const scrollToBottom = useCallback(() => {
    if (virtualOn) scrollToEnd()
    else stickToBottom()
  }, [virtualOn, scrollToEnd, stickToBottom])

  useEffect(() => registerScrollToBottom(scrollToBottom), [registerScrollToBottom, scrollToBottom])

  const jump = useCallback(() => {
    scrollToBottom()
    // The button disappears once at the end: keep focus in the conversation.
    scrollerRef.current?.focus({ preventScroll: true })
  }, [scrollToBottom])

  const { containerRef } = virtual
  const setContent = useCallback(
    (element: HTMLDivElement | null) => {
      contentRef.current = element
      if (virtualOn) containerRef(element)
    },
    [virtualOn, containerRef],
  )

  // Home/End by keyboard: the browser's smooth scroll over a virtualized list would be cut short
  // as rows are measured on the way, so the list jumps there itself.
  const { scrollToStart } = virtual
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (!virtualOn || event.target !== event.currentTarget) return
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (event.key === 'Home') scrollToStart()
      else if (event.key === 'End') scrollToEnd()
      else return
      event.preventDefault()
    },
    [virtualOn, scrollToStart, scrollToEnd],
  )

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
    setFocusedId(row?.querySelector('article')?.dataset.messageId)
  }, [])
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(undefined)
  }, [])

  useSetSize(contentRef, virtualOn ? ids.length : undefined)
  const rows = virtual.items
    ? virtual.items.map((item) => (
        <MessageRow
          key={item.key as string}
          id={ids[item.index]}
          index={item.index}
          virtual
          measure={virtual.measureRow}
        />
      ))
    : ids.map((id, index) => (
        <MessageRow key={id} id={id} index={index} virtual={false} measure={undefined} />
      ))

  return (
    <div className="awr-message-list-frame" data-awr="message-list-frame">
      <div
        ref={scrollerRef}
        className={className ? `awr-message-list ${className}` : 'awr-message-list'}
        data-awr="message-list"
        data-virtualized={virtualOn || undefined}
        role="log"
        aria-live="off"
        aria-label={labels.messageList}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div
          ref={setContent}
          className="awr-message-list-content"
          data-virtualized={virtualOn || undefined}
          onFocus={onFocus}
          onBlur={onBlur}
        >
          {ids.length === 0 && emptyState !== undefined ? (
            <div className="awr-empty-state">{emptyState}</div>
          ) : (
            rows
          )}
        </div>
      </div>
      {stick.atBottom ? null : (
        <button type="button" className="awr-jump-to-latest" onClick={jump}>
          {labels.jumpToLatest}
        </button>
      )}
    </div>
  )
}
