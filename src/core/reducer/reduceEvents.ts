import type { AgentSnapshot } from './AgentSnapshot'
import { createEventPipeline } from './createEventPipeline'
import { toSnapshot } from './Snapshot'

/**
 * Reduces a whole event stream to a snapshot, the way the spec's processing order says
 * (compatibility → enforcement → chunk expansion → verification → application, spec 1.1
 * "Processing order"). Events are validated (raw JSON is fine). Never throws: a fatal problem
 * ends the run with status `error` and `run.error` set (an `AgentError`, code `invalid_event` or
 * `protocol_violation`), keeping what came before. A stream that stops without
 * `RUN_FINISHED`/`RUN_ERROR` ends `truncated` (spec 1.1; `@ag-ui/client` 1.0 reports success).
 *
 * @param events - The events in arrival order.
 * @param initial - Starting thread (threadId, messages, state, ...); default empty.
 */
export function reduceEvents(
  events: Iterable<unknown>,
  initial: Partial<AgentSnapshot> = {},
): AgentSnapshot {
  const pipeline = createEventPipeline()
  let snapshot: AgentSnapshot = toSnapshot(initial)
  for (const event of events) {
    snapshot = pipeline.push(snapshot, event)
    if (pipeline.error) return snapshot
  }
  return pipeline.end(snapshot)
}
