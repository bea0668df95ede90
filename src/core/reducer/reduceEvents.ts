import type { EventParser } from '../protocol/parseEvent'
import type { AgentSnapshot } from './AgentSnapshot'
import { createEventPipeline } from './createEventPipeline'
import { toSnapshot } from './Snapshot'

/** Options of {@link reduceEvents}. */
export interface ReduceEventsOptions {
  /**
   * Validates each event first (compatibility translation, stripping, schema; spec 1.1
   * "Processing model"), for events that come from outside (a file, raw JSON): one parser for
   * the stream, `createEventParser()` (or `await loadEventParser()` then call it, to keep the
   * validator's chunk out of the initial load). Default: none, events are trusted as the typed
   * AG-UI events a validating transport delivers (design.md rule 2: validate once, at the edge).
   */
  parser?: EventParser
}

/**
 * Reduces a whole event stream to a snapshot, the way the spec's processing order says
 * (compatibility → enforcement → chunk expansion → verification → application, spec 1.1
 * "Processing order"). Validation (compatibility and enforcement) happens only with
 * `options.parser`; without it, events are trusted to be valid AG-UI events (what `HttpAgent`,
 * `WebSocketAgent` and the store deliver): chunk expansion, ordering verification and
 * application still run. Never throws: a fatal problem ends the run with status `error` and
 * `run.error` set (an `AgentError`: `invalid_event` from the parser, `protocol_violation` from
 * verification, `unknown` for an event the reducer cannot read), keeping what came before. A
 * stream that stops without `RUN_FINISHED`/`RUN_ERROR` ends `truncated` (spec 1.1;
 * `@ag-ui/client` 1.0 reports success).
 *
 * @param events - The events in arrival order: AG-UI events (`BaseEvent`s; typed `unknown` so
 *   plain objects and string `type`s need no cast), raw JSON only with `options.parser`.
 * @param initial - Starting thread (threadId, messages, state, ...); default empty.
 * @param options - See {@link ReduceEventsOptions}.
 * @example
 * reduceEvents(events) // typed events, e.g. collected from agent.run()
 * reduceEvents(JSON.parse(text), {}, { parser: createEventParser() }) // raw JSON
 */
export function reduceEvents(
  events: Iterable<unknown>,
  initial: Partial<AgentSnapshot> = {},
  options: ReduceEventsOptions = {},
): AgentSnapshot {
  const pipeline = createEventPipeline(options.parser ? { parser: options.parser } : {})
  let snapshot: AgentSnapshot = toSnapshot(initial)
  for (const event of events) {
    snapshot = pipeline.push(snapshot, event)
    if (pipeline.error) return snapshot
  }
  return pipeline.end(snapshot)
}
