import type { EventParser } from '../protocol/parseEvent'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import { createEventPipeline, type EventPipeline } from '../reducer/createEventPipeline'
import { toSnapshot } from '../reducer/Snapshot'

/**
 * Splits a thread's events into runs at each `RUN_STARTED` (events before the first one form a
 * run of their own), the way a store feeds them: one event pipeline per run request.
 */
export function splitRuns(events: readonly unknown[]): unknown[][] {
  const runs: unknown[][] = []
  for (const event of events) {
    const type = (event as { type?: unknown } | null)?.type
    if (runs.length === 0 || type === 'RUN_STARTED') runs.push([])
    runs[runs.length - 1].push(event)
  }
  return runs
}

/** Options of {@link reduceEventLog}. */
export interface ReduceEventLogOptions {
  /** Reduce only `events[0..upTo]` (inclusive), the snapshot right after that event. Default: all. */
  upTo?: number
  /**
   * End the last run as the store does when a stream completes (a run without its terminal
   * event becomes `truncated`). Default: `true` without `upTo`, `false` with it (time travel:
   * the snapshot right after an event, a run in progress stays `running`).
   */
  complete?: boolean
  /** Starting thread (threadId, messages, state, ...). Default: empty. */
  initial?: Partial<AgentSnapshot>
  /**
   * Validates the events (raw JSON, e.g. `parseEventLog(text).events`): called once per run for
   * that run's parser, e.g. `() => createEventParser()` (or, keeping the validator's chunk out of
   * the initial load, `const create = await loadEventParser()` then `() => create()`). Default:
   * none, the events are trusted as the applied events an `EventLog` records (already validated
   * by the transport or the store; design.md rule 2).
   */
  createParser?: () => EventParser
}

/**
 * The snapshot after a thread's events (time travel in the `EventInspector`): like
 * `reduceEvents`, but with one pipeline per run (as the store does, see {@link splitRuns}) and,
 * with `upTo`, without ending the last run (a run cut in the middle shows as `running`, not
 * `truncated`; see {@link ReduceEventLogOptions.complete}). Events are validated only with
 * {@link ReduceEventLogOptions.createParser}. A fatal problem in a run (an invalid event, a
 * protocol violation) ends that run with status `error`, as in the store; later runs still
 * apply. Never throws.
 * Messages the store adds itself (the user's messages, tool results of frontend tools) are not
 * events, so they are not in the result. Cost: O(upTo).
 */
export function reduceEventLog(
  events: readonly unknown[],
  options: ReduceEventLogOptions = {},
): AgentSnapshot {
  const last = Math.min(events.length - 1, options.upTo ?? events.length - 1)
  let snapshot: AgentSnapshot = toSnapshot(options.initial ?? {})
  let pipeline: EventPipeline | undefined
  for (let i = 0; i <= last; i++) {
    const event = events[i]
    if (!pipeline || (event as { type?: unknown } | null)?.type === 'RUN_STARTED') {
      if (pipeline && !pipeline.error) snapshot = pipeline.end(snapshot)
      pipeline = createEventPipeline(options.createParser ? { parser: options.createParser() } : {})
    }
    snapshot = pipeline.push(snapshot, event)
  }
  const complete = options.complete ?? options.upTo === undefined
  if (pipeline && !pipeline.error && complete) snapshot = pipeline.end(snapshot)
  return snapshot
}
