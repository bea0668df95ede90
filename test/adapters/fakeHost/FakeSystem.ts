/**
 * A fake of a remote agent system, written once as web-standard handlers and hosted either on a
 * real Node server (`serveFake`: node:http + ws, for end-to-end tests) or inside the page
 * (`createInBrowserFake`: a `fetch` and a `WebSocket` class, for Storybook and jsdom tests).
 */
export interface FakeSystem {
  /** Answers one HTTP request. Stream with a `ReadableStream` body; `request.signal` aborts when the client goes away. */
  http(request: Request): Response | Promise<Response>
  /**
   * A WebSocket upgrade at `request.url` (scheme `http:`; the `sec-websocket-protocol` header
   * lists the client's subprotocols). `{ reject: status }` answers the upgrade with that HTTP
   * status, which a browser sees as close 1006; `accept` receives the server side of the socket.
   * Absent: every upgrade is rejected with 404.
   */
  upgrade?(request: Request): { reject: number } | { accept(socket: FakeSocket): void }
}

/** The server side of one fake WebSocket connection (text frames only). */
export interface FakeSocket {
  send(data: string): void
  /** A clean close with `code` (default 1000) and `reason`. */
  close(code?: number, reason?: string): void
  /** Drops the connection without a close frame (the client sees 1006). */
  terminate(): void
  onMessage(listener: (data: string) => void): void
  /** Called once, when either side closed or the connection dropped. */
  onClose(listener: (code: number, reason: string) => void): void
}

/** A JSON `Response` (what most fakes answer). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/**
 * An SSE `Response` fed by `write`: call `send(text)` per chunk and `end()` when done; `signal`
 * aborts when the client goes away.
 */
export function sseResponse(
  start: (io: { send(chunk: string): void; end(): void; signal: AbortSignal }) => void,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const aborted = new AbortController()
  const encoder = new TextEncoder()
  let closed = false
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      start({
        send(chunk) {
          if (!closed) controller.enqueue(encoder.encode(chunk))
        },
        end() {
          if (closed) return
          closed = true
          controller.close()
        },
        signal: aborted.signal,
      })
    },
    cancel() {
      closed = true
      aborted.abort()
    },
  })
  return new Response(body, {
    status: init.status ?? 200,
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...init.headers },
  })
}
