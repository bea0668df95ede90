import type { Message } from '../core/protocol/types'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { Snapshot } from '../core/reducer/Snapshot'
import { readMessageList } from './readMessageList'

/** Whether the thread knows tool call `toolCallId` (its result renders in the call's card). */
function hasCall(snapshot: AgentSnapshot, toolCallId: string): boolean {
  // The reducer's own index: reading `toolCalls` would build the views on every token.
  return snapshot instanceof Snapshot
    ? snapshot.calls[toolCallId] !== undefined
    : snapshot.toolCalls[toolCallId] !== undefined
}

/** Whether `m` is a row of the chat (see `selectVisibleMessageIds`), ids aside. */
function isShown(snapshot: AgentSnapshot, m: Message): boolean {
  if (m.role === 'system' || m.role === 'developer') return false
  return m.role !== 'tool' || !hasCall(snapshot, m.toolCallId)
}

/**
 * Position of the message a chat shows for `id`: the first message with that id that
 * `selectVisibleMessageIds` lists (it lists each id once), else any message with the id, or -1.
 *
 * Ids are kept verbatim from the wire (as `@ag-ui/client` does), and real servers reuse them:
 * Microsoft's .NET AG-UI server sends `TOOL_CALL_START` with `parentMessageId: ""` (the reducer
 * names the assistant message after the `toolCallId`) and a `TOOL_CALL_RESULT` whose `messageId`
 * is that same `toolCallId`. The result renders inside its call's card, not as a row, so the id
 * means the assistant message.
 *
 * `hint` is the position this returned last time for the same `id`: while it still holds a
 * shown message with that id it is the answer (O(1)). Otherwise the list's id index answers in
 * O(1) for a shown message other than a tool result; only a shared id or a tool result costs one
 * scan of the thread.
 * @internal
 */
export function visibleMessageIndex(snapshot: AgentSnapshot, id: string, hint = -1): number {
  const list = readMessageList(snapshot)
  if (hint >= 0) {
    const m = list.at(hint)
    if (m !== undefined && m.id === id && isShown(snapshot, m)) return hint
  }
  const i = list.indexOf(id)
  if (i < 0) return -1
  const found = list.at(i)!
  if (found.role !== 'tool' && isShown(snapshot, found)) return i
  for (let j = 0; j < list.length; j++) {
    const m = list.at(j)!
    if (m.id === id && isShown(snapshot, m)) return j
  }
  return i
}
