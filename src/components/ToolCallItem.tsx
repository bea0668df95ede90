import { memo, type ReactNode } from 'react'
import type { ToolCall } from '../core/protocol/types'
import { useToolCall, useToolRenderer, type ToolCallWithApproval } from '../react'
import { useChatContext } from './ChatContext'
import { ToolApprovalCard } from './ToolApprovalCard'
import { ToolCallCard } from './ToolCallCard'

/** Props of {@link ToolCallItem}. */
export interface ToolCallItemProps {
  /** The `ToolCall` entry of the owning assistant message (used when the store has no view). */
  toolCall: ToolCall
  /** `id` of the owning assistant message. */
  messageId: string
}

/**
 * One tool call of an assistant message: subscribes to `useToolCall(toolCall.id)` and renders,
 * in this order of precedence:
 * 1. `<Chat renderToolCall>`'s output, when it is not `undefined`;
 * 2. for a call with an approval, a {@link ToolApprovalCard} (focus moves to it when it starts
 *    waiting, see `ToolApproval.Root` `autoFocus`), showing the tool's registered `render`
 *    (`useFrontendTool` / `useBackendTool`) in place of the raw arguments when there is one;
 * 3. the tool's registered `render` output, when it is not `undefined`;
 * 4. {@link ToolCallCard}.
 */
export const ToolCallItem = memo(function ToolCallItem({
  toolCall,
  messageId,
}: ToolCallItemProps): ReactNode {
  const { renderToolCall } = useChatContext()
  const view = useToolCall(toolCall.id)
  const call: ToolCallWithApproval = view ?? {
    id: toolCall.id,
    name: toolCall.function.name,
    messageId,
    status: 'complete',
    args: toolCall.function.arguments,
    parsedArgs: undefined,
  }
  const registered = useToolRenderer(call.name)
  const custom = renderToolCall?.(call)
  if (custom !== undefined) return custom
  const rendered = registered?.(call)
  if (call.approval) {
    return (
      <ToolApprovalCard toolCallId={call.id} autoFocus>
        {rendered}
      </ToolApprovalCard>
    )
  }
  return rendered === undefined ? <ToolCallCard call={call} /> : rendered
})
