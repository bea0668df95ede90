import { AgentError, isAgentError } from '../protocol/AgentError'
import type { EventParser } from '../protocol/parseEvent'
import type { AgentEvent } from '../protocol/types'
import type { AgentSnapshot, RunStatus } from './AgentSnapshot'
import { applyToSnapshot } from './applyEvent'
import { ChunkExpander } from './ChunkExpander'
import { type Snapshot, toSnapshot } from './Snapshot'
import { createStreamVerifier } from './createStreamVerifier'

/** Options of {@link createEventPipeline}. */
export interface EventPipelineOptions {
  /**
   * Compatibility translation and schema validation of each pushed event (raw JSON is fine):
   * one parser per stream, e.g. `createEventParser({ maxProtocolVersion })`. Default: none,
   * events are trusted as typed `AgentEvent`s (what a validating transport delivers,
   * `agent.validatesEvents`; design.md rule 2, validate once at the edge). The store passes one
   * for agents that do not validate.
   */
  parser?: EventParser
  /** Called with every event applied, after chunk expansion, in order. */
  onEvent?: (event: AgentEvent) => void
}

/**
 * The spec's processing order for one event stream (spec 1.1, "Processing order"):
 * compatibility → enforcement (schema) → chunk expansion → verification → application.
 * Stateful: one pipeline per stream (per run request).
 */
export interface EventPipeline {
  /**
   * Feeds one event and returns the snapshot after it. A fatal problem (invalid event, protocol
   * violation) sets {@link EventPipeline.error}, ends the run with status `error` and keeps
   * everything applied before; later pushes are ignored. Never throws.
   */
  push(snapshot: AgentSnapshot, event: unknown): AgentSnapshot
  /** The source completed. A run still open (or no run at all) becomes `truncated` (spec 1.1). */
  end(snapshot: AgentSnapshot): AgentSnapshot
  /** The source failed with `error`: status `cancelled` for `aborted`, `truncated` or `error` otherwise. */
  fail(snapshot: AgentSnapshot, error: AgentError): AgentSnapshot
  /** The fatal error that stopped the pipeline, if any. */
  readonly error: AgentError | undefined
}

/** Creates an {@link EventPipeline}; see its docs. */
export function createEventPipeline(options: EventPipelineOptions = {}): EventPipeline {
  const { parser } = options
  const expander = new ChunkExpander()
  const verifier = createStreamVerifier()
  let error: AgentError | undefined
  /**
   * The streak of tokens (issue 7): the type and id of the event pushed last, when it was a
   * plain `TEXT_MESSAGE_CONTENT` / `REASONING_MESSAGE_CONTENT` / `TOOL_CALL_ARGS` (no
   * `subagentRunId`) that passed verification. The next token of the same type for the same id
   * passes it too: a token changes nothing the verifier holds (run phase, open messages and
   * calls, chunk lanes), so nothing it checks can differ. Cleared by any other event.
   */
  let streakType: AgentEvent['type'] | undefined
  let streakId: string | undefined

  /** Verification then application of one expanded event. @throws AgentError */
  const step = (s: Snapshot, e: AgentEvent): Snapshot => {
    verifier.check(e)
    const next = applyToSnapshot(s, e)
    options.onEvent?.(e)
    return next
  }

  /** Sets or clears the streak after `e` passed verification. */
  const note = (e: AgentEvent): void => {
    const t = e.type
    if (
      (t === 'TEXT_MESSAGE_CONTENT' ||
        t === 'REASONING_MESSAGE_CONTENT' ||
        t === 'TOOL_CALL_ARGS') &&
      e.subagentRunId === undefined
    ) {
      streakType = t
      streakId = t === 'TOOL_CALL_ARGS' ? e.toolCallId : e.messageId
    } else streakType = streakId = undefined
  }

  const stop = (s: Snapshot, e: AgentError, status: RunStatus): Snapshot => {
    error = e
    return s.with({ run: { ...s.run, status, error: e }, streamingMessageIds: [] })
  }

  return {
    get error() {
      return error
    },
    push(snapshot, raw) {
      if (error) return snapshot
      let s = toSnapshot(snapshot)
      let event = raw as AgentEvent
      if (parser) {
        const parsed = parser.parse(raw)
        for (const d of parsed.diagnostics) s = s.withDiagnostic(d)
        if (!parsed.ok) return parsed.dropped ? s : stop(s, parsed.error, 'error')
        event = parsed.event
      }
      try {
        const t = event.type
        if (
          t === streakType &&
          (event as { subagentRunId?: string }).subagentRunId === undefined &&
          (t === 'TOOL_CALL_ARGS'
            ? event.toolCallId
            : (event as { messageId: string }).messageId) === streakId
        ) {
          // Verified by the streak (see above): applied at once.
          s = applyToSnapshot(s, event)
          options.onEvent?.(event)
          return s
        }
        streakType = streakId = undefined
        if (expander.passes(event)) {
          s = step(s, event)
          note(event)
        } else for (const e of expander.push(event)) s = step(s, e)
      } catch (e) {
        return stop(
          s,
          isAgentError(e) ? e : new AgentError('unknown', String(e), { cause: e }),
          'error',
        )
      }
      return s
    },
    end(snapshot) {
      if (error || verifier.ended) return snapshot
      const truncated = new AgentError(
        'truncated',
        'The stream ended without a terminal event (RUN_FINISHED or RUN_ERROR): the run is truncated.',
      )
      return stop(toSnapshot(snapshot), truncated, 'truncated')
    },
    fail(snapshot, e) {
      if (error || verifier.ended) return snapshot
      const status: RunStatus =
        e.code === 'aborted' ? 'cancelled' : e.code === 'truncated' ? 'truncated' : 'error'
      return stop(toSnapshot(snapshot), e, status)
    },
  }
}
