import { memo, type ReactNode } from 'react'
import type { ToolCall } from '../core/protocol/types'
import { formatMessage } from '../primitives/schemaForm/SchemaFormMessages'
import { useToolCall, useToolRenderer, type ToolCallWithApproval } from '../react'
import { useChatContext } from './ChatContext'
import { HumanInTheLoopLoader } from './HumanInTheLoopLoader'
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
 * 2. for a call with an approval, a `ToolApprovalCard` (focus moves to it when it starts
 *    waiting, see `ToolApproval.Root` `autoFocus`), showing the tool's registered `render`
 *    (`useFrontendTool` / `useBackendTool`) in place of the raw arguments when there is one.
 *    The card's code loads on first use (see `preloadHumanInTheLoop`): until it is in, a
 *    placeholder with the card's title and a `role="status"` line, or an alert with Retry if
 *    the load fails (the approval stays pending);
 * 3. the tool's registered `render` output, when it is not `undefined`;
 * 4. {@link ToolCallCard}.
 */
export const ToolCallItem = memo(function ToolCallItem({
  toolCall,
  messageId,
}: ToolCallItemProps): ReactNode {
  const { renderToolCall, labels } = useChatContext()
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
      <HumanInTheLoopLoader
        kind="approval"
        title={formatMessage(labels.approvalNeeded, { tool: call.name })}
      >
        {({ ToolApprovalCard }) => (
          <ToolApprovalCard toolCallId={call.id} autoFocus>
            {rendered}
          </ToolApprovalCard>
        )}
      </HumanInTheLoopLoader>
    )
  }
  return rendered === undefined ? <ToolCallCard call={call} /> : rendered
})
