import { createChunkLoader } from '../protocol/createChunkLoader'

/** The SSE reader's chunk (`sseReaderChunk.ts`), loaded on a run's first request. @internal */
export const sseReader = createChunkLoader(
  () => import('./sseReaderChunk'),
  'The Server-Sent Events reader',
)

/**
 * Loads the Server-Sent Events reader of `HttpAgent` (the response body's reading loop, the SSE
 * decoder over `eventsource-parser` and the frame JSON reader, ~3.5 kB gzipped, a lazy chunk)
 * ahead of the first run. Optional: every `HttpAgent` run starts the load itself, in parallel
 * with its request, and holds the response's bytes until it is in (like the event validator,
 * see `preloadProtocol`); nothing received is lost. Call it at boot to take even that wait off
 * the first run, or where the first request may go out while the network is already down.
 *
 * Never rejects: a failed load is logged (`console.error`) and retried by the next response.
 * If that load fails too, a run the server keeps (`X-AWR-Resumable: 1`, or an attach) treats it
 * like a drop: it resumes after the backoff and loads the chunk again with the resume's answer,
 * within the `reconnect` attempts (then it ends `truncated`, `cause` `load_failed`); any other
 * run ends with `AgentError` `load_failed` (retryable).
 *
 * @example
 * void preloadSseReader()
 */
export function preloadSseReader(): Promise<void> {
  return sseReader.preload()
}
