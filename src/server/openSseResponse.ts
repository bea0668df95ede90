import type { ServerResponse } from 'node:http'

/** The headers an SSE response is sent with (AG-UI spec 1.1, "Transports: HTTP + SSE"). */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
}

/** Options of {@link openSseResponse}. */
export interface SseResponseOptions {
  /** Aborting it stops the stream (reason `'aborted'`). */
  signal?: AbortSignal
  /** Milliseconds between `: ping` comments; `0` disables. Default `15000`. */
  heartbeatMs?: number
  /** Extra response headers, merged over {@link SSE_HEADERS}. */
  headers?: Record<string, string>
}

/** An open SSE response: backpressure-aware writes, stop detection, heartbeat. */
export interface SseResponse {
  /** Writes a chunk; waits for `'drain'` when the socket buffer is full. No-op once stopped. */
  write(chunk: string): Promise<void>
  /** Resolves when the client goes away or `options.signal` aborts. */
  readonly stopped: Promise<void>
  /** Why the stream stopped early, if it did. */
  readonly stopReason: 'client_closed' | 'aborted' | undefined
  /** Aborted when the stream stops early (client gone or `options.signal`). */
  readonly signal: AbortSignal
  /** Clears the heartbeat and listeners and ends the response. Idempotent. */
  end(): void
}

/**
 * Sends status 200 with {@link SSE_HEADERS} (unless headers were already sent) and returns a
 * writer for SSE frames. Shared by `writeEventStream` and the resumable handler.
 * @internal
 */
export function openSseResponse(
  res: ServerResponse,
  options: SseResponseOptions = {},
): SseResponse {
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

  return {
    async write(chunk) {
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
    },
    stopped,
    get stopReason() {
      return stopReason
    },
    signal: controller.signal,
    end() {
      if (heartbeat) clearInterval(heartbeat)
      signal?.removeEventListener('abort', onAbort)
      res.off('close', onClose)
      if (!res.writableEnded) res.end()
    },
  }
}
