import type { RunSummary, StatusError, TimelineItem } from './AgentStatus'
import { createLogFolder, type LogFolder } from './createLogFolder'
import type { EventLogEntry } from './EventLog'

/** One run as folded from the log, with its own timeline. */
export interface FoldedRun extends RunSummary {
  /** Whether the log holds its terminal event (`RUN_FINISHED`/`RUN_ERROR`). */
  ended: boolean
  timeline: TimelineItem[]
}

/** What {@link foldEventLog} returns. */
export interface FoldedLog {
  /** Runs in start order. */
  runs: FoldedRun[]
  errors: StatusError[]
  inconsistencies: string[]
}

/**
 * Folds an event log into runs, per-run timelines (steps, tool calls, activities, reasoning,
 * subagents nested under their parent), errors and inconsistencies, in one pass (O(events)).
 *
 * **Times.** When a run's `RUN_STARTED` carries a plausible `timestamp`, the run is timed on the
 * producer's clock (`timeSource: 'event'`); events of it without one are placed by their receive
 * time shifted by the clock offset measured at `RUN_STARTED`. Otherwise receive times are used
 * (`received`), or nothing (`none`: durations unknown). Absurd timestamps (see
 * {@link checkTimestamp}) and timestamps going backwards are ignored and reported, once per kind
 * with a count. `now` (ms since epoch) is the clock those timestamps are judged against.
 *
 * Cost: O(entries); see {@link foldEventLogIncrementally} for repeated folds of a growing log.
 */
export function foldEventLog(entries: readonly EventLogEntry[], now: number): FoldedLog {
  const folder = createLogFolder()
  for (const entry of entries) folder.push(entry, now)
  return folder.result()
}

/** Folders of growing logs, by their first entry (entries are shared between log snapshots). */
const folders = new WeakMap<EventLogEntry, LogFolder>()

/**
 * {@link foldEventLog} for a log that grows by appending (the snapshots of one `EventLog`): the
 * fold of the previous call is kept (by the first entry) and only the new entries are folded,
 * so a re-derivation per publication costs O(new entries + runs + changed timeline items), not
 * O(log). Anything else (a shorter list, another list, a trimmed or cleared log) folds from
 * scratch. Results are equal to `foldEventLog`'s, except that an entry's `timestamp` is judged
 * against the `now` of the call that first folded it (a day of tolerance either way).
 */
export function foldEventLogIncrementally(
  entries: readonly EventLogEntry[],
  now: number,
): FoldedLog {
  const first = entries[0]
  if (first === undefined || typeof first !== 'object' || first === null)
    return foldEventLog(entries, now)
  let folder = folders.get(first)
  if (!folder || folder.count > entries.length || entries[folder.count - 1] !== folder.last) {
    folder = createLogFolder()
    folders.set(first, folder)
  }
  for (let i = folder.count; i < entries.length; i++) folder.push(entries[i], now)
  return folder.result()
}
