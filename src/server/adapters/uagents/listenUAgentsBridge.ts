import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { UAgentsBridge } from './createUAgentsBridge'

/** Limit of one request body the Node host reads, bytes. */
const MAX_BODY_BYTES = 4 * 1024 * 1024

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) req.destroy(new Error('request body too large'))
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * A Node `(req, res)` listener serving a web-standard handler such as `bridge.handle`: the
 * request becomes a `Request` (its signal aborts when the client goes away), the `Response` body
 * is streamed chunk by chunk (SSE). Bodies over 4 MiB are refused (413).
 */
export function toNodeListener(
  handle: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const gone = new AbortController()
      res.on('close', () => {
        if (!res.writableFinished) gone.abort()
      })
      let body: Buffer
      try {
        body = await readBody(req)
      } catch {
        res.writeHead(413).end()
        return
      }
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers))
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
          headers.append(name, v)
      const method = req.method ?? 'GET'
      const request = new Request(
        new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`),
        {
          method,
          headers,
          signal: gone.signal,
          ...(method !== 'GET' && method !== 'HEAD' && { body: new Uint8Array(body) }),
        },
      )
      const response = await handle(request)
      const out: Record<string, string> = {}
      response.headers.forEach((value, name) => (out[name] = value))
      res.writeHead(response.status, out)
      if (!response.body) return void res.end()
      const reader = response.body.getReader()
      gone.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined))
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          res.write(value)
        }
        res.end()
      } catch {
        res.destroy()
      }
    })()
  }
}

/**
 * Serves a uAgents bridge on Node (`node:http`). Resolves once listening, with the server and
 * its port (use port 0 for an ephemeral one). Closing the server does not close the bridge:
 * call `bridge.close()` too.
 *
 * @example
 * const bridge = createUAgentsBridge({ agentAddress, agentEndpoint, publicUrl: 'https://me.example/uagents' })
 * await listenUAgentsBridge(bridge, { port: 8787 })
 */
export function listenUAgentsBridge(
  bridge: UAgentsBridge,
  { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<{ server: Server; port: number }> {
  const server = createServer(toNodeListener((request) => bridge.handle(request)))
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    )
  })
}
