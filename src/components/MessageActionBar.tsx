import { useRef, type ReactNode } from 'react'
import * as Actions from '../primitives/messageActions'
import { messageText } from '../primitives/messageActions/messageText'
import { useMessage, useMessageActions } from '../react'
import { useChatContext } from './ChatContext'
import { CopyStatus, copyLabel } from './CopyStatus'

/** Props of {@link MessageActionBar}. */
export interface MessageActionBarProps {
  /** `Message.id` of the message (of the nearest `AgentProvider`'s thread) to act on. */
  messageId: string
  /** Extra class on the root `div.awr-message-actions`. */
  className?: string
}

function CopyButton(): ReactNode {
  const { labels } = useChatContext()
  const { copyState } = Actions.useContext()
  return (
    <>
      <Actions.Copy className="awr-action-button">{copyLabel(labels, copyState)}</Actions.Copy>
      <CopyStatus labels={labels} state={copyState} />
    </>
  )
}

/**
 * The styled actions of one message, composed from the `MessageActions` primitives: Copy
 * (shows "Copied" for 2 s; falls back to `execCommand` without the Clipboard API), Regenerate on the
 * last assistant reply, and Edit on a user message, which opens an edit form (Enter sends with
 * `store.editAndResend`, Escape cancels). Buttons are disabled while a run is running; once
 * Regenerate or an edit starts a run, focus moves to the chat's composer and the list scrolls down.
 * Must be inside `AgentProvider`; strings come from `<Chat labels>` (`copy`, `copied`,
 * `copyFailed`, `regenerate`, `editMessage`, `editMessageInput`, `resend`, `cancel`,
 * `messageActions`). Renders nothing for other roles, while the message streams, and for a
 * message without text that cannot be regenerated. `<ChatMessage>` renders it after each message.
 */
export function MessageActionBar({ messageId, className }: MessageActionBarProps): ReactNode {
  const { labels, scrollToBottom } = useChatContext()
  const rootRef = useRef<HTMLDivElement>(null)
  const message = useMessage(messageId)
  const { isStreaming, canRegenerate } = useMessageActions(messageId)
  const role = message?.role
  if (isStreaming || (role !== 'user' && role !== 'assistant')) return null
  if (!canRegenerate && messageText(message) === '') return null // e.g. tool calls only
  return (
    <Actions.Root
      messageId={messageId}
      className={className ? `awr-message-actions ${className}` : 'awr-message-actions'}
      aria-label={labels.messageActions}
      ref={rootRef}
      onRunStarted={() => {
        // The focused button leaves with this message: focus the chat's composer instead.
        const chat = rootRef.current?.closest('[data-awr="chat"]')
        chat?.querySelector<HTMLElement>('[data-awr="composer-input"]')?.focus()
        scrollToBottom()
      }}
    >
      <div className="awr-message-actions-bar">
        <CopyButton />
        <Actions.Regenerate className="awr-action-button">{labels.regenerate}</Actions.Regenerate>
        <Actions.Edit className="awr-action-button">{labels.editMessage}</Actions.Edit>
      </div>
      <Actions.Editor className="awr-message-editor">
        <Actions.EditorInput
          className="awr-message-editor-input"
          aria-label={labels.editMessageInput}
        />
        <div className="awr-message-editor-buttons">
          <Actions.EditorCancel className="awr-button awr-button-secondary">
            {labels.cancel}
          </Actions.EditorCancel>
          <Actions.EditorSubmit className="awr-button awr-button-primary">
            {labels.resend}
          </Actions.EditorSubmit>
        </div>
      </Actions.Editor>
      <Actions.Error className="awr-message-actions-error" />
    </Actions.Root>
  )
}
