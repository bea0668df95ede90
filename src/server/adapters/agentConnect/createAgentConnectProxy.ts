import {
  createSameOriginProxy,
  type SameOriginProxyHandler,
  type SameOriginProxyOptions,
} from '../createSameOriginProxy'

/** Options of {@link createAgentConnectProxy}. */
export interface AgentConnectProxyOptions extends Pick<
  SameOriginProxyOptions,
  'maxBodyBytes' | 'fetch' | 'headers'
> {
  /** AgentConnect's base URL (`http://127.0.0.1:8000`). */
  target: string | URL
  /** Where the app mounts it; `AgentConnectAgent`'s `baseUrl`. Default `/agentconnect`. */
  pathPrefix?: string
}

/** The REST routes `AgentConnectAgent` and its status source call; nothing else is forwarded. */
const ROUTES = /^\/api\/(auth\/login|chat\/sessions\/[^/?]+|agents\/(list|status\/[^/?]+))(\?|$)/

/**
 * A same-origin proxy for AgentConnect's REST API, whose CORS allows only
 * `http://localhost:5173`: `createSameOriginProxy` limited to the routes the adapter uses
 * (`/api/auth/login`, `/api/chat/sessions/*`, `/api/agents/list`, `/api/agents/status/*`), so
 * it is not an open relay to the rest of the API. Other paths under `pathPrefix` get 404 (or
 * go to `next()`). The WebSocket (`/api/chat/ws/…`) has no origin check: the browser connects
 * to AgentConnect directly (`AgentConnectAgent`'s `wsUrl`).
 *
 * @example
 * const proxy = createAgentConnectProxy({ target: 'http://127.0.0.1:8000' })
 * http.createServer((req, res) => proxy(req, res, () => app(req, res))).listen(3000)
 * // browser: new AgentConnectAgent({ baseUrl: '/agentconnect', wsUrl: 'ws://127.0.0.1:8000', ... })
 */
export function createAgentConnectProxy(options: AgentConnectProxyOptions): SameOriginProxyHandler {
  const prefix = (options.pathPrefix ?? '/agentconnect').replace(/\/$/, '')
  const forward = createSameOriginProxy({ ...options, pathPrefix: prefix })
  return (req, res, next) => {
    const url = req.url ?? '/'
    const inside = url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)
    if (inside && ROUTES.test(url.slice(prefix.length))) return forward(req, res, next)
    if (next) return next()
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: { code: 'not_found', message: `Not proxied: ${url}` } }))
  }
}
