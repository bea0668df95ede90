/** A real local HTTP server for the transport tests (node:http on port 0). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Observable } from '../../../src/core/transport/Agent'

/** One request the server received, and whether the client went away before the response ended. */
export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
  /** Resolves when the client closed the connection before the response was ended. */
  clientGone: Promise<void>
}

export type Handler = (req: ReceivedRequest, res: ServerResponse) => void | Promise<void>

export interface TestServer {
  url: string
  requests: ReceivedRequest[]
  /** The handler for the next requests. */
  handle(handler: Handler): void
  close(): Promise<void>
}

export async function startTestServer(): Promise<TestServer> {
  let handler: Handler = (_req, res) => void res.writeHead(404).end()
  const requests: ReceivedRequest[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => (body += c))
    req.on('end', () => {
      const clientGone = new Promise<void>((resolve) =>
        res.on('close', () => !res.writableEnded && resolve()),
      )
      const received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        clientGone,
      }
      requests.push(received)
      void Promise.resolve(handler(received, res)).catch(() => res.destroy())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/agent`,
    requests,
    handle: (h) => void (handler = h),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Writes the chunks with a macrotask between them (separate TCP writes), then ends unless `keepOpen`. */
export async function writeChunks(
  res: ServerResponse,
  chunks: Array<string | Uint8Array>,
  keepOpen = false,
) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' })
  for (const chunk of chunks) {
    if (res.destroyed) return
    res.write(chunk)
    await new Promise((r) => setTimeout(r, 1))
  }
  if (!keepOpen) res.end()
}

/** SSE text of events, one `data:` frame each. */
export const sse = (events: unknown[]) =>
  events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('')

/** Subscribes and gathers what the Observable delivers until it ends. */
export function collect<T>(
  observable: Observable<T>,
): Promise<{ events: T[]; error?: any; completed: boolean }> {
  return new Promise((resolve) => {
    const events: T[] = []
    observable.subscribe({
      next: (e) => events.push(e),
      error: (error) => resolve({ events, error, completed: false }),
      complete: () => resolve({ events, completed: true }),
    })
  })
}
