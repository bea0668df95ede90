import type { Message } from '../core/protocol/types'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { Snapshot } from '../core/reducer/Snapshot'

/** Read access to a thread's messages by position. */
export interface MessageListReader {
  readonly length: number
  at(index: number): Message | undefined
  /** Position of the message with this id, or -1. */
  indexOf(id: string): number
}

/**
 * The snapshot's messages without building `snapshot.messages` (an O(n) copy per new
 * snapshot): the reducer's persistent list (O(1) `at`, cached `indexOf`), or a plain array for
 * snapshots made elsewhere. For selectors that run on every publication while a reply streams.
 * @internal
 */
export function readMessageList(snapshot: AgentSnapshot): MessageListReader {
  if (snapshot instanceof Snapshot) return snapshot.list
  const { messages } = snapshot
  return {
    length: messages.length,
    at: (i) => messages[i],
    indexOf: (id) => messages.findIndex((m) => m.id === id),
  }
}
