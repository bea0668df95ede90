import type { ServerResponse } from 'node:http'
import type { BaseEvent, WireEvent } from '../core/protocol/types'
import { encodeSSE } from './encodeSSE'
import { openSseResponse } from './openSseResponse'
import { toAsyncIterator, type EventSource } from './toAsyncIterator'

export { SSE_HEADERS } from './openSseResponse'

/** Options of {@link writeEventStream}. */
export interface WriteEventStreamOptions {
  /** Aborting it stops the source and ends the response without a further event. */
  signal?: AbortSignal
  /**
   * Interval in milliseconds between `: ping` comment frames that keep proxies and load
   * balancers from closing an idle stream. `0` disables them. Default `15000`.
   */
  heartbeatMs?: number
  /** Extra response headers, merged over {@link SSE_HEADERS}. */
  headers?: Record<string, string>
  /**
   * Number the events: an `id: <n>` line on every frame, `n` = 1, 2, 3, … in stream order (the
   * kit's event ids; a `RUN_ERROR` written for a failing source gets the next id). Default
   * `false`. For ids that survive a reconnect use `createAgentHandler({ resumable })`.
   */
  eventIds?: boolean
}

/**
 * Why {@link writeEventStream} stopped: the source completed, the source threw (a `RUN_ERROR`
 * was written), the client went away, or `options.signal` aborted.
 */
export type WriteEventStreamResult = 'completed' | 'error' | 'client_closed' | 'aborted'

/**
 * A source of events, or a function that creates one from an `AbortSignal` which is aborted
 * when the client disconnects (or `options.signal` aborts). The function form lets an agent
 * stop its own work promptly; the plain form is stopped by `iterator.return()`/`unsubscribe()`.
 */
export type EventStreamSource =
  EventSource<BaseEvent | WireEvent> | ((signal: AbortSignal) => EventSource<BaseEvent | WireEvent>)

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code !== '' ? code : 'internal_error'
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The agent failed.'
}

/**
 * Streams AG-UI events to a Node `ServerResponse` as Server-Sent Events.
 *
 * Sends status 200 with `SSE_HEADERS` (unless headers were already sent), then one
 * {@link encodeSSE} frame per event, waiting for `'drain'` whenever `res.write` reports a full
 * buffer (backpressure), plus a `: ping` comment every `heartbeatMs` ms. Ends the response when
 * the source completes.
 *
 * - Client disconnect: the source is stopped (the function form's signal aborts, an async
 *   iterator's `return()` is called, an Observable is unsubscribed); resolves `'client_closed'`.
 * - Source throws/errors mid-stream: writes `RUN_ERROR { message, code }` (`code` is the
 *   error's string `code`, else `'internal_error'`) and ends; resolves `'error'`.
 * - `options.signal` aborts: stops the source and ends the response; resolves `'aborted'`.
 *
 * Never rejects.
 */
export async function writeEventStream(
  res: ServerResponse,
  source: EventStreamSource,
  options: WriteEventStreamOptions = {},
): Promise<WriteEventStreamResult> {
  const sse = openSseResponse(res, options)
  let nextId = 1
  const frame = (event: BaseEvent | WireEvent | Record<string, unknown>) =>
    encodeSSE(event, options.eventIds ? { id: String(nextId++) } : {})
  let iterator: AsyncIterator<BaseEvent | WireEvent> | undefined
  let result: WriteEventStreamResult = 'completed'
  try {
    const it = toAsyncIterator(typeof source === 'function' ? source(sse.signal) : source)
    iterator = it
    // One promise per step, woken by next() or by the stop: racing every step against the
    // long-lived `stopped` promise would pile a reaction on it per event.
    let wake: ((value: undefined) => void) | undefined
    void sse.stopped.then(() => wake?.(undefined))
    for (;;) {
      if (sse.stopReason) break
      const step = await new Promise<IteratorResult<BaseEvent | WireEvent> | undefined>(
        (resolve, reject) => {
          wake = resolve
          it.next().then(resolve, reject)
        },
      )
      if (!step || step.done) break
      await sse.write(frame(step.value))
    }
  } catch (error) {
    result = 'error'
    if (!sse.stopReason)
      await sse.write(
        frame({ type: 'RUN_ERROR', message: errorMessage(error), code: errorCode(error) }),
      )
  } finally {
    if (sse.stopReason) {
      result = sse.stopReason
      iterator?.return?.().catch(() => undefined)
    }
    sse.end()
  }
  return result
}
