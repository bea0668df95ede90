import type { IncomingMessage, ServerResponse } from 'node:http'

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
 * is streamed chunk by chunk (SSE). Bodies over 4 MiB are refused (413); a handler that throws
 * answers 500 (logged), never an unhandled rejection.
 */
export function toNodeListener(
  handle: (request: Request) => Response | Promise<Response>,
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
      let response: Response
      try {
        response = await handle(request)
      } catch (error) {
        console.error('[agent-wire-react] request handler threw:', error)
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error')
        return
      }
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
