import { AgentError } from '../protocol/AgentError'
import type { EventParser } from '../protocol/parseEvent'
import { checkEventId } from './createEventIdTracker'
import { createSseDecoder, type SseDecoder, type SseFrame } from './createSseDecoder'
import { errorText } from './networkError'
import { parseFrameJson } from './parseFrameJson'
import type { HeldReader } from './readAhead'
import type { ReadResponseContext } from './readResponse'
import { truncatedBy, truncatedError } from './truncatedError'

/** Characters of a bad frame kept on its error (`AgentError.event`). */
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

/**
 * Reads one checked SSE response body (`reader`; `undefined`: a response without a body) of a
 * run with its event `parser` (loaded), in the SSE reader's lazy chunk (see `readResponse`, which checks the response and holds
 * its bytes until this chunk and the event validator are in): decodes the frames, parses each
 * (`JSON.parse`, then the run's event parser), de-duplicates and gap-checks them by their `id:`
 * with `progress.ids`, delivers events to `sink`, and ends the run (`complete`, after
 * `terminalGraceMs` past its terminal event if the stream stays open). Decoding yields to the
 * event loop after 8 ms of work; a body silent for `idleTimeoutMs` is a drop.
 *
 * Resolves `undefined` when the run is served or the sink closed, or with the `truncated` error
 * of a drop (the stream ended or broke with the run open, or without any event).
 *
 * @throws AgentError `invalid_json` | `invalid_event` | `limit_exceeded` | `truncated` (a replay
 *   that skipped events, `cause` `replay_gap`), or the signal's reason when aborted.
 * @internal
 */
export async function readSseBody(
  reader: HeldReader | undefined,
  parser: EventParser,
  ctx: ReadResponseContext,
): Promise<AgentError | undefined> {
  const { sink, signal, report, progress } = ctx
  let grace: ReturnType<typeof setTimeout> | undefined
  const settled = () => progress.delivered > 0 && !progress.runOpen

  const onFrame = (frame: SseFrame, atEnd: boolean) => {
    if (sink.closed) return // unsubscribed inside an earlier frame of the same chunk
    let raw: unknown
    try {
      raw = parseFrameJson(frame.data)
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
      const type = (raw as { type?: unknown } | null)?.type
      const verdict = checkEventId(progress.ids, frame.id, type)
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

  if (!reader) return finish()
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
      decoder ??= createSseDecoder({ maxEventBytes: ctx.maxEventBytes, onFrame })
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
  const { idleTimeoutMs = 0, clock } = ctx
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
