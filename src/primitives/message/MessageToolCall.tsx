import type { ReactNode } from 'react'
import type { ToolCall as ToolCallEntry } from '../../core/protocol/types'
import * as ToolCallParts from '../toolCall'

/** Props of `Message.ToolCall`. */
export interface MessageToolCallProps {
  /** One entry of `AssistantMessage.toolCalls`. */
  toolCall: ToolCallEntry
  /** `id` of the owning assistant message. */
  messageId?: string
}

/**
 * One tool call of an assistant message, as `Message.Content` shows it by default: `ToolCall.Root`
 * (by `toolCall.id`, live from the store) with its Name, Status, Args, Result and Error parts.
 * For another layout, compose the `ToolCall.*` parts yourself and pass the component as
 * `components.ToolCall`.
 */
export function ToolCall({ toolCall }: MessageToolCallProps): ReactNode {
  return (
    <ToolCallParts.Root toolCallId={toolCall.id}>
      <ToolCallParts.Name /> <ToolCallParts.Status />
      <ToolCallParts.Args />
      <ToolCallParts.Result />
      <ToolCallParts.Error />
    </ToolCallParts.Root>
  )
}
