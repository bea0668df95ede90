import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAgentHandler } from './createAgentHandler'
import { createDemoAgent, type DemoAgentOptions } from './demo/createDemoAgent'

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions extends DemoAgentOptions {
  /** TCP port; `0` (the default) picks a free one. */
  port?: number
  /** Interface to listen on. Default `'127.0.0.1'`. */
  host?: string
  /** Heartbeat interval in milliseconds (see `writeEventStream`). Default `15000`. */
  heartbeatMs?: number
}

/** A running demo server. */
export interface DemoServer {
  /** Base URL, e.g. `http://127.0.0.1:53211` (no trailing slash). */
  url: string
  /** The agent endpoint: `${url}/api/agent`. */
  agentUrl: string
  /** The port actually bound. */
  port: number
  /** Stops listening and closes open connections (streams in flight are cut). */
  close(): Promise<void>
}

/**
 * Starts a `node:http` server that serves the deterministic demo agent
 * ({@link createDemoAgent}) at `POST /api/agent` over SSE; every other path answers 404.
 * Meant for tests and local experiments.
 *
 * @throws when the port cannot be bound (the listen error, e.g. `EADDRINUSE`).
 * @example
 * const server = await startDemoServer()
 * const agent = new HttpAgent({ url: server.agentUrl })
 * await server.close()
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const { port = 0, host = '127.0.0.1', heartbeatMs, ...agentOptions } = options
  const handler = createAgentHandler(createDemoAgent(agentOptions), { heartbeatMs })
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/api/agent') return handler(req, res)
    res.writeHead(404, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ error: { code: 'not_found', message: `No route for ${path}` } }))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const bound = (server.address() as AddressInfo).port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`
  return {
    url,
    agentUrl: `${url}/api/agent`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
