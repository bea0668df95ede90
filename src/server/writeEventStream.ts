import type { ServerResponse } from 'node:http'
import type { BaseEvent, WireEvent } from '../core/protocol/types'
import { encodeSSE } from './encodeSSE'
import { toAsyncIterator, type EventSource } from './toAsyncIterator'

/** The headers {@link writeEventStream} sends (AG-UI spec 1.1, "Transports: HTTP + SSE"). */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
}

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
 * Sends status 200 with {@link SSE_HEADERS} (unless headers were already sent), then one
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
  const { signal, heartbeatMs = 15_000 } = options
  const controller = new AbortController()
  let stopReason: 'client_closed' | 'aborted' | undefined
  let wakeStop: (() => void) | undefined
  const stopped = new Promise<void>((resolve) => (wakeStop = resolve))
  const stop = (reason: 'client_closed' | 'aborted') => {
    if (stopReason) return
    stopReason = reason
    controller.abort(
      reason === 'aborted' ? signal?.reason : new Error('client closed the connection'),
    )
    wakeStop?.()
  }
  const onClose = () => {
    if (!res.writableFinished) stop('client_closed')
  }
  const onAbort = () => stop('aborted')
  res.on('close', onClose)
  if (signal?.aborted) stop('aborted')
  else signal?.addEventListener('abort', onAbort, { once: true })

  if (!res.headersSent) {
    res.writeHead(200, { ...SSE_HEADERS, ...options.headers })
    res.flushHeaders()
  }
  res.socket?.setNoDelay(true)
  const heartbeat =
    heartbeatMs > 0
      ? setInterval(() => !stopReason && !res.writableEnded && res.write(': ping\n\n'), heartbeatMs)
      : undefined
  heartbeat?.unref()

  const write = async (chunk: string): Promise<void> => {
    if (stopReason || res.writableEnded) return
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done)
          resolve()
        }
        res.on('drain', done)
        void stopped.then(done)
      })
    }
  }

  let iterator: AsyncIterator<BaseEvent | WireEvent> | undefined
  let result: WriteEventStreamResult = 'completed'
  try {
    iterator = toAsyncIterator(typeof source === 'function' ? source(controller.signal) : source)
    for (;;) {
      if (stopReason) break
      const step = await Promise.race([iterator.next(), stopped.then(() => undefined)])
      if (!step || step.done) break
      await write(encodeSSE(step.value))
    }
  } catch (error) {
    result = 'error'
    if (!stopReason)
      await write(
        encodeSSE({ type: 'RUN_ERROR', message: errorMessage(error), code: errorCode(error) }),
      )
  } finally {
    if (heartbeat) clearInterval(heartbeat)
    signal?.removeEventListener('abort', onAbort)
    res.off('close', onClose)
    if (stopReason) {
      result = stopReason
      iterator?.return?.().catch(() => undefined)
    }
    if (!res.writableEnded) res.end()
  }
  return result
}
