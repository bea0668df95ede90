import type { IncomingMessage } from 'node:http'

/** Response headers a browser page may read across origins (the resume contract's headers). */
export const AWR_EXPOSED_HEADERS = 'X-AWR-Run-Id, X-AWR-Resumable, X-AWR-Resync'

/** Cross-origin access to the agent endpoint (`createAgentHandler({ cors })`). */
export interface CorsOptions {
  /**
   * Which page origins may call the endpoint: `'*'` (any), one origin
   * (`'https://app.example'`), a list, or a predicate. Matching origins are echoed in
   * `Access-Control-Allow-Origin` (with `Vary: Origin`); `'*'` is sent as is unless
   * `credentials` is set.
   */
  origin: '*' | string | readonly string[] | ((origin: string) => boolean)
  /** Send `Access-Control-Allow-Credentials: true` (cookies, HTTP auth). Default `false`. */
  credentials?: boolean
  /** How long a browser may cache a preflight answer, in seconds. Default `600`. */
  maxAgeSeconds?: number
  /**
   * Request headers a page may send. Default `Content-Type, Accept, Authorization,
   * Last-Event-ID`.
   */
  allowHeaders?: readonly string[]
}

function allowed(origin: string, rule: CorsOptions['origin']): boolean {
  if (rule === '*') return true
  if (typeof rule === 'function') return rule(origin)
  if (typeof rule === 'string') return rule === origin
  return rule.includes(origin)
}

/**
 * The CORS headers for `req` (Fetch standard, "CORS protocol"): empty when the request has no
 * `Origin` or the origin is not allowed (the browser then blocks the answer). With
 * `preflight`, adds the `Access-Control-Allow-Methods`/`-Headers`/`-Max-Age` of an `OPTIONS`
 * answer; otherwise `Access-Control-Expose-Headers: X-AWR-Run-Id, X-AWR-Resumable, X-AWR-Resync`.
 * @internal
 */
export function corsHeaders(
  req: IncomingMessage,
  options: CorsOptions,
  preflight = false,
): Record<string, string> {
  const origin = req.headers.origin
  if (typeof origin !== 'string' || !allowed(origin, options.origin)) return {}
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': options.origin === '*' && !options.credentials ? '*' : origin,
  }
  if (headers['Access-Control-Allow-Origin'] !== '*') headers.Vary = 'Origin'
  if (options.credentials) headers['Access-Control-Allow-Credentials'] = 'true'
  if (preflight) {
    headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS'
    headers['Access-Control-Allow-Headers'] = (
      options.allowHeaders ?? ['Content-Type', 'Accept', 'Authorization', 'Last-Event-ID']
    ).join(', ')
    headers['Access-Control-Max-Age'] = String(options.maxAgeSeconds ?? 600)
  } else {
    headers['Access-Control-Expose-Headers'] = AWR_EXPOSED_HEADERS
  }
  return headers
}
