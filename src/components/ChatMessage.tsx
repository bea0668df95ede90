import { memo, type ReactNode } from 'react'
import type { Message } from '../core/protocol/types'
import { useIsStreaming, useMessage } from '../react'
import { useChatContext } from './ChatContext'
import type { ChatLabels } from './ChatLabels'
import { MarkdownText } from './MarkdownText'
import { MessageContent, formatJson } from './MessageContent'
import { ToolCallItem } from './ToolCallItem'

/** Props of {@link ChatMessage}. */
export interface ChatMessageProps {
  /** `Message.id` of the message to render. */
  id: string
  /**
   * 1-based position among the list's messages, as `aria-posinset`. Set by a virtualized
   * `MessageList` (only a window of articles exists, so assistive tech needs the position).
   */
  posInSet?: number
  /** Number of messages in the list, as `aria-setsize` (with `posInSet`). */
  setSize?: number
}

type ShownRole = keyof ChatLabels['roles']

interface BodyProps {
  message: Message
  labels: ChatLabels
  streaming: boolean
}

function MessageBody({ message, labels, streaming }: BodyProps): ReactNode {
  switch (message.role) {
    case 'user':
      return (
        <div className="awr-bubble">
          <MessageContent content={message.content} />
        </div>
      )
    case 'assistant':
      return (
        <>
          {message.content ? <MarkdownText text={message.content} /> : null}
          {streaming && !message.content && !message.toolCalls?.length ? (
            <span className="awr-typing" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
          ) : null}
          {message.toolCalls?.map((call) => (
            <ToolCallItem key={call.id} toolCall={call} messageId={message.id} />
          ))}
        </>
      )
    case 'reasoning':
      return (
        <details className="awr-reasoning">
          <summary>{labels.reasoning}</summary>
          <div className="awr-reasoning-body">{message.content}</div>
        </details>
      )
    case 'activity':
      return (
        <div className="awr-activity-card">
          <div className="awr-activity-type">{message.activityType || labels.activity}</div>
          <pre className="awr-code-block" tabIndex={0}>
            <code className="language-json">{formatJson(message.content)}</code>
          </pre>
        </div>
      )
    case 'tool':
      return (
        <div className="awr-bubble awr-bubble-small">
          <div className="awr-tool-call-label">{labels.toolMessage}</div>
          <MessageContent content={message.content} json />
          {message.error ? (
            <div className="awr-tool-call-error awr-text">{message.error}</div>
          ) : null}
        </div>
      )
    default:
      return null
  }
}

/**
 * One message of the thread, by id. Subscribes to `useMessage(id)` and `useIsStreaming(id)` only,
 * so while a reply streams just that message re-renders; memoized on `id`.
 *
 * Rendering by AG-UI role: `user` as a bubble (text and image parts), `assistant` as markdown
 * followed by its tool-call cards (three typing dots while it streams with no text yet), `reasoning` as a collapsed `<details>`, `activity` as a card
 * with `activityType` and JSON content, `tool` as a small bubble (only used for results whose
 * call is unknown; others show inside their call's card). `system`/`developer` render nothing.
 *
 * DOM contract: `<article data-role={role} data-status="streaming|complete" data-message-id={id}>`,
 * plus `aria-posinset`/`aria-setsize` when `posInSet`/`setSize` are given.
 */
export const ChatMessage = memo(function ChatMessage({
  id,
  posInSet,
  setSize,
}: ChatMessageProps): ReactNode {
  const message = useMessage(id)
  const streaming = useIsStreaming(id)
  const { labels } = useChatContext()
  if (!message || message.role === 'system' || message.role === 'developer') return null
  const role = message.role as ShownRole
  return (
    <article
      className="awr-message"
      data-awr="message"
      data-role={role}
      data-status={streaming ? 'streaming' : 'complete'}
      data-message-id={id}
      aria-label={labels.roles[role]}
      aria-busy={streaming || undefined}
      aria-posinset={posInSet}
      aria-setsize={setSize}
    >
      <MessageBody message={message} labels={labels} streaming={streaming} />
    </article>
  )
})
