import type { AssistantMessage, ToolMessage } from '../protocol/types'
import type { ToolCallView } from './AgentSnapshot'
import type { MessageList } from './MessageList'
import type { ToolCallEntry } from './Snapshot'

/**
 * The `toolCalls` view of a snapshot: each call of `calls` with its owner message's name and
 * arguments, its status and its result, reusing the view in `previous` (an ancestor's) where
 * nothing changed, so selectors keep identity. O(calls).
 * @internal
 */
export function buildToolCalls(
  list: MessageList,
  calls: Readonly<Record<string, ToolCallEntry>>,
  previous: Readonly<Record<string, ToolCallView>> | undefined,
): Record<string, ToolCallView> {
  const out: Record<string, ToolCallView> = {}
  for (const id of Object.keys(calls)) {
    const entry = calls[id]
    const owner = list.at(list.indexOfRole(entry.messageId, 'assistant')) as
      AssistantMessage | undefined
    const call = owner?.toolCalls?.find((c) => c.id === id)
    if (!call) continue
    const result =
      entry.resultMessageId !== undefined
        ? (list.at(list.indexOfRole(entry.resultMessageId, 'tool')) as ToolMessage | undefined)
        : undefined
    const status = result ? 'resolved' : entry.ended ? 'complete' : 'streaming'
    const prior = previous?.[id]
    out[id] =
      prior &&
      prior.status === status &&
      prior.args === call.function.arguments &&
      prior.name === call.function.name &&
      prior.messageId === entry.messageId &&
      prior.result === result
        ? prior
        : {
            id,
            name: call.function.name,
            messageId: entry.messageId,
            status,
            args: call.function.arguments,
            ...(result && { result }),
          }
  }
  return out
}
