import type { AgentStore } from '../store/AgentStore'
import { createEventLog, type EventLog, type EventLogOptions } from './EventLog'

const logs = new WeakMap<AgentStore, EventLog>()

/**
 * The shared {@link EventLog} of `store`, created on first call (with `options`; later calls
 * return the same log and ignore them) and kept as long as the store is. `useAgentStatus`,
 * `useEventLog` and the `EventInspector` all read this one, so each event is recorded once.
 *
 * A log records only what happens after it is created: call it right after creating the store
 * (before the first run) to have the whole thread.
 */
export function getEventLog(store: AgentStore, options?: EventLogOptions): EventLog {
  let log = logs.get(store)
  if (!log) {
    log = createEventLog(store, options)
    logs.set(store, log)
  }
  return log
}
