import { AgentError, isAgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import { pendingEventParser, type PendingEventParser } from '../protocol/loadEventParser'
import type { EventParserOptions } from '../protocol/parseEvent'
import type { AgentEvent } from '../protocol/types'
import type { Clock } from './Clock'
import type { SubscriberSink } from './createObservable'
import type { EventIdCursor } from './createEventIdTracker'
import { sseReader } from './loadSseReader'
import { readAhead, untilReady, type HeldReader } from './readAhead'
import { readHttpError, readTextPrefix } from './readHttpError'

export { readTextPrefix } // the adapters read error bodies with it

/** How far a run got, shared by the responses that serve it (the first, then resumes). */
export interface RunProgress {
  /** Events delivered so far. */
  delivered: number
  /** A run was started (`RUN_STARTED`) and not ended (`RUN_FINISHED`/`RUN_ERROR`) yet. */
  runOpen: boolean
  /**
   * Where the event ids of a resumable run (`X-AWR-Resumable: 1`) stand (judged with
   * `checkEventId` in the SSE reader's chunk); absent: ids are ignored.
   */
  ids?: EventIdCursor
  /** Receives each consumed id of a resumable run. */
  onEventId?: (id: number) => void
}

/** What {@link readResponse} needs from the run it serves. */
export interface ReadResponseContext {
  progress: RunProgress
  /**
   * The run's event parser, made by the first response that needs it (a stand-in while the
   * validator loads: the body is read ahead and held until it is there); cleared when its
   * validator failed to load, so the next response (a resume) makes a fresh one, which loads
   * the validator again.
   */
  parser?: PendingEventParser
  /** The options of the run's parser. */
  parserOptions: EventParserOptions
  sink: SubscriberSink<AgentEvent>
  signal: AbortSignal
  report: (diagnostic: Diagnostic) => void
  /** Per-event limit, bytes. */
  maxEventBytes: number
  /** Wait after a terminal event before completing an open stream, ms. */
  terminalGraceMs: number
  /**
   * Longest silence (no bytes at all: events or `: ping` comments) of an open body before it
   * is treated as a drop (`truncated`, `cause` `heartbeat_timeout`), ms. `0`/`Infinity`: never.
   */
  idleTimeoutMs?: number
  /** Time source of the idle timeout. */
  clock: Clock
}

async function checkResponse(response: Response): Promise<ReadableStream<Uint8Array> | null> {
  if (!response.ok) throw await readHttpError(response, 'the run request')
  const type = response.headers.get('content-type') ?? ''
  if (!type.toLowerCase().includes('text/event-stream')) {
    const body = await readTextPrefix(response)
    throw new AgentError(
      'invalid_response',
      `The agent answered HTTP ${response.status} with content type '${type || 'none'}', not an event stream (text/event-stream).`,
      { status: response.status, body },
    )
  }
  return response.body
}

/**
 * Serves one run from an HTTP response: checks status and content type, then reads the SSE body
 * with `readSseBody` (the SSE reader's lazy chunk: decoding, parsing, id bookkeeping, grace and
 * idle timers), delivering events to `sink` and ending it (`complete`, or by throwing an
 * `AgentError` the caller delivers; see `HttpAgent`). With `progress.ids`, frames are
 * de-duplicated by their `id:` and a replay is gap-checked. While the SSE reader's chunk and the
 * event validator's load (both started with the run's request), the body is read ahead and held
 * (`readAhead`): nothing that arrives meanwhile is lost, even if the connection breaks.
 *
 * Resolves `undefined` when the run is served or the sink closed; with the `truncated` error of
 * a drop (the stream ended or broke with the run open, or without any event); or with the
 * `load_failed` error (retryable) of a chunk that could not be loaded (the body is cancelled,
 * nothing of it was delivered). The caller resumes from a drop or a failed load (a resumable
 * run: the next response loads the chunk again), or throws it.
 *
 * @throws AgentError `http_error` | `invalid_response` | `invalid_json` | `invalid_event` |
 *   `limit_exceeded` | `truncated` (a replay that skipped events, `cause` `replay_gap`), or the
 *   signal's reason when aborted.
 */
export async function readResponse(
  response: Response,
  ctx: ReadResponseContext,
): Promise<AgentError | undefined> {
  const { signal } = ctx
  const body = (await checkResponse(response))?.getReader()
  const parser = (ctx.parser ??= pendingEventParser(ctx.parserOptions))
  let reader: HeldReader | undefined = body
  if (parser.ready || !sseReader.loaded()) {
    const both = Promise.all([parser.ready, sseReader.load()]).then(() => undefined)
    const ready = untilReady(both, signal)
    reader = body && readAhead(body, ready, ctx.maxEventBytes)
    try {
      await ready
    } catch (error) {
      void body?.cancel(error).catch(() => undefined)
      if (signal.aborted || !isAgentError(error) || error.code !== 'load_failed') throw error
      // a chunk (validator, SSE reader) failed to load; a stand-in parser stays failed
      if (parser.ready) ctx.parser = undefined
      return error
    }
  }
  return sseReader.loaded()!.readSseBody(reader, parser, ctx)
}
