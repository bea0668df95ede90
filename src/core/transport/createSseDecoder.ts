import { createParser, type EventSourceParser } from 'eventsource-parser'
import { AgentError } from '../protocol/AgentError'

/** One Server-Sent Events frame: its `data` (multi-line `data:` fields joined by `\n`), `id`, `event`. */
export interface SseFrame {
  data: string
  id?: string
  event?: string
}

/** Options of {@link createSseDecoder}. */
export interface SseDecoderOptions {
  /**
   * Limit on one frame, in bytes: a frame whose `data` is larger (UTF-8), or more bytes received
   * without reaching a frame boundary (checked per received chunk), makes `push` throw
   * `AgentError('limit_exceeded')`.
   */
  maxEventBytes: number
  /**
   * Receives each frame. `atEnd` is true for a frame the stream ended inside of (no blank line
   * after it): it may be incomplete, so its consumer should ignore it if it does not parse.
   */
  onFrame: (frame: SseFrame, atEnd: boolean) => void
  /** Receives each `retry:` value (ms). Ignored by the kit's transports. */
  onRetry?: (ms: number) => void
}

/** Incremental decoder of a `text/event-stream` byte stream; see {@link createSseDecoder}. */
export interface SseDecoder {
  /** Decodes one chunk of bytes (any split: mid-line, mid-UTF-8 character). @throws AgentError `limit_exceeded` */
  push(chunk: Uint8Array): void
  /** Ends the stream: flushes a final frame that lacks its blank line (reported with `atEnd`). */
  end(): void
}

const encoder = new TextEncoder()

/**
 * Creates a streaming decoder of Server-Sent Events (WHATWG HTML, "Server-sent events") over
 * `eventsource-parser`: LF, CR and CRLF line ends, comments and heartbeats (`: ping`), `id:`,
 * `event:`, `retry:`, multi-line `data:`, a leading BOM; bytes are decoded as UTF-8 with a
 * streaming `TextDecoder`, so a character split across chunks survives. Frames with an empty
 * `data` are delivered (the consumer decides: not JSON). Unknown fields are ignored.
 */
export function createSseDecoder(options: SseDecoderOptions): SseDecoder {
  const { maxEventBytes, onFrame } = options
  const decoder = new TextDecoder('utf-8')
  let pendingBytes = 0
  let atEnd = false

  const parser: EventSourceParser = createParser({
    onEvent(message) {
      pendingBytes = 0
      const { data } = message
      if (data.length * 3 > maxEventBytes && encoder.encode(data).length > maxEventBytes) {
        throw new AgentError(
          'limit_exceeded',
          `An event of more than ${maxEventBytes} bytes (maxEventBytes) was received.`,
          {
            retryable: false,
          },
        )
      }
      const frame: SseFrame = { data }
      if (message.id !== undefined) frame.id = message.id
      if (message.event !== undefined) frame.event = message.event
      onFrame(frame, atEnd)
    },
    onComment() {
      pendingBytes = 0
    },
    ...(options.onRetry && { onRetry: options.onRetry }),
  })

  return {
    push(chunk) {
      pendingBytes += chunk.byteLength
      parser.feed(decoder.decode(chunk, { stream: true }))
      if (pendingBytes > maxEventBytes) {
        throw new AgentError(
          'limit_exceeded',
          `More than ${maxEventBytes} bytes (maxEventBytes) were received without an event boundary.`,
          { retryable: false },
        )
      }
    },
    end() {
      parser.feed(decoder.decode())
      atEnd = true
      parser.feed('\n\n')
    },
  }
}
