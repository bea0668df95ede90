import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAgentHandler } from './createAgentHandler'
import { createRunRegistry, type RunRegistry, type RunRegistryOptions } from './createRunRegistry'
import { createWebSocketAgentServer } from './createWebSocketAgentServer'
import { createDemoAgent, type DemoAgentOptions } from './demo/createDemoAgent'

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions extends DemoAgentOptions {
  /** TCP port; `0` (the default) picks a free one. */
  port?: number
  /** Interface to listen on. Default `'127.0.0.1'`. */
  host?: string
  /** Heartbeat interval in milliseconds (see `writeEventStream`). Default `15000`. */
  heartbeatMs?: number
  /**
   * Replay bounds and idle timeout of the run registry shared by SSE and WebSocket (see
   * `createRunRegistry`), or `false` for the plain, non-resumable SSE endpoint (the WebSocket
   * endpoint still keeps runs). Default `true` (default bounds).
   */
  resumable?: boolean | RunRegistryOptions
  /** Options passed to the WebSocket endpoint (`authenticate`, `maxRunsPerConnection`, …). */
  webSocket?: Omit<
    Parameters<typeof createWebSocketAgentServer>[0],
    'agent' | 'server' | 'path' | 'resumable'
  >
}

/** A running demo server. */
export interface DemoServer {
  /** Base URL, e.g. `http://127.0.0.1:53211` (no trailing slash). */
  url: string
  /** The SSE agent endpoint: `${url}/api/agent` (resume: `${agentUrl}/runs/<runId>/events`). */
  agentUrl: string
  /** The WebSocket endpoint: `ws://<host>:<port>/api/agent/ws`. */
  wsUrl: string
  /** The port actually bound. */
  port: number
  /** The runs both endpoints share (inspect, cancel, or count them in tests). */
  registry: RunRegistry
  /** Stops listening, closes WebSockets (1001) and open connections, cancels the runs. */
  close(): Promise<void>
}

/**
 * Starts a `node:http` server that serves the deterministic demo agent
 * ({@link createDemoAgent}) over SSE at `POST /api/agent` (resumable: event ids, `GET
 * /api/agent/runs/<runId>/events` with `Last-Event-ID`, `POST /api/agent/runs/<runId>/cancel`)
 * and over WebSocket at `/api/agent/ws`, both on one run registry, so a run started on one can be
 * resumed on the other. Every other path answers 404. Meant for tests and local experiments.
 *
 * @throws when the port cannot be bound (the listen error, e.g. `EADDRINUSE`).
 * @example
 * const server = await startDemoServer()
 * const agent = new HttpAgent({ url: server.agentUrl })
 * const ws = new WebSocketAgent({ url: server.wsUrl })
 * await server.close()
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    heartbeatMs,
    resumable = true,
    webSocket,
    ...agentOptions
  } = options
  const agent = createDemoAgent(agentOptions)
  const registry = createRunRegistry(typeof resumable === 'object' ? resumable : {})
  const handler = createAgentHandler(agent, {
    heartbeatMs,
    resumable: resumable === false ? false : registry,
  })
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/api/agent' || path.startsWith('/api/agent/runs/')) return handler(req, res)
    res.writeHead(404, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ error: { code: 'not_found', message: `No route for ${path}` } }))
  })
  const ws = createWebSocketAgentServer({
    ...webSocket,
    agent,
    server,
    path: '/api/agent/ws',
    resumable: registry,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const bound = (server.address() as AddressInfo).port
  const authority = `${host.includes(':') ? `[${host}]` : host}:${bound}`
  const url = `http://${authority}`
  return {
    url,
    agentUrl: `${url}/api/agent`,
    wsUrl: `ws://${authority}/api/agent/ws`,
    port: bound,
    registry,
    async close() {
      const closing = new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
      })
      server.closeAllConnections()
      await ws.close()
      registry.close()
      await closing
    },
  }
}
