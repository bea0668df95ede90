import { useCallback, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { shallowEqual, useAgentSelector } from '../react'
import { useChatContext } from './ChatContext'
import { ChatMessage } from './ChatMessage'

/** Props of {@link MessageList}. */
export interface MessageListProps {
  className?: string
  /** Shown instead of the messages while the thread has none. */
  emptyState?: ReactNode
  /** Distance from the bottom (px) within which the list counts as "at the bottom". Default 48. */
  stickThreshold?: number
}

/**
 * Ids of the messages the chat shows, in thread order: everything except `system`/`developer`
 * messages and tool results whose call is rendered (as a card) by an assistant message.
 */
export function selectVisibleMessageIds(snapshot: AgentSnapshot): string[] {
  const rendered = new Set<string>()
  for (const m of snapshot.messages) {
    if (m.role === 'assistant' && m.toolCalls) {
      for (const call of m.toolCalls) if (snapshot.toolCalls[call.id]) rendered.add(call.id)
    }
  }
  const ids: string[] = []
  for (const m of snapshot.messages) {
    if (m.role === 'system' || m.role === 'developer') continue
    if (m.role === 'tool' && rendered.has(m.toolCallId)) continue
    ids.push(m.id)
  }
  return ids
}

/**
 * The scrolling conversation: `role="log"` with `aria-live="off"` (a live log would announce every
 * token; `<Chat />` announces completed replies through a separate live region). Subscribes only
 * to the array of visible message ids (shallow-equal), so it re-renders when a message is added
 * or removed, never per token; each {@link ChatMessage} subscribes to its own message.
 *
 * Sticks to the bottom while content grows unless the user scrolled up; the composer re-sticks it
 * after a send. Observes content size with `ResizeObserver` (falls back to `MutationObserver`).
 */
export function MessageList({
  className,
  emptyState,
  stickThreshold = 48,
}: MessageListProps): ReactNode {
  const ids = useAgentSelector(selectVisibleMessageIds, shallowEqual)
  const { labels, registerScrollToBottom } = useChatContext()
  const scrollerRef = useRef<HTMLDivElement>(null)
  const contentRef = useRef<HTMLDivElement>(null)
  const stickRef = useRef(true)

  const scrollNow = useCallback(() => {
    const el = scrollerRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [])

  const onScroll = useCallback(() => {
    const el = scrollerRef.current
    if (!el) return
    stickRef.current = el.scrollHeight - el.scrollTop - el.clientHeight <= stickThreshold
  }, [stickThreshold])

  useEffect(
    () =>
      registerScrollToBottom(() => {
        stickRef.current = true
        scrollNow()
      }),
    [registerScrollToBottom, scrollNow],
  )

  useLayoutEffect(() => {
    const content = contentRef.current
    if (!content) return
    const follow = () => {
      if (stickRef.current) scrollNow()
    }
    follow()
    if (typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(follow)
      observer.observe(content)
      return () => observer.disconnect()
    }
    if (typeof MutationObserver !== 'undefined') {
      const observer = new MutationObserver(follow)
      observer.observe(content, { childList: true, subtree: true, characterData: true })
      return () => observer.disconnect()
    }
    return undefined
  }, [scrollNow])

  return (
    <div
      ref={scrollerRef}
      className={className ? `awr-message-list ${className}` : 'awr-message-list'}
      data-awr="message-list"
      role="log"
      aria-live="off"
      aria-label={labels.messageList}
      tabIndex={0}
      onScroll={onScroll}
    >
      <div ref={contentRef} className="awr-message-list-content">
        {ids.length === 0 && emptyState !== undefined ? (
          <div className="awr-empty-state">{emptyState}</div>
        ) : (
          ids.map((id) => <ChatMessage key={id} id={id} />)
        )}
      </div>
    </div>
  )
}
