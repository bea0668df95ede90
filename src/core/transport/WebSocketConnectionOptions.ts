import type { AgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import type { Clock } from './Clock'
import type { BackoffOptions } from './createBackoff'
import type { WebSocketAuthVia, WebSocketConstructor } from './openWebSocket'
import type { DocumentLike, WindowLike } from './watchPageLifecycle'
import type { WebSocketServerFrame } from './webSocketFrames'

/** What `onAuthRequired` may return: a new token, nothing (re-read `auth`), or `false` (give up). */
export type AuthRefreshResult = string | void | false | undefined

/** Resolved options of {@link WebSocketConnection} (see `WebSocketAgentOptions` for the docs). */
export interface WebSocketConnectionOptions {
  url: string
  protocols: string[]
  auth?: string | (() => string | Promise<string>)
  authVia: WebSocketAuthVia
  authQueryParam: string
  heartbeatMs: number
  heartbeatTimeoutMs: number
  connectTimeoutMs: number
  idleCloseMs: number
  maxFrameBytes: number
  reconnect: BackoffOptions
  onAuthRequired?: (error: AgentError) => AuthRefreshResult | Promise<AuthRefreshResult>
  WebSocket: WebSocketConstructor
  clock: Clock
  random: () => number
  window: WindowLike | undefined
  document: DocumentLike | undefined
}

/** How the connection reports to its owner (the `WebSocketAgent`). */
export interface WebSocketConnectionHooks {
  /** The socket is open (auth frame sent): send `run`/`resume` frames for every run. */
  onReady(): void
  /** A run-level frame (`event`, `end`, `error` with a `runId`). */
  onFrame(frame: WebSocketServerFrame): void
  /** A frame no run can own is unreadable (`invalid_json`, `limit_exceeded`): fail the runs. */
  onFrameError(error: AgentError): void
  onDiagnostic(diagnostic: Diagnostic): void
  /** The connection gave up (caps reached, auth refused, normal close): end every run with `error`. */
  onGiveUp(error: AgentError): void
  /** Whether anything needs the connection (runs, pending stops): otherwise it is not re-opened. */
  hasWork(): boolean
}
