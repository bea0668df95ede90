import { memo, type ReactNode } from 'react'
import type { ToolCall } from '../core/protocol/types'
import { useToolCall, type ToolCallState } from '../react'
import { useChatContext } from './ChatContext'
import { ToolCallCard } from './ToolCallCard'

/** Props of {@link ToolCallItem}. */
export interface ToolCallItemProps {
  /** The `ToolCall` entry of the owning assistant message (used when the store has no view). */
  toolCall: ToolCall
  /** `id` of the owning assistant message. */
  messageId: string
}

/**
 * One tool call of an assistant message: subscribes to `useToolCall(toolCall.id)` and renders
 * `<Chat renderToolCall>`'s output, or {@link ToolCallCard} when that returns `undefined`.
 */
export const ToolCallItem = memo(function ToolCallItem({
  toolCall,
  messageId,
}: ToolCallItemProps): ReactNode {
  const { renderToolCall } = useChatContext()
  const view = useToolCall(toolCall.id)
  const call: ToolCallState = view ?? {
    id: toolCall.id,
    name: toolCall.function.name,
    messageId,
    status: 'complete',
    args: toolCall.function.arguments,
    parsedArgs: undefined,
  }
  const custom = renderToolCall?.(call)
  return custom === undefined ? <ToolCallCard call={call} /> : custom
})
