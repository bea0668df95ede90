import type { IncomingMessage, ServerResponse } from 'node:http'

/** Options of {@link createSameOriginProxy}. */
export interface SameOriginProxyOptions {
  /**
   * The upstream system's base URL (`http://127.0.0.1:8020`, `https://agents.internal/api`).
   * The request path (after `pathPrefix` is removed) and query are appended to its path.
   */
  target: string | URL
  /**
   * Only requests whose path starts with this prefix are proxied, with the prefix removed
   * (`/protolink/tasks/stream` → `<target>/tasks/stream`). Others go to `next()` (middleware)
   * or get 404. Default `''`: every request. Under express `app.use('/protolink', proxy)`
   * the prefix is already removed; leave this empty there.
   */
  pathPrefix?: string
  /**
   * Headers added to (and overriding) every upstream request: server-side credentials the
   * browser must not hold (`Authorization`, `X-API-Key`), or the `Origin` an upstream allows.
   * A function is called per request.
   */
  headers?:
    | Record<string, string>
    | ((req: IncomingMessage) => Record<string, string> | Promise<Record<string, string>>)
  /** Largest request body forwarded, bytes; a larger one gets 413. Default `1048576` (1 MiB). */
  maxBodyBytes?: number
  /** The `fetch` used upstream (tests). Default: `globalThis.fetch` (Node 20's undici). */
  fetch?: typeof globalThis.fetch
}

/** A Node request handler that is also connect/express middleware. */
export type SameOriginProxyHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void

/** Hop-by-hop headers (RFC 9110 §7.6.1) and ones the proxy recomputes: never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
])

/** Upstream response headers dropped: `fetch` already decoded the body, so its length and encoding changed. */
const DROPPED_RESPONSE = new Set([...HOP_BY_HOP, 'content-encoding'])

function requestHeaders(req: IncomingMessage, extra: Record<string, string>): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  const forwardedFor = req.socket.remoteAddress
  if (forwardedFor) headers.set('x-forwarded-for', forwardedFor)
  if (req.headers.host) headers.set('x-forwarded-host', req.headers.host)
  headers.set('accept-encoding', 'identity')
  for (const [name, value] of Object.entries(extra)) headers.set(name, value)
  return headers
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > limit) return 'too_large'
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return void res.destroy()
  const text = JSON.stringify({ error: { code, message } })
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  })
  res.end(text)
}

/** Resolves once `res` can take more bytes, or false when the client went away. */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off('drain', onDrain)
      res.off('close', onClose)
      resolve(ok)
    }
    const onDrain = () => done(true)
    const onClose = () => done(false)
    res.once('drain', onDrain)
    res.once('close', onClose)
  })
}

function upstreamUrl(target: URL, rest: string): URL {
  const url = new URL(target)
  const query = rest.indexOf('?')
  const path = query === -1 ? rest : rest.slice(0, query)
  url.pathname = `${url.pathname.replace(/\/$/, '')}${path.startsWith('/') ? path : `/${path}`}`
  url.search = query === -1 ? '' : rest.slice(query)
  return url
}

/**
 * A same-origin proxy for agent systems that send no CORS headers (Protolink) or accept one
 * origin only (AgentConnect): mount it on the app's own server and point the browser adapter's
 * `baseUrl` at it. It forwards the method, path (minus `pathPrefix`), query, headers (minus
 * hop-by-hop ones, plus `headers`, plus `X-Forwarded-For`/`-Host`) and body (buffered, at most
 * `maxBodyBytes`) to `target`, and streams the answer back chunk by chunk with backpressure, so
 * Server-Sent Events arrive as they are produced (never buffered). When the client goes away,
 * the upstream request is aborted (a Protolink stream then stops).
 *
 * Errors: the upstream unreachable → 502 `{error:{code:'bad_gateway',message}}`; a body over
 * `maxBodyBytes` → 413 `body_too_large`; the upstream breaking mid-stream → the client's
 * connection is destroyed (the browser sees a network error, the adapter a `network` or
 * `truncated` `AgentError`). Upstream statuses (401, 404, 429, 5xx) pass through unchanged.
 * HTTP only: WebSocket upgrades are not proxied.
 *
 * @example
 * const proxy = createSameOriginProxy({
 *   target: 'http://127.0.0.1:8020', pathPrefix: '/protolink',
 *   headers: { Authorization: `Bearer ${process.env.PROTOLINK_TOKEN}` },
 * })
 * http.createServer((req, res) => proxy(req, res, () => app(req, res))).listen(3000)
 */
export function createSameOriginProxy(options: SameOriginProxyOptions): SameOriginProxyHandler {
  const target = new URL(options.target)
  const prefix = (options.pathPrefix ?? '').replace(/\/$/, '')
  const limit = options.maxBodyBytes ?? 1024 * 1024

  const serve = async (req: IncomingMessage, res: ServerResponse, rest: string) => {
    const method = req.method ?? 'GET'
    const extra =
      typeof options.headers === 'function' ? await options.headers(req) : (options.headers ?? {})
    const hasBody = method !== 'GET' && method !== 'HEAD'
    const body = hasBody ? await readBody(req, limit) : undefined
    if (body === 'too_large')
      return fail(res, 413, 'body_too_large', `The request body exceeds ${limit} bytes.`)
    const controller = new AbortController()
    const onClose = () => {
      if (!res.writableFinished) controller.abort()
    }
    res.on('close', onClose)
    let upstream: Response
    try {
      upstream = await (options.fetch ?? globalThis.fetch)(upstreamUrl(target, rest), {
        method,
        headers: requestHeaders(req, extra),
        ...(body !== undefined && body.length > 0 && { body: new Uint8Array(body) }),
        signal: controller.signal,
        redirect: 'manual',
      })
    } catch (error) {
      res.off('close', onClose)
      if (controller.signal.aborted) return
      const message = error instanceof Error ? error.message : String(error)
      return fail(res, 502, 'bad_gateway', `The upstream ${target.origin} failed: ${message}`)
    }
    const headers: Record<string, string | string[]> = {}
    upstream.headers.forEach((value, name) => {
      if (!DROPPED_RESPONSE.has(name) && name !== 'set-cookie') headers[name] = value
    })
    const cookies = upstream.headers.getSetCookie()
    if (cookies.length > 0) headers['set-cookie'] = cookies
    res.writeHead(upstream.status, upstream.statusText, headers)
    res.flushHeaders()
    if (!upstream.body) return void res.end()
    const reader = upstream.body.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        if (!res.write(value) && !(await drained(res))) break
      }
      res.end()
    } catch {
      res.destroy() // upstream broke mid-stream: the client must see a broken stream, not an end
    } finally {
      res.off('close', onClose)
      if (!res.writableFinished) controller.abort()
      reader.releaseLock()
    }
  }

  return (req, res, next) => {
    const url = req.url ?? '/'
    const matches =
      prefix === '' ||
      url === prefix ||
      url.startsWith(`${prefix}/`) ||
      url.startsWith(`${prefix}?`)
    if (!matches) {
      if (next) return next()
      return fail(res, 404, 'not_found', `No proxy route for ${url}.`)
    }
    serve(req, res, url.slice(prefix.length) || '/').catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      fail(res, 502, 'bad_gateway', message)
    })
  }
}
