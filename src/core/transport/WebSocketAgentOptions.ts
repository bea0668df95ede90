import type { AgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import type { Clock } from './Clock'
import type { BackoffOptions } from './createBackoff'
import type { WebSocketAuthVia, WebSocketConstructor } from './openWebSocket'
import type { AuthRefreshResult } from './WebSocketConnectionOptions'
import type { DocumentLike, WindowLike } from './watchPageLifecycle'

/** Options of `WebSocketAgent`. Times are in ms, sizes in bytes. */
export interface WebSocketAgentOptions {
  /** The endpoint, `ws:` or `wss:` (browsers also resolve `http(s):` and relative URLs). */
  url: string | URL
  /**
   * Subprotocols offered in `Sec-WebSocket-Protocol`. Default: `['awr.v1']` (the kit's server
   * echoes it; a server that selects none fails the handshake, so pass `[]` for one that does
   * not negotiate). With `authVia: 'protocol'`, `awr.auth.<token>` is added.
   */
  protocols?: string[]
  /** Credentials: a token, or a (possibly async) function called before every connection. */
  auth?: string | (() => string | Promise<string>)
  /** Where the token goes: `'frame'` (default), `'protocol'`, or `'query'` (opt-in; see {@link WebSocketAuthVia}). */
  authVia?: WebSocketAuthVia
  /** Query parameter name for `authVia: 'query'`. Default: `token`. */
  authQueryParam?: string
  /**
   * Called when the server refuses the credentials (close 1008/4003, an `auth_failed` frame) and
   * once when they expired (close 4002); the state is `auth_required` (for 4002: `reconnecting`)
   * meanwhile. Return (or resolve) a new token to reconnect with it, nothing to reconnect with
   * `auth` read again, or `false` (or throw) to give up: runs then end with `auth_required`.
   * Without it, an auth failure ends the runs at once (4002 still reconnects once).
   */
  onAuthRequired?: (error: AgentError) => AuthRefreshResult | Promise<AuthRefreshResult>
  /** Time between heartbeat pings, ms; 0 disables the heartbeat. Default: 15 000. */
  heartbeatMs?: number
  /**
   * Time without any frame after a ping before the connection is declared dead (diagnostic
   * and state error `heartbeat_timeout`, then a reconnect), ms. Default: 10 000.
   */
  heartbeatTimeoutMs?: number
  /** Time the WebSocket handshake may take before the attempt counts as failed, ms. Default: 10 000. */
  connectTimeoutMs?: number
  /** Time the connection stays open with no run before it is closed, ms. Default: 30 000. */
  idleCloseMs?: number
  /** Reconnect backoff (full jitter): base 500 ms, cap 30 s, 10 attempts or 5 min. */
  reconnect?: BackoffOptions
  /** The `WebSocket` constructor. Default: `globalThis.WebSocket` (in Node < 22 pass `ws`'s). */
  WebSocket?: WebSocketConstructor
  /** Size limit of one received frame, bytes (UTF-8); a larger one fails the runs with `limit_exceeded`. Default: 8 MiB. */
  maxFrameBytes?: number
  /** The server's highest protocol version; see `HttpAgentOptions.maxProtocolVersion`. Default: `1.1`. */
  maxProtocolVersion?: string
  /**
   * Time to wait for the server's `end` frame after a run's terminal event before completing
   * anyway, ms. Default: 1000.
   */
  terminalGraceMs?: number
  /** Receives findings for every run (dropped duplicates, unknown close codes, binary frames, ...). */
  onDiagnostic?: (diagnostic: Diagnostic) => void
  /** Time source (tests). Default: the system clock. */
  clock?: Clock
  /** Random source of the backoff jitter, [0, 1) (tests). Default: `Math.random`. */
  random?: () => number
  /** Watched for `online`/`offline`. Default: `globalThis.window` when present; `null`: none. */
  window?: WindowLike | null
  /** Watched for `visibilitychange`. Default: `globalThis.document` when present; `null`: none. */
  document?: DocumentLike | null
}
