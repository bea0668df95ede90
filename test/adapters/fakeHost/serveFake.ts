import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { FakeSystem, FakeSocket } from './FakeSystem'

/** A {@link FakeSystem} listening on 127.0.0.1. */
export interface ServedFake {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string
  port: number
  /** Closes the server and drops every open connection. */
  close(): Promise<void>
}

function toRequest(
  req: IncomingMessage,
  base: string,
  signal?: AbortSignal,
  body?: Buffer,
): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  const method = req.method ?? 'GET'
  const hasBody = body !== undefined && method !== 'GET' && method !== 'HEAD'
  return new Request(new URL(req.url ?? '/', base), {
    method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
    signal,
  })
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

async function answer(system: FakeSystem, req: IncomingMessage, res: ServerResponse, base: string) {
  const gone = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) gone.abort()
  })
  let response: Response
  try {
    response = await system.http(toRequest(req, base, gone.signal, await readBody(req)))
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(`fake failed: ${String(error)}`)
    return
  }
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => (headers[name] = value))
  res.writeHead(response.status, headers)
  if (!response.body) return void res.end()
  const reader = response.body.getReader()
  gone.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}))
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
}

function wrap(ws: WebSocket): FakeSocket {
  return {
    send: (data) => {
      if (ws.readyState === ws.OPEN) ws.send(data)
    },
    close: (code = 1000, reason = '') => ws.close(code, reason),
    terminate: () => ws.terminate(),
    onMessage: (listener) => ws.on('message', (data) => listener(String(data))),
    onClose: (listener) => ws.on('close', (code, reason) => listener(code, String(reason))),
  }
}

function rejectUpgrade(socket: Duplex, status: number) {
  socket.end(`HTTP/1.1 ${status} Rejected\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/**
 * Serves `system` over real HTTP and WebSocket (`ws`) on an ephemeral port of 127.0.0.1:
 * requests become web-standard `Request`s (an abort signal fires when the client goes away),
 * `Response` bodies are streamed chunk by chunk, and a rejected upgrade is answered with its
 * HTTP status (a browser sees close 1006).
 */
export async function serveFake(system: FakeSystem): Promise<ServedFake> {
  const wss = new WebSocketServer({ noServer: true })
  let base = 'http://127.0.0.1'
  const server = createServer((req, res) => void answer(system, req, res, base))
  server.on('upgrade', (req, socket, head) => {
    const decision = system.upgrade?.(toRequest(req, base)) ?? { reject: 404 }
    if ('reject' in decision) return rejectUpgrade(socket, decision.reject)
    wss.handleUpgrade(req, socket, head, (ws) => decision.accept(wrap(ws)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  base = `http://127.0.0.1:${port}`
  return {
    url: base,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
