import { useState } from 'react'
import { createMessageIdsSelector } from './createMessageIdsSelector'
import { useSelect } from './useAgentSelector'

/**
 * Ids of the messages a chat shows, in thread order (see `selectVisibleMessageIds`: no
 * `system`/`developer` messages, no tool results that render inside their call's card).
 * Use it for message lists: render one row per id and let each row subscribe to its own
 * message with `useMessage(id)`.
 *
 * Computed incrementally (`createMessageIdsSelector`): a streamed token costs O(1) whatever the
 * thread length, and the returned array keeps its identity until a message is added or
 * removed, so the list re-renders only then, never per token.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const ids = useMessageIds()
 * return ids.map((id) => <Row key={id} id={id} />)
 */
export function useMessageIds(): readonly string[] {
  const [selector] = useState(createMessageIdsSelector)
  return useSelect('useMessageIds', selector, Object.is)
}
