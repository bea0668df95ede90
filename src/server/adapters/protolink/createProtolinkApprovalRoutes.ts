import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  createProtolinkApprovalBroker,
  type ProtolinkApprovalBroker,
} from './createProtolinkApprovalBroker'
import { handleProtolinkApproval } from './handleProtolinkApproval'

/** Options of {@link createProtolinkApprovalRoutes}. */
export interface ProtolinkApprovalRoutesOptions {
  /** The broker decisions go to. Default: a new `createProtolinkApprovalBroker()`. */
  broker?: ProtolinkApprovalBroker
  /** Mount point: routes are `<pathPrefix>/approvals/{request_id}`. Default `''`. */
  pathPrefix?: string
  /**
   * Who may decide: return false (or a promise of it) to answer 403. Default: everyone, so
   * mount the routes behind the app's own authentication.
   */
  authorize?: (req: IncomingMessage) => boolean | Promise<boolean>
  /** Largest decision body, bytes (413 above). Default 16 384. */
  maxBodyBytes?: number
}

/** A Node request handler (also connect/express middleware) with the broker it feeds. */
export interface ProtolinkApprovalRoutes {
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void
  readonly broker: ProtolinkApprovalBroker
}

async function toRequest(req: IncomingMessage, limit: number, signal: AbortSignal) {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) return undefined
    chunks.push(chunk)
  }
  const method = req.method ?? 'GET'
  const headers = new Headers()
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
  return new Request(new URL(req.url ?? '/', 'http://localhost'), {
    method,
    headers,
    signal,
    ...(method !== 'GET' && method !== 'HEAD' && { body: Buffer.concat(chunks) }),
  })
}

/**
 * The approval endpoint for Protolink's `ApprovalBroker` flow (seed-systems §3), for Node:
 * `POST <pathPrefix>/approvals/{request_id}` `{approved, reason}` (what `ProtolinkAgent` sends
 * after a person answered the approval card) and `GET …?waitMs=` long polls (what a Protolink
 * process awaits); see `handleProtolinkApproval` for statuses. Other paths go to `next()` (or
 * 404). Mount it before `createSameOriginProxy` under the same prefix, so the browser's
 * `<baseUrl>/approvals/…` reaches it and everything else reaches Protolink.
 *
 * Plugging into Protolink: give its agent an `ApprovalBroker` whose wait for a request
 * `request_id` long-polls `GET <this server>/approvals/<request_id>?waitMs=30000` until it gets
 * 200 `{approved, request_id, reason}` (204 means ask again). In one Node process (tests,
 * bridges), await `routes.broker.waitForDecision(request_id)` instead.
 *
 * @example
 * const approvals = createProtolinkApprovalRoutes({ pathPrefix: '/protolink' })
 * const proxy = createSameOriginProxy({ target: 'http://127.0.0.1:8020', pathPrefix: '/protolink' })
 * http.createServer((req, res) => approvals(req, res, () => proxy(req, res))).listen(3000)
 */
export function createProtolinkApprovalRoutes(
  options: ProtolinkApprovalRoutesOptions = {},
): ProtolinkApprovalRoutes {
  const broker = options.broker ?? createProtolinkApprovalBroker()
  const prefix = (options.pathPrefix ?? '').replace(/\/$/, '')
  const limit = options.maxBodyBytes ?? 16_384

  const send = (res: ServerResponse, status: number, code: string, message: string) => {
    const text = JSON.stringify({ error: { code, message } })
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(text)
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.authorize && !(await options.authorize(req)))
      return send(res, 403, 'forbidden', 'Not allowed to decide approvals.')
    const gone = new AbortController()
    res.on('close', () => gone.abort())
    const request = await toRequest(req, limit, gone.signal)
    if (!request) return send(res, 413, 'body_too_large', `The body exceeds ${limit} bytes.`)
    const response = await handleProtolinkApproval(request, broker, prefix)
    if (!response) return send(res, 404, 'not_found', 'No such approval route.')
    const headers: Record<string, string> = {}
    response.headers.forEach((v, k) => (headers[k] = v))
    res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()))
  }

  const handler = (req: IncomingMessage, res: ServerResponse, next?: (e?: unknown) => void) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (!path.startsWith(`${prefix}/approvals/`)) {
      if (next) return next()
      return send(res, 404, 'not_found', `No route for ${path}.`)
    }
    serve(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy()
      send(res, 500, 'internal_error', error instanceof Error ? error.message : String(error))
    })
  }
  return Object.assign(handler, { broker })
}
