import type { BaseEvent } from '../core/protocol/types'

/** Options of {@link encodeSSE}. */
export interface EncodeSSEOptions {
  /**
   * Written as the frame's `id:` line (the browser's `Last-Event-ID`). Must not contain
   * `\r`, `\n` or `\0` (the SSE grammar forbids them; a `\0` makes clients ignore the id).
   */
  id?: string
}

/**
 * Encodes one AG-UI event as a Server-Sent Events frame:
 * `id: <id>\n` (only when `options.id` is given), then `data: <JSON>\n\n`.
 *
 * `JSON.stringify` escapes line breaks, so the data always fits on one `data:` line
 * (WHATWG HTML, "Server-sent events"; AG-UI spec 1.1, "Transports: HTTP + SSE").
 *
 * @throws TypeError when `options.id` contains `\r`, `\n` or `\0`, or when the event
 *   cannot be serialised to JSON (a `BigInt`, a cycle).
 * @example
 * res.write(encodeSSE({ type: 'RUN_STARTED', threadId: 't', runId: 'r' }))
 * // 'data: {"type":"RUN_STARTED","threadId":"t","runId":"r"}\n\n'
 */
export function encodeSSE(
  event: BaseEvent | Record<string, unknown>,
  options: EncodeSSEOptions = {},
): string {
  const { id } = options
  if (id !== undefined && /[\r\n\0]/.test(id)) {
    throw new TypeError('encodeSSE: an SSE id must not contain \\r, \\n or \\0')
  }
  const json = JSON.stringify(event)
  if (json === undefined) throw new TypeError('encodeSSE: the event is not serialisable to JSON')
  return `${id === undefined ? '' : `id: ${id}\n`}data: ${json}\n\n`
}
