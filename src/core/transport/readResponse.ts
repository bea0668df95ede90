import { AgentError, isAgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import type { PendingEventParser } from '../protocol/loadEventParser'
import type { AgentEvent } from '../protocol/types'
import { systemClock, type Clock } from './Clock'
import type { SubscriberSink } from './createObservable'
import type { EventIdTracker } from './createEventIdTracker'
import type { SseDecoder, SseFrame } from './createSseDecoder'
import { sseReader } from './loadSseReader'
import { readAhead } from './readAhead'
import { readHttpError, readTextPrefix } from './readHttpError'
import { errorText } from './networkError'
import { truncatedBy, truncatedError } from './truncatedError'

export { readTextPrefix } // the adapters read error bodies with it

/** How far a run got, shared by the responses that serve it (the first, then resumes). */
export interface RunProgress {
  /** Events delivered so far. */
  delivered: number
  /** A run was started (`RUN_STARTED`) and not ended (`RUN_FINISHED`/`RUN_ERROR`) yet. */
  runOpen: boolean
  /** Id bookkeeping of a resumable run (`X-AWR-Resumable: 1`); absent: ids are ignored. */
  ids?: EventIdTracker
  /** Receives each consumed id of a resumable run. */
  onEventId?: (id: number) => void
}

/** What {@link readResponse} needs from the run it serves. */
export interface ReadResponseContext {
  progress: RunProgress
  /** The run's parser; while its validator loads (`ready`), the body is read ahead and held. */
  parser: PendingEventParser
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
  /** Time source of the idle timeout. Default: the system clock. */
  clock?: Clock
}

const BODY_PREFIX = 4096
/** Bytes decoded between two checks of the time spent (about a millisecond of work). */
const SLICE_BYTES = 64 * 1024
/** Work (ms) after which reading yields to the event loop (rendering, input) before going on. */
const FRAME_MS = 8

/** A macrotask turn: `scheduler.yield()` where there is one, else `setTimeout(0)`. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
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
 * Serves one run from an HTTP response: checks status and content type, decodes the SSE body,
 * parses each frame (`JSON.parse`, then the run's event parser), delivers events to `sink`, and
 * ends it (`complete`, or by throwing an `AgentError` the caller delivers; see `HttpAgent`).
 * With `progress.ids`, frames are de-duplicated by their `id:` and a replay is gap-checked.
 *
 * Resolves `undefined` when the run is served or the sink closed, or with the `truncated` error
 * of a drop (the stream ended or broke with the run open, or without any event) for the caller
 * to resume from, or throw.
 *
 * @throws AgentError `http_error` | `invalid_response` | `invalid_json` | `invalid_event` |
 *   `limit_exceeded` | `truncated` (a replay that skipped events, `cause` `replay_gap`) |
 *   `load_failed` (the event validator's or the SSE reader's chunk could not be loaded; the body
 *   is read meanwhile).
 */
export async function readResponse(
  response: Response,
  ctx: ReadResponseContext,
): Promise<AgentError | undefined> {
  const { parser, sink, signal, report, progress } = ctx
  const body = await checkResponse(response)
  let grace: ReturnType<typeof setTimeout> | undefined
  const settled = () => progress.delivered > 0 && !progress.runOpen

  const onFrame = (frame: SseFrame, atEnd: boolean) => {
    if (sink.closed) return // unsubscribed inside an earlier frame of the same chunk
    let raw: unknown
    try {
      raw = sseReader.loaded()!.parseFrameJson(frame.data)
    } catch (error) {
      if (atEnd) return // the stream ended inside this frame: judged as truncation below
      const excerpt = frame.data.length > 200 ? `${frame.data.slice(0, 200)}…` : frame.data
      throw new AgentError(
        'invalid_json',
        `An event frame is not JSON (${(error as Error).message}): ${excerpt}`,
        {
          event: frame.data.slice(0, BODY_PREFIX),
          cause: error,
        },
      )
    }
    let id: number | undefined
    if (progress.ids) {
      const verdict = progress.ids.check(frame.id, (raw as { type?: unknown } | null)?.type)
      if (verdict.action === 'drop') return report(verdict.diagnostic)
      if (verdict.action === 'gap') {
        report({ level: 'warning', code: 'replay_gap', message: verdict.error.message })
        throw truncatedBy(verdict.error)
      }
      if (verdict.diagnostic) report(verdict.diagnostic)
      id = verdict.id
    }
    const result = parser.parse(raw)
    result.diagnostics.forEach(report)
    if (!result.ok) {
      if (!result.dropped) throw result.error
      if (id !== undefined) progress.onEventId?.(id)
      return
    }
    const { event } = result
    clearTimeout(grace)
    if (event.type === 'RUN_STARTED') progress.runOpen = true
    else if (event.type === 'RUN_FINISHED' || event.type === 'RUN_ERROR') progress.runOpen = false
    progress.delivered++
    sink.next(event)
    if (id !== undefined) progress.onEventId?.(id)
    if (settled() && !atEnd) grace = setTimeout(() => sink.complete(), ctx.terminalGraceMs)
  }

  const finish = (): AgentError | undefined => {
    clearTimeout(grace)
    if (sink.closed) return undefined
    if (progress.delivered === 0) return truncatedError('The stream ended without any event')
    if (progress.runOpen)
      return truncatedError('The stream ended without a terminal event (RUN_FINISHED or RUN_ERROR)')
    sink.complete()
    return undefined
  }

  if (!body) return finish()
  // The validator's and the SSE reader's chunks load in parallel with the request: the body is
  // read ahead (nothing lost if it breaks meanwhile) and decoded once both are in.
  const ready =
    parser.ready || !sseReader.loaded()
      ? Promise.all([parser.ready, sseReader.load()]).then(() => undefined)
      : undefined
  const reader = ready
    ? readAhead(body.getReader(), ready, signal, ctx.maxEventBytes)
    : body.getReader()
  const cancel = () => void reader.cancel(signal.reason).catch(() => undefined)
  signal.addEventListener('abort', cancel, { once: true })
  let decoder: SseDecoder | undefined
  const idle = watchIdle(ctx, () => void reader.cancel().catch(() => undefined))
  let lastYield = performance.now()
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>
      try {
        idle.arm()
        step = await reader.read()
        if (idle.fired) throw idle.fired
      } catch (error) {
        if (signal.aborted || sink.closed) throw error
        if (isAgentError(error) && error.code === 'load_failed') throw error // a chunk (validator, SSE reader)
        if (settled()) return finish()
        if (error === idle.fired) return idle.fired
        return truncatedError(
          `The stream broke before the run finished (${errorText(error)})`,
          error,
        )
      }
      if (sink.closed) {
        cancel()
        return undefined
      }
      if (step.done) break
      // a chunk is handed out only once `ready` resolved: the SSE reader is loaded
      decoder ??= sseReader.loaded()!.createSseDecoder({
        maxEventBytes: ctx.maxEventBytes,
        onFrame,
      })
      // A burst (one chunk holding thousands of events) is decoded in slices, yielding to the
      // event loop whenever a frame's worth of work is done, so the page never freezes longer.
      for (let at = 0; at < step.value.byteLength && !sink.closed; at += SLICE_BYTES) {
        decoder.push(
          at === 0 && step.value.byteLength <= SLICE_BYTES
            ? step.value
            : step.value.subarray(at, at + SLICE_BYTES),
        )
        if (performance.now() - lastYield > FRAME_MS) {
          await yieldToEventLoop()
          lastYield = performance.now()
        }
      }
    }
    decoder?.end()
    return finish()
  } finally {
    clearTimeout(grace)
    idle.disarm()
    signal.removeEventListener('abort', cancel)
  }
}

/**
 * The read-idle timeout of one body: `arm()` before each read (bytes arrived: start over);
 * when it fires it reports `heartbeat_timeout`, calls `onFire` (cancels the reader, so the
 * pending read ends) and sets `fired` to the drop to return.
 */
function watchIdle(ctx: ReadResponseContext, onFire: () => void) {
  const { idleTimeoutMs = 0, clock = systemClock } = ctx
  let timer: unknown
  const watch = {
    fired: undefined as AgentError | undefined,
    arm() {
      if (!(idleTimeoutMs > 0 && idleTimeoutMs < Infinity)) return
      clock.clearTimeout(timer)
      timer = clock.setTimeout(() => {
        const message = `No bytes from the server for ${idleTimeoutMs} ms (no event, no \`: ping\`): the connection is considered dead.`
        ctx.report({ level: 'warning', code: 'heartbeat_timeout', message })
        const cause = new AgentError('heartbeat_timeout', message)
        watch.fired = truncatedError(
          `The stream went silent before the run finished (${message})`,
          cause,
        )
        onFire()
      }, idleTimeoutMs)
    },
    disarm: () => clock.clearTimeout(timer),
  }
  return watch
}
