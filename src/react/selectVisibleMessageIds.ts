import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'

/**
 * Ids of the messages a chat shows, in thread order: every message except `system`/`developer`
 * ones and `tool` results whose call has a view in `snapshot.toolCalls` (those render inside
 * their call's card). Orphan tool results (unknown `toolCallId`) stay. Each id is listed once, for
 * its first such message, so the ids are unique keys (servers reuse ids: see `useMessage`).
 *
 * The plain O(thread) definition: {@link useMessageIds} computes the same list incrementally.
 */
export function selectVisibleMessageIds(snapshot: AgentSnapshot): string[] {
  const ids: string[] = []
  const listed = new Set<string>()
  for (const m of snapshot.messages) {
    if (m.role === 'system' || m.role === 'developer') continue
    if (m.role === 'tool' && snapshot.toolCalls[m.toolCallId] !== undefined) continue
    if (listed.has(m.id)) continue
    listed.add(m.id)
    ids.push(m.id)
  }
  return ids
}
