import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { createMessageIdsSelector } from './createMessageIdsSelector'

/**
 * Ids of the messages a chat shows, in thread order: every message except `system`/`developer`
 * ones and `tool` results whose call has a view in `snapshot.toolCalls` (those render inside
 * their call's card). Orphan tool results (unknown `toolCallId`) stay. Each id is listed once, for
 * its first such message, so the ids are unique keys (servers reuse ids: see `useMessage`).
 *
 * One O(thread) pass: the first call of a new {@link createMessageIdsSelector}, which
 * {@link useMessageIds} keeps to compute the same list incrementally.
 */
export function selectVisibleMessageIds(snapshot: AgentSnapshot): string[] {
  // A fresh selector's result is a new array nobody else holds.
  return createMessageIdsSelector()(snapshot) as string[]
}
