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

/**
 * Position of the message a chat shows for `id`, or -1 when there is none.
 *
 * Ids are kept verbatim from the wire (as `@ag-ui/client` does), and real servers reuse them:
 * Microsoft's .NET AG-UI server sends `TOOL_CALL_START` with `parentMessageId: ""` (the reducer
 * names the assistant message after the `toolCallId`) and a `TOOL_CALL_RESULT` whose `messageId`
 * is that same `toolCallId`. The tool result then renders inside its call's card and is not a
 * row of its own (see `selectVisibleMessageIds`), so for a shared id this returns the other
 * message, the one in the visible list. A tool result is returned only when no other message
 * has the id (an orphan result, or a caller asking for the result itself).
 *
 * `hint` is the position this returned last time for the same `id`: while it still holds a
 * message with that id other than a tool result it is the answer (O(1), also for a shared id);
 * otherwise the list's id index answers, and only a shared id costs one backward scan.
 * @internal
 */
export function visibleMessageIndex(snapshot: AgentSnapshot, id: string, hint = -1): number {
  const list = readMessageList(snapshot)
  if (hint >= 0) {
    const m = list.at(hint)
    if (m !== undefined && m.id === id && m.role !== 'tool') return hint
  }
  const i = list.indexOf(id)
  const found = i < 0 ? undefined : list.at(i)!
  // An orphan result (its call unknown) is a row of its own.
  if (found?.role !== 'tool' || !hasCall(snapshot, found.toolCallId)) return i
  for (let j = list.length - 1; j >= 0; j--) {
    const m = list.at(j)!
    if (m.id === id && m.role !== 'tool') return j
  }
  return i
}
