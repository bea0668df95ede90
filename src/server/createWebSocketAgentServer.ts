import type { IncomingMessage, Server as HttpServer } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { BaseEvent, RunAgentInput, WireEvent } from '../core/protocol/types'
import type { Agent } from '../core/transport/Agent'
import type { AgentHandlerFn } from './createAgentHandler'
import { createRunRegistry, type RunRegistry, type RunRegistryOptions } from './createRunRegistry'
import type { EventSource } from './toAsyncIterator'
import { WS_CLOSE_CODES, type WebSocketAuthDecision } from './webSocketCloseCodes'
import { WebSocketSession } from './WebSocketSession'

/** The subprotocol the server selects (`Sec-WebSocket-Protocol`); clients offer it. */
export const AWR_SUBPROTOCOL = 'awr.v1'
/** Prefix of the subprotocol entry that carries a token: `awr.auth.<token>`. */
export const AWR_AUTH_PROTOCOL_PREFIX = 'awr.auth.'

/** Options of {@link createWebSocketAgentServer}. */
export interface WebSocketAgentServerOptions {
  /** The agent, as for `createAgentHandler`: an {@link AgentHandlerFn} or an {@link Agent}. */
  agent: AgentHandlerFn | Agent
  /**
   * An HTTP(S) server to take upgrades from (an `'upgrade'` listener is added; other upgrade
   * listeners, such as Vite's HMR socket, keep working). Without it, call
   * {@link WebSocketAgentServer.handleUpgrade} from your own `'upgrade'` listener.
   */
  server?: HttpServer
  /** Only upgrades to this path (pathname, query ignored) are taken. Default: any path. */
  path?: string
  /**
   * The run registry (share it with `createAgentHandler({ resumable })` to resume over either
   * transport), or options for a new one. Default: a new registry with default bounds.
   */
  resumable?: RunRegistry | RunRegistryOptions
  /**
   * Checks a token from the `auth` frame, the `awr.auth.<token>` subprotocol, or the query
   * parameter named by `queryToken`. See {@link WebSocketAuthDecision}; a throw closes with
   * 1011. Without it, every connection is accepted and `auth` frames are ignored.
   */
  authenticate?: (
    token: string,
    req: IncomingMessage,
  ) => WebSocketAuthDecision | Promise<WebSocketAuthDecision>
  /** Milliseconds to wait for the `auth` frame before closing with 1008. Default `10000`. */
  authTimeoutMs?: number
  /**
   * Name of a query parameter accepted as the token (e.g. `'token'`). Off by default: tokens in
   * URLs end up in logs; prefer the `auth` frame or the subprotocol.
   */
  queryToken?: string
  /**
   * Milliseconds between WebSocket pings (RFC 6455 control frames, answered by browsers); a
   * connection that has not answered the previous ping is terminated. `0` disables. Default
   * `30000`. (Clients' app-level `ping` frames are answered with `pong` regardless.)
   */
  heartbeatMs?: number
  /**
   * Most runs one connection may have running at once; the next `run` frame closes the
   * connection with 4004 and reason `retry-after=<retryAfterSeconds>`. Default `Infinity`.
   */
  maxRunsPerConnection?: number
  /** Seconds a rate-limited client is told to wait (4004 reason). Default `5`. */
  retryAfterSeconds?: number
  /** Largest accepted frame, in bytes; larger ones close with 1009. Default `1048576` (1 MiB). */
  maxPayloadBytes?: number
}

/** A running WebSocket endpoint (see {@link createWebSocketAgentServer}). */
export interface WebSocketAgentServer {
  /** The underlying `ws` server (`noServer` mode). */
  readonly wss: WebSocketServer
  /** The registry the runs live in. */
  readonly registry: RunRegistry
  /** Completes an upgrade for this endpoint (for your own `'upgrade'` listener). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /**
   * Closes every connection with 1001, detaches from `server`, and cancels the runs of a
   * registry it created (a registry passed in is left alone).
   */
  close(): Promise<void>
}

function protocolsOf(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol']
  return typeof header === 'string' ? header.split(',').map((p) => p.trim()) : []
}

