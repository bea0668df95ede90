/** Test helpers for HttpAgent runs whose response the test feeds and breaks by hand. */

/** `list` as SSE bytes: one `data:` frame of JSON per item. */
export const sseBytes = (list: unknown[]): Uint8Array =>
  new TextEncoder().encode(list.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''))

/** A `text/event-stream` response whose body the test feeds and breaks by hand (a network under test control). */
export function controlledResponse() {
  let body!: ReadableStreamDefaultController<Uint8Array>
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (body = c) })
  const response = new Response(stream, { headers: { 'content-type': 'text/event-stream' } })
  return { response, body: () => body }
}
