import { okJson, type FetchLike } from '../agentConnect/fetchJson'
import { TokenSource } from '../agentConnect/TokenSource'
import type { GenAIAgentOSAgentOptions } from './GenAIAgentOSAgentOptions'

/**
 * GenAI AgentOS's REST API with the bearer token: login (`/api/login/access-token`, form), the
 * agent list (`/api/agents/`) and active connections (`/api/agents/active`). Internal to
 * {@link GenAIAgentOSAgent} and its status source.
 */
export class GenAIClient {
  readonly tokens: TokenSource
  readonly #o: GenAIAgentOSAgentOptions
  readonly #fetch: FetchLike

  constructor(options: GenAIAgentOSAgentOptions) {
    this.#o = options
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.tokens = new TokenSource({
      ...options,
      loginUrl: this.url('/api/login/access-token'),
      system: 'GenAI AgentOS',
      fetch: this.#fetch,
      now: () => (options.clock ?? { now: Date.now }).now(),
    })
  }

  /** `baseUrl` + `path`. */
  url(path: string): string {
    return this.#o.baseUrl.replace(/\/+$/, '') + path
  }

  /**
   * A GET with the token; a 401 with credentials known logs in again once.
   * @throws AgentError `auth_required`, `rate_limited`, `not_found`, `http_error`, `invalid_response`, `network`.
   */
  async get(path: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const reply = await this.tokens.send(this.url(path), signal ? { signal } : {}, what)
    return okJson(reply, what)
  }

  /** `GET /api/agents/`: the registered agents (each with an `agent_jwt` the caller must not show). */
  listAgents(signal?: AbortSignal): Promise<unknown> {
    return this.get('/api/agents/', 'GenAI AgentOS agent list', signal)
  }

  /** `GET /api/agents/active`: `{count_active_connections, active_connections, limit, offset}`. */
  activeConnections(signal?: AbortSignal): Promise<unknown> {
    return this.get('/api/agents/active', 'GenAI AgentOS active agents', signal)
  }
}
