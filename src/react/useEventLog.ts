import { useCallback } from 'react'
import { getEventLog } from '../core/status/getEventLog'
import type { EventLogSnapshot } from '../core/status/EventLog'
import { useSelect } from './useAgentSelector'
import { useStoreOf } from './useAgentStore'

/**
 * The events the provider's store applied, with receive times (the store's shared event log,
 * see `getEventLog`; created on first use, so mount it, or call `getEventLog(store)`, before
 * the first run to record the whole thread).
 *
 * Re-renders when the store publishes (at most once per frame, design.md rule 3): events that
 * change nothing in the snapshot show up with the next publication.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 */
export function useEventLog(): EventLogSnapshot {
  const store = useStoreOf('useEventLog')
  const log = getEventLog(store)
  const select = useCallback(() => log.getSnapshot(), [log])
  return useSelect('useEventLog', select, Object.is)
}