function tokenOf(req: IncomingMessage, queryToken: string | undefined): string | undefined {
  const entry = protocolsOf(req).find((p) => p.startsWith(AWR_AUTH_PROTOCOL_PREFIX))
  if (entry && entry.length > AWR_AUTH_PROTOCOL_PREFIX.length)
    return entry.slice(AWR_AUTH_PROTOCOL_PREFIX.length)
  if (!queryToken) return undefined
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(queryToken) || undefined
}

/**
 * Serves an AG-UI agent over WebSocket with the `ws` library, per the kit's contract (README,
 * "Resumable streams and WebSocket"): JSON text frames `run`, `stop`, `resume`, `detach`,
 * `ping`, `auth` in; `event` (with the run's event `id`), `end`, `error`, `pong` out; any
 * number of runs multiplexed on one connection; runs outlive connections (they live in a
 * {@link RunRegistry}) and are re-joined with `resume`. `run` is idempotent by `runId`: for a
 * run the registry already has on the same thread it re-joins from event 1 instead of starting
 * the agent again (another thread gets `busy`). A listener that cannot keep up holds the agent
 * back rather than lose events (see `ManagedRun`).
 *
 * The server selects the `awr.v1` subprotocol when offered. A bad frame (not JSON, unknown
 * type, invalid input, binary) gets `{ type: 'error', code: 'bad_frame' }` and the connection
 * stays open. Close codes: see `WS_CLOSE_CODES`.
 *
 * @throws TypeError when `agent` is neither a function nor an object with `run()`.
 * @example
 * const server = http.createServer(createAgentHandler(agent, { resumable: runs }))
 * createWebSocketAgentServer({ agent, server, path: '/api/agent/ws', resumable: runs })
 */
export function createWebSocketAgentServer(
  options: WebSocketAgentServerOptions,
): WebSocketAgentServer {
  const { agent, server, path, resumable, maxPayloadBytes = 1024 * 1024 } = options
  if (typeof agent !== 'function' && typeof (agent as Agent | null)?.run !== 'function') {
    throw new TypeError('createWebSocketAgentServer: expected an agent function or run() object')
  }
  const owned = !(resumable && typeof (resumable as RunRegistry).start === 'function')
  const registry = owned
    ? createRunRegistry(resumable as RunRegistryOptions | undefined)
    : (resumable as RunRegistry)
  const source =
    (input: RunAgentInput) =>
    (signal: AbortSignal): EventSource<BaseEvent | WireEvent> =>
      typeof agent === 'function' ? agent(input, { signal }) : agent.run(input, { signal })

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxPayloadBytes,
    handleProtocols: (protocols) => (protocols.has(AWR_SUBPROTOCOL) ? AWR_SUBPROTOCOL : false),
  })
  wss.on('connection', (ws, req: IncomingMessage) => {
    new WebSocketSession(ws, req, {
      registry,
      source,
      authenticate: options.authenticate,
      handshakeToken: tokenOf(req, options.queryToken),
      authTimeoutMs: options.authTimeoutMs ?? 10_000,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      maxRunsPerConnection: options.maxRunsPerConnection ?? Infinity,
      retryAfterSeconds: options.retryAfterSeconds ?? 5,
    })
  })

  const matches = (req: IncomingMessage) =>
    path === undefined || new URL(req.url ?? '/', 'http://localhost').pathname === path
  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (matches(req)) return handleUpgrade(req, socket, head)
    // Another listener (e.g. Vite's HMR) may take it; if we are alone, refuse it.
    if (server && server.listenerCount('upgrade') === 1) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    }
  }
  server?.on('upgrade', onUpgrade)

  return {
    wss,
    registry,
    handleUpgrade,
    async close() {
      server?.off('upgrade', onUpgrade)
      const closing = [...wss.clients].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve())
            ws.close(WS_CLOSE_CODES.goingAway, 'server closing')
            // A peer that does not answer the closing handshake is cut after a second.
            setTimeout(() => ws.terminate(), 1000).unref()
          }),
      )
      if (owned) registry.close()
      await Promise.all(closing)
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

/**
 * Attaches the WebSocket endpoint to an existing HTTP server: shorthand for
 * `createWebSocketAgentServer({ ...options, server })`.
 */
export function attachWebSocket(
  server: HttpServer,
  options: Omit<WebSocketAgentServerOptions, 'server'>,
): WebSocketAgentServer {
  return createWebSocketAgentServer({ ...options, server })
}
