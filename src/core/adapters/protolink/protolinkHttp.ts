import { AgentError } from '../../protocol/AgentError'
import { parseRetryAfterMs } from '../../transport/closeCodePolicy'
import { readTextPrefix } from '../../transport/readResponse'
import type { ProtolinkAgentOptions } from './ProtolinkAgentOptions'

/** The HTTP side shared by the Protolink agent and its status source. @internal */
export interface ProtolinkHttp {
  /** `baseUrl` + `path`, or `{ url }` as is (+ `?token=` for token auth). */
  url(path: string | { url: string }): Promise<string>
  /**
   * `fetch` of `baseUrl` + `path` (or `{ url }`) with the auth headers.
   * @throws AgentError `network` (unless `signal` aborted: then its reason).
   */
  request(
    path: string | { url: string },
    init: RequestInit,
    signal?: AbortSignal,
  ): Promise<Response>
  /** The typed error of a non-2xx answer: `auth_required` (401/403), `rate_limited` (429), `http_error`. */
  failure(response: Response, what: string): Promise<AgentError>
}

/** Creates the {@link ProtolinkHttp} of `options`. @internal */
export function createProtolinkHttp(options: ProtolinkAgentOptions): ProtolinkHttp {
  const base = String(options.baseUrl).replace(/\/$/, '')
  const auth = async () =>
    typeof options.auth === 'function' ? await options.auth() : options.auth

  async function url(path: string | { url: string }, resolved = auth()): Promise<string> {
    const credentials = await resolved
    const target = typeof path === 'string' ? `${base}${path}` : path.url
    if (!credentials || !('token' in credentials)) return target
    const separator = target.includes('?') ? '&' : '?'
    return `${target}${separator}token=${encodeURIComponent(credentials.token)}`
  }

  return {
    url,
    async request(path, init, signal) {
      const credentials = auth()
      const target = await url(path, credentials)
      const headers = new Headers(init.headers)
      const c = await credentials
      if (c && 'bearer' in c) headers.set('Authorization', `Bearer ${c.bearer}`)
      if (c && 'apiKey' in c) headers.set('X-API-Key', c.apiKey)
      try {
        return await (options.fetch ?? globalThis.fetch)(target, {
          ...init,
          headers,
          ...(signal && { signal }),
        })
      } catch (error) {
        if (signal?.aborted) throw signal.reason
        const message = error instanceof Error ? error.message : String(error)
        throw new AgentError('network', `The request to ${target} failed: ${message}`, {
          cause: error,
        })
      }
    },
    async failure(response, what) {
      const body = await readTextPrefix(response)
      const { status } = response
      const text = `${what}: HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`
      if (status === 401 || status === 403)
        return new AgentError('auth_required', text, { status, body, retryable: false })
      if (status === 429) {
        const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'))
        return new AgentError('rate_limited', text, {
          status,
          body,
          ...(retryAfterMs !== undefined && { retryAfterMs }),
        })
      }
      return new AgentError('http_error', text, { status, body })
    },
  }
}
