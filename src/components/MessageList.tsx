import { useEffect, useRef, type ReactNode } from 'react'
import * as Thread from '../primitives/thread'
import type { ThreadHandle } from '../primitives/thread/ThreadContext'
import { useChatContext } from './ChatContext'
import { ChatMessage } from './ChatMessage'

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
   * The virtualizer is loaded then (its own chunk; `preloadVirtualizer()` loads it earlier);
   * meanwhile only the newest messages render (at most `virtualizeAt`, between 20 and 50).
   */
  virtualizeAt?: number
  /** Height (px) assumed for a message not measured yet, when virtualized. Default 120. */
  estimateSize?: number
  /** Messages rendered beyond each edge of the viewport, when virtualized. Default 6. */
  overscan?: number
}

const components = { Message: ChatMessage }

/**
 * The scrolling conversation, composed from `Thread.Root`/`Viewport`/`Messages`/`Empty`/
 * `ScrollToBottom` and CSS: `role="log"` with `aria-live="off"` (`<Chat />` announces completed
 * replies through a separate live region); re-renders when a message is added or removed, never
 * per token; each {@link ChatMessage} subscribes to its own message.
 *
 * Long threads: from `virtualizeAt` messages only the rows near the viewport render; articles
 * then carry `aria-posinset` and `aria-setsize`, and the row holding focus stays rendered.
 * Scrolling: sticks to the bottom while content grows unless the user scrolled up; then the
 * reader's place is kept, and a "Jump to latest" button (`labels.jumpToLatest`) returns to the
 * end. The composer re-sticks it after a send (through `ChatContext.registerScrollToBottom`).
 *
 * DOM (the primitives' `data-awr` names replaced through `asChild`):
 * `div.awr-message-list-frame[data-awr="message-list-frame"]` >
 * `div.awr-message-list[data-awr="message-list"][role=log]` >
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
  const { labels, registerScrollToBottom } = useChatContext()
  const handle = useRef<ThreadHandle>(null)
  useEffect(
    () => registerScrollToBottom(() => handle.current?.scrollToBottom()),
    [registerScrollToBottom],
  )
  return (
    <Thread.Root
      handleRef={handle}
      stickThreshold={stickThreshold}
      virtualizeAt={virtualizeAt}
      estimateSize={estimateSize}
      overscan={overscan}
      asChild
    >
      <div className="awr-message-list-frame" data-awr="message-list-frame">
        <Thread.Viewport asChild>
          <div
            className={className ? `awr-message-list ${className}` : 'awr-message-list'}
            data-awr="message-list"
            aria-label={labels.messageList}
          >
            {emptyState !== undefined && (
              <Thread.Empty className="awr-empty-state">{emptyState}</Thread.Empty>
            )}
            <Thread.Messages
              className="awr-message-list-content"
              rowClassName="awr-message-row"
              components={components}
            />
          </div>
        </Thread.Viewport>
        <Thread.ScrollToBottom className="awr-jump-to-latest">
          {labels.jumpToLatest}
        </Thread.ScrollToBottom>
      </div>
    </Thread.Root>
  )
}
