import { AgentError } from '../../protocol/AgentError'
import type { Clock } from '../../transport/Clock'
import { closeOutcome } from '../../transport/closeCodePolicy'
import {
  discardWebSocket,
  type WebSocketConstructor,
  type WebSocketLike,
} from '../../transport/openWebSocket'

/** How a WebSocket handshake ended: an open socket, or why it failed (1006 for a rejected upgrade). */
export type HandshakeResult = { open: WebSocketLike } | { failed: AgentError }

/** Options of {@link handshakeWebSocket}. */
export interface HandshakeOptions {
  /** Default: `globalThis.WebSocket`. */
  WebSocket?: WebSocketConstructor
  url: string
  clock: Clock
  /** Give up after this long, ms (`network` error). */
  timeoutMs: number
}

/**
 * Opens a WebSocket and waits for the handshake. Never rejects: a bad URL, a close before open
 * (a browser sees 1006 when the server rejected the upgrade with an HTTP status: the caller has
 * to ask a REST endpoint why) or the timeout resolve `{ failed }`. The open socket's handlers are
 * left for the caller to set.
 */
export function handshakeWebSocket(options: HandshakeOptions): Promise<HandshakeResult> {
  const { url, clock, timeoutMs } = options
  const WebSocketImpl =
    options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor | undefined)
  return new Promise<HandshakeResult>((resolve) => {
    if (!WebSocketImpl) {
      const message = 'No WebSocket implementation: pass the `WebSocket` option (e.g. from `ws`).'
      return resolve({ failed: new AgentError('network', message, { retryable: false }) })
    }
    let socket: WebSocketLike
    try {
      socket = new WebSocketImpl(url)
    } catch (cause) {
      return resolve({ failed: new AgentError('network', `Bad WebSocket URL ${url}.`, { cause }) })
    }
    const timer = clock.setTimeout(() => {
      discardWebSocket(socket, 4000)
      resolve({
        failed: new AgentError('network', `No WebSocket handshake within ${timeoutMs} ms.`),
      })
    }, timeoutMs)
    socket.onopen = () => {
      clock.clearTimeout(timer)
      resolve({ open: socket })
    }
    socket.onerror = () => undefined
    socket.onclose = (event: { code?: number; reason?: string }) => {
      clock.clearTimeout(timer)
      resolve({ failed: closeOutcome(event.code ?? 1006, event.reason ?? '').error })
    }
  })
}

/**
 * The `ws(s)://` base of a system's WebSocket: `wsUrl`, or `baseUrl` with `http` → `ws`
 * (a relative `baseUrl` resolved against `location.href`); no trailing slash.
 */
export function webSocketBase(options: { baseUrl: string; wsUrl?: string }): string {
  if (options.wsUrl) return options.wsUrl.replace(/\/+$/, '')
  const location = (globalThis as { location?: { href?: string } }).location
  const base = new URL(options.baseUrl, location?.href)
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:'
  return base.href.replace(/\/+$/, '')
}
