import { tokenAt } from './makeThread'

/** An AG-UI event as the page sends it (plain JSON, as parsed off the wire). */
export interface WireEvent {
  type: string
  [field: string]: unknown
}

/** Options of {@link streamTokens}. */
export interface TokenStreamOptions {
  /** `TEXT_MESSAGE_CONTENT` events to send. */
  tokens: number
  /** Rate (tokens per second). */
  perSecond: number
  /** Id of the streamed assistant message. */
  messageId: string
  threadId: string
  runId: string
  /** Stops the stream early (the run then ends without its last events). */
  signal?: AbortSignal
}

/**
 * Emits one run that streams `tokens` text deltas at `perSecond` into a new assistant message:
 * `RUN_STARTED`, `TEXT_MESSAGE_START`, the deltas, `TEXT_MESSAGE_END`, `RUN_FINISHED`. A timer
 * loop (`setTimeout` 0, which browsers clamp to ~4 ms) sends every token that is due, one
 * `emit` per event, as a network read delivers several events at once. Resolves when done.
 */
export function streamTokens(
  { tokens, perSecond, messageId, threadId, runId, signal }: TokenStreamOptions,
  emit: (event: WireEvent) => void,
): Promise<void> {
  emit({ type: 'RUN_STARTED', threadId, runId })
  emit({ type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' })
  const start = performance.now()
  let sent = 0
  return new Promise((resolve) => {
    const tick = () => {
      if (signal?.aborted) return resolve()
      const due = Math.min(tokens, Math.floor(((performance.now() - start) * perSecond) / 1000))
      for (; sent < due; sent++) {
        emit({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta: tokenAt(sent) })
      }
      if (sent < tokens) {
        setTimeout(tick, 0)
        return
      }
      emit({ type: 'TEXT_MESSAGE_END', messageId })
      emit({ type: 'RUN_FINISHED', threadId, runId })
      resolve()
    }
    setTimeout(tick, 0)
  })
}
