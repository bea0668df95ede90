/** The part of the WHATWG `WebSocket` the client uses (the browser's, or `ws`'s in Node). */
export interface WebSocketLike {
  readonly readyState: number
  binaryType: string
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((event: any) => void) | null
  onmessage: ((event: any) => void) | null
  onclose: ((event: any) => void) | null
  onerror: ((event: any) => void) | null
}

/** A `WebSocket` constructor: `globalThis.WebSocket`, or `WebSocket` from the `ws` package. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike

/**
 * Where the client puts credentials (issue 6: never in the URL unless the app opts in):
 * - `frame`: a first `{ type: "auth", token }` frame (default);
 * - `protocol`: the subprotocol `awr.auth.<token>` next to `awr.v1` (`Sec-WebSocket-Protocol`;
 *   the token must be made of HTTP token characters, e.g. a JWT);
 * - `query`: `?<authQueryParam>=<token>` on the URL (visible in server and proxy logs: opt-in).
 */
export type WebSocketAuthVia = 'frame' | 'protocol' | 'query'

/** What {@link openWebSocket} needs. */
export interface OpenWebSocketOptions {
  WebSocket: WebSocketConstructor
  url: string
  protocols: readonly string[]
  token: string | undefined
  authVia: WebSocketAuthVia
  authQueryParam: string
}

/**
 * Constructs a WebSocket with the credentials placed as `authVia` says (`frame` credentials
 * are sent by the caller once open), `binaryType = 'arraybuffer'` and no-op handlers.
 * @throws whatever the constructor throws (a `SyntaxError` for a bad URL or subprotocol).
 */
export function openWebSocket(options: OpenWebSocketOptions): WebSocketLike {
  const { token, authVia, authQueryParam } = options
  let url = options.url
  const protocols = [...options.protocols]
  if (token !== undefined && authVia === 'query') {
    const param = `${encodeURIComponent(authQueryParam)}=${encodeURIComponent(token)}`
    url += `${url.includes('?') ? '&' : '?'}${param}`
  }
  if (token !== undefined && authVia === 'protocol') protocols.push(`awr.auth.${token}`)
  const socket = new options.WebSocket(url, protocols)
  socket.binaryType = 'arraybuffer'
  silence(socket)
  return socket
}

const noop = () => undefined

/**
 * Replaces a socket's handlers with no-ops (keeping an `error` listener: `ws` throws an
 * `error` event that has none) and closes it: `terminate()` when `ws` offers it and the close
 * is not a normal one (no closing handshake with a dead peer), else `close(code, reason)`.
 */
export function discardWebSocket(socket: WebSocketLike, code = 1000, reason = ''): void {
  silence(socket)
  try {
    const terminate = (socket as { terminate?: () => void }).terminate
    if (terminate && code !== 1000) terminate.call(socket)
    else socket.close(code, reason)
  } catch {
    // already closed, or never opened
  }
}

function silence(socket: WebSocketLike): void {
  socket.onopen = noop
  socket.onmessage = noop
  socket.onclose = noop
  socket.onerror = noop
}
