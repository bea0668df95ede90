import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  attachWebSocket,
  type WebSocketAgentServer,
  type WebSocketAgentServerOptions,
} from '../../src/server/createWebSocketAgentServer'

/** A real HTTP server on loopback with the WebSocket endpoint attached at `/ws`. */
export interface WsTestServer {
  http: Server
  ws: WebSocketAgentServer
  /** `ws://127.0.0.1:<port>/ws` */
  url: string
  /** `http://127.0.0.1:<port>` */
  httpUrl: string
  close(): Promise<void>
}

export async function startWsServer(
  options: Omit<WebSocketAgentServerOptions, 'server'>,
  httpHandler?: Parameters<typeof createServer>[1],
): Promise<WsTestServer> {
  const http = createServer(
    httpHandler ??
      ((_req, res) => {
        res.writeHead(404).end()
      }),
  )
  const ws = attachWebSocket(http, { path: '/ws', ...options })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    http,
    ws,
    url: `ws://127.0.0.1:${port}/ws`,
    httpUrl: `http://127.0.0.1:${port}`,
    async close() {
      await ws.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
