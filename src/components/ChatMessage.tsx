import { memo, type ReactNode } from 'react'
import type { ToolMessage } from '../core/protocol/types'
import * as Message from '../primitives/message'
import type { MessageContentComponents } from '../primitives/message/MessageContent'
import { ActivityCard } from './ActivityCard'
import { useChatContext } from './ChatContext'
import { MarkdownText } from './MarkdownText'
import { MessageActionBar } from './MessageActionBar'
import { ReasoningDisclosure } from './ReasoningDisclosure'
import { ChatFile, ChatImage, MessageContent } from './MessageContent'
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

function PlainText({ text }: { text: string }): ReactNode {
  return <Message.Text text={text} className="awr-text" />
}

function Markdown({ text }: { text: string }): ReactNode {
  return <MarkdownText text={text} />
}

function Typing(): ReactNode {
  return (
    <span className="awr-typing" aria-hidden="true">
      <span />
      <span />
      <span />
    </span>
  )
}

function ToolResult({ message }: { message: ToolMessage }): ReactNode {
  const { labels } = useChatContext()
  return (
    <Message.ToolResult className="awr-bubble awr-bubble-small">
      <div className="awr-tool-call-label">{labels.toolMessage}</div>
      <MessageContent content={message.content} json />
      {message.error ? <div className="awr-tool-call-error awr-text">{message.error}</div> : null}
    </Message.ToolResult>
  )
}

const assistantComponents: MessageContentComponents = {
  Text: Markdown,
  Pending: Typing,
  ToolCall: ToolCallItem,
  Reasoning: ReasoningDisclosure,
  Activity: ActivityCard,
  ToolResult,
}

const userComponents: MessageContentComponents = {
  Text: PlainText,
  Image: ChatImage,
  File: ChatFile,
}

/** The body by role: a bubble around user content, the other roles through their parts. */
function Body(): ReactNode {
  const { message } = Message.useContext('Content')
  if (message.role === 'user') {
    return (
      <div className="awr-bubble">
        <div className="awr-parts">
          <Message.Content components={userComponents} />
        </div>
      </div>
    )
  }
  return <Message.Content components={assistantComponents} />
}

/**
 * One message of the thread, by id, composed from `Message.Root` and `Message.Content` with
 * styled components per kind. Subscribes to its own message only, so while a reply streams just
 * that message re-renders; memoized on `id`.
 *
 * Rendering by AG-UI role: `user` as a bubble (text, images, other parts as chips), `assistant`
 * as markdown followed by its tool-call cards (three typing dots while it streams with no text
 * yet), `reasoning` as a collapsed `<details>`, `activity` as a card with `activityType` and JSON
 * content, `tool` as a small bubble (only used for results whose call is unknown; others show
 * inside their call's card). `system`/`developer` render nothing.
 *
 * DOM contract: `<article data-role={role} data-status="streaming|complete" data-message-id={id}>`,
 * plus `aria-posinset`/`aria-setsize` when `posInSet`/`setSize` are given, followed by the
 * message's `MessageActionBar` (copy, regenerate, edit; none while it streams).
 */
export const ChatMessage = memo(function ChatMessage({
  id,
  posInSet,
  setSize,
}: ChatMessageProps): ReactNode {
  const { labels } = useChatContext()
  return (
    <>
      <Message.Root
        id={id}
        className="awr-message"
        roleLabels={labels.roles}
        aria-posinset={posInSet}
        aria-setsize={setSize}
      >
        <Body />
      </Message.Root>
      <MessageActionBar messageId={id} />
    </>
  )
})
