import { createEventLog, type EventLog } from '../core/status/EventLog'
import { splitRuns } from '../core/status/reduceEventLog'
import type { AgentStore } from '../core/store/AgentStore'
import { createAgentStore } from '../core/store/createAgentStore'
import { createScriptedAgent, type ScriptStep } from '../testing/createScriptedAgent'

/** What {@link replayEventLog} returns. */
export interface ReplayedEventLog {
  /** A store that replayed the events, one run request per `RUN_STARTED`. */
  store: AgentStore
  /** Its event log (receive times of the replay, the events' own timestamps kept). */
  log: EventLog
}

/**
 * Replays recorded events (e.g. `parseEventLog(text).events`) through `createScriptedAgent`
 * into a new store, one run request per run (`splitRuns`), as the store that recorded them
 * received them; resolves once every run ended. The store validates every event on the way
 * (bad ones end their run with an `AgentError`, as live). `threadId` defaults to the first
 * event's `threadId`.
 */
export async function replayEventLog(
  events: readonly unknown[],
  threadId?: string,
): Promise<ReplayedEventLog> {
  const runs = splitRuns(events)
  const agent = createScriptedAgent((_input, i) => (runs[i] ?? []) as ScriptStep[])
  const first = (events[0] as { threadId?: unknown } | undefined)?.threadId
  const id = threadId ?? (typeof first === 'string' ? first : undefined)
  const store = createAgentStore({
    agent,
    autoFollowUp: false,
    autoResume: false,
    ...(id !== undefined && { threadId: id }),
  })
  const log = createEventLog(store, { limit: Math.max(100_000, events.length) })
  for (let i = 0; i < runs.length; i++) await store.run()
  store.flush()
  return { store, log }
}
