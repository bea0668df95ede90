import type { Message } from '../core/protocol/types'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { readMessageList } from './readMessageList'
import { visibleMessageIndex } from './visibleMessageIndex'

/**
 * Creates a selector of the message a chat shows for `id` ({@link visibleMessageIndex}), or
 * `undefined` while there is none. It remembers the position it found last, so a lookup costs
 * O(1) per publication, also for an id shared by a tool call's assistant message and its result.
 * Each selector keeps its own memory: create one per subscriber.
 * @internal
 */
export function createMessageSelector(
  id: string,
): (snapshot: AgentSnapshot) => Message | undefined {
  let hint = -1
  return (snapshot) => {
    hint = visibleMessageIndex(snapshot, id, hint)
    return hint < 0 ? undefined : readMessageList(snapshot).at(hint)
  }
}
