import type { AgentCapabilities } from '../protocol/types'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { ConnectionState } from '../transport/ConnectionState'
import type { AgentCard, AgentStatus, RemoteStatus } from './AgentStatus'
import { composeAgentStatus } from './composeAgentStatus'
import type { EventLogEntry } from './EventLog'
import { foldEventLogIncrementally } from './foldEventLog'

/** Options of {@link deriveAgentStatus}. */
export interface DeriveAgentStatusOptions {
  /** The event log's entries (see `createEventLog`); without it only the snapshot is used. */
  events?: readonly EventLogEntry[]
  /** What the app knows about the agent; its fields win over `capabilities.identity`. */
  card?: AgentCard
  /** What the agent declared (`await agent.getCapabilities()`, AG-UI `AgentCapabilities`). */
  capabilities?: AgentCapabilities
  /** `agent.getConnectionState?.()`; `undefined`: connection `unknown`. */
  connection?: ConnectionState
  /** A name for the transport (`HttpAgent`, ...). */
  transport?: string
  /** The clock, ms since epoch, for what is still running. */
  now: number
  /** Most runs in `recentRuns`. Default 10. */
  recentRuns?: number
  /**
   * What the agent's `AgentStatusSource` said last; its `report.card` is shown under `card`
   * (the app's fields win, see `mergeAgentCards`). Copied to `AgentStatus.remote`.
   */
  remote?: RemoteStatus
}

/**
 * Derives an {@link AgentStatus} from a snapshot, the event log, and what is known about the
 * agent (issue 5): pure, browser-safe, never throws. Bad input (absurd or missing timestamps,
 * steps finished that never started, negative or non-integer usage, events outside a run) is
 * listed in `inconsistencies` and left out of durations and sums, never guessed.
 *
 * Runs and the timeline come from `events` (the snapshot only holds the last run); without
 * them the status has the snapshot's run, its steps and `run.usage`. The snapshot's run status
 * wins for the last run (a stop or a truncation is not an event).
 *
 * Cost: O(events + messages) for a new log; for the growing log of one store (the snapshots of
 * one `EventLog`) only the entries added since the previous call are folded
 * (`foldEventLogIncrementally`), and message counts are cached per message list, so a
 * re-derivation costs O(new events + runs + changed timeline items).
 */
export function deriveAgentStatus(
  snapshot: AgentSnapshot,
  options: DeriveAgentStatusOptions,
): AgentStatus {
  const { now, events = [] } = options
  return composeAgentStatus(snapshot, foldEventLogIncrementally(events, now), options)
}
