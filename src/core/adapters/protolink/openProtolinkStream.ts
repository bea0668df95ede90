import { AgentError, isAgentError } from '../../protocol/AgentError'
import { createSseDecoder } from '../../transport/createSseDecoder'

/** One item of a {@link ProtolinkStream}: a parsed frame, the end of the stream, or its failure. */
export type ProtolinkStreamItem =
  { kind: 'frame'; frame: unknown } | { kind: 'end' } | { kind: 'error'; error: AgentError }

/**
 * The frames of one `/tasks/stream` response, read in the background into a queue, so a task
 * can outlive the run that started it (an approval parks it; the resume run reads on).
 */
export interface ProtolinkStream {
  /**
   * The next item (waits for it). Rejects with `signal.reason` (an `AgentError('aborted')`
   * when the run was stopped) if `signal` aborts first; the item stays queued.
   */
  next(signal: AbortSignal): Promise<ProtolinkStreamItem>
  /** Stops reading and cancels the response (idempotent). */
  close(): void
}

function abortReason(signal: AbortSignal): unknown {
  return isAgentError(signal.reason)
    ? signal.reason
    : new AgentError('aborted', 'The run was aborted.')
}

/**
 * Starts reading `response.body` (Server-Sent Events, `eventsource-parser` via the kit's
 * decoder) in the background: each `data:` is parsed as JSON (a frame that is not JSON queues
 * an `invalid_json` error), the body's end queues `end`, a read failure queues `network`.
 * `abort` is aborted by {@link ProtolinkStream.close} (pass the fetch's controller).
 */
export function openProtolinkStream(
  response: Response,
  options: { maxEventBytes: number; abort: AbortController },
): ProtolinkStream {
  const queue: ProtolinkStreamItem[] = []
  let wake: (() => void) | undefined
  let finished = false
  const push = (item: ProtolinkStreamItem) => {
    if (finished) return
    if (item.kind !== 'frame') finished = true
    queue.push(item)
    wake?.()
  }
  const decoder = createSseDecoder({
    maxEventBytes: options.maxEventBytes,
    onFrame(frame, atEnd) {
      if (frame.data.trim() === '') return
      try {
        push({ kind: 'frame', frame: JSON.parse(frame.data) as unknown })
      } catch (cause) {
        if (atEnd) return // an incomplete last frame: the stream was cut (reported as `end`)
        push({
          kind: 'error',
          error: new AgentError('invalid_json', 'Protolink sent a stream frame that is not JSON.', {
            cause,
            event: frame.data.slice(0, 4096),
            retryable: false,
          }),
        })
      }
    },
  })
  const reader = response.body?.getReader()
  void (async () => {
    if (!reader) return push({ kind: 'end' })
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        decoder.push(value)
        if (finished) return
      }
      decoder.end()
      push({ kind: 'end' })
    } catch (error) {
      if (isAgentError(error)) return push({ kind: 'error', error })
      const message = error instanceof Error ? error.message : String(error)
      push({
        kind: 'error',
        error: new AgentError('network', `The Protolink stream broke: ${message}`, {
          cause: error,
        }),
      })
    }
  })()

  return {
    next(signal) {
      return new Promise((resolve, reject) => {
        const take = () => {
          const item = queue.shift()
          if (!item) return false
          signal.removeEventListener('abort', onAbort)
          wake = undefined
          resolve(item)
          return true
        }
        const onAbort = () => {
          wake = undefined
          reject(abortReason(signal))
        }
        if (signal.aborted) return onAbort()
        if (take()) return
        wake = () => void take()
        signal.addEventListener('abort', onAbort, { once: true })
      })
    },
    close() {
      finished = true
      options.abort.abort()
      void reader?.cancel().catch(() => undefined)
    },
  }
}
