import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { toNodeListener } from '../../../src/server/toNodeListener'
import type { FakeSystem, FakeSocket } from './FakeSystem'

/** A {@link FakeSystem} listening on 127.0.0.1. */
export interface ServedFake {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string
  port: number
  /** Closes the server and drops every open connection. */
  close(): Promise<void>
}

/** The upgrade request as a web `Request` (headers only). */
function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  return new Request(new URL(req.url ?? '/', base), { headers })
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
 * requests go through the kit's `toNodeListener` (web `Request`s whose signal aborts when the
 * client goes away, `Response` bodies streamed chunk by chunk), and a rejected upgrade is answered with its
 * HTTP status (a browser sees close 1006).
 */
export async function serveFake(system: FakeSystem): Promise<ServedFake> {
  const wss = new WebSocketServer({ noServer: true })
  let base = 'http://127.0.0.1'
  const server = createServer(toNodeListener((request) => system.http(request)))
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
