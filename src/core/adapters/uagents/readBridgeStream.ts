import { AgentError, isAgentError } from '../../protocol/AgentError'
import { createSseDecoder } from '../../transport/createSseDecoder'

/** What {@link readBridgeStream} reads for. */
export interface ReadBridgeStreamOptions {
  /** Aborted when the run ended or was stopped (reading then stops silently). */
  signal: AbortSignal
  /** True once the run's sink is closed (reading stops). */
  closed(): boolean
  /** Per-frame limit, bytes. */
  maxEventBytes: number
  /** Receives each SSE frame's `data`; may throw an `AgentError` to end the run. */
  onFrame(data: string, atEnd: boolean): void
}

/**
 * Reads the bridge's `GET /chat/<session>/events` answer (status already checked) until the run
 * closes.
 * @throws AgentError `invalid_response` (not `text/event-stream`), `limit_exceeded`, what
 *   `onFrame` throws, or `truncated` (the stream broke or ended while the run was open).
 */
export async function readBridgeStream(
  response: Response,
  options: ReadBridgeStreamOptions,
): Promise<void> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('text/event-stream') || !response.body)
    throw new AgentError(
      'invalid_response',
      `uAgents bridge: the event stream answered '${type || 'no content type'}', not text/event-stream.`,
      { status: response.status },
    )
  const decoder = createSseDecoder({
    maxEventBytes: options.maxEventBytes,
    onFrame: (frame, atEnd) => {
      if (!options.closed()) options.onFrame(frame.data, atEnd)
    },
  })
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done || options.closed()) break
      decoder.push(value)
    }
    if (!options.closed()) decoder.end()
  } catch (error) {
    if (options.signal.aborted || options.closed()) return
    if (isAgentError(error)) throw error
    throw new AgentError('truncated', 'uAgents bridge: the event stream broke mid-run.', {
      cause: error,
    })
  } finally {
    void reader.cancel().catch(() => undefined)
  }
  if (!options.closed())
    throw new AgentError(
      'truncated',
      'uAgents bridge: the event stream ended before the run finished.',
    )
}
