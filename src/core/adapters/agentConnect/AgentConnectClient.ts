import { AgentError } from '../../protocol/AgentError'
import type {
  AgentConnectAgentOptions,
  AgentConnectSessionConfig,
} from './AgentConnectAgentOptions'
import { fetchJson, httpFailure, okJson, type FetchLike, type JsonReply } from './fetchJson'
import { TokenSource } from './TokenSource'

/** A session the client created or checked. */
export interface AgentConnectSession {
  sessionId: string
  sessionType: 'human_agent' | 'agent_agent'
  /** `agents.<key>.agent_id` of the create answer (`ai1_<session>`), when known. */
  agentIds: string[]
}

/** What `GET /api/chat/sessions/{id}` says: `exists` (200, or the server's 500), `missing` (404), `auth` (401), `forbidden` (403). */
export type AgentConnectSessionCheck = 'exists' | 'missing' | 'auth' | 'forbidden'

/**
 * AgentConnect's REST API (`demos/api`), with the bearer token: login (form POST), session
 * create/check, agent status and list. Internal to {@link AgentConnectAgent} and its status source.
 */
export class AgentConnectClient {
  readonly #o: AgentConnectAgentOptions
  readonly #fetch: FetchLike
  readonly #tokens: TokenSource

  constructor(options: AgentConnectAgentOptions) {
    this.#o = options
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.#tokens = new TokenSource({
      ...options,
      loginUrl: this.url('/api/auth/login'),
      system: 'AgentConnect',
      fetch: this.#fetch,
      now: () => (options.clock ?? { now: Date.now }).now(),
    })
  }

  /** True when the client can get a new token by itself (credentials or `getToken`). */
  get canRefresh(): boolean {
    return this.#tokens.canRefresh
  }

  /** The bearer token (see {@link TokenSource.token}). */
  token(): Promise<string> {
    return this.#tokens.token()
  }

  /** Drops the cached token and gets a new one (see {@link TokenSource.refresh}). */
  refresh(): Promise<string> {
    return this.#tokens.refresh()
  }

  /** `baseUrl` + `path` (no double slash). */
  url(path: string): string {
    return this.#o.baseUrl.replace(/\/+$/, '') + path
  }

  /** An authenticated request; a 401 with credentials known re-logs in once and retries. */
  #authed(path: string, init: RequestInit, what: string): Promise<JsonReply> {
    return this.#tokens.send(this.url(path), init, what)
  }

  /**
   * `POST /api/chat/sessions/create`.
   * @throws AgentError `rate_limited` (429: 5/min or 5 active sessions), `auth_required`, `http_error`, `invalid_response`.
   */
  async createSession(
    config: AgentConnectSessionConfig,
    signal?: AbortSignal,
  ): Promise<AgentConnectSession> {
    const sessionType = config.session_type ?? 'human_agent'
    const what = 'AgentConnect session create'
    const reply = await this.#authed(
      '/api/chat/sessions/create',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...config, session_type: sessionType }),
        ...(signal && { signal }),
      },
      what,
    )
    const body = okJson(reply, what) as { session_id?: unknown; agents?: unknown }
    if (typeof body.session_id !== 'string')
      throw new AgentError('invalid_response', `${what}: no session_id in the answer.`, {
        status: reply.status,
        body: reply.text,
      })
    const agents = (body.agents ?? {}) as Record<string, { agent_id?: unknown }>
    const agentIds = Object.values(agents)
      .map((a) => a?.agent_id)
      .filter((id): id is string => typeof id === 'string')
    return { sessionId: body.session_id, sessionType, agentIds }
  }

  /**
   * `GET /api/chat/sessions/{id}`, read for what it tells (see {@link AgentConnectSessionCheck}):
   * the server answers 500 for a session that exists (a bug in `demos/api`), so 500 means `exists`.
   * A 401 is reported as `auth` without re-login (the caller decides).
   * @throws AgentError `network`, or `http_error` for any other status.
   */
  async checkSession(sessionId: string, signal?: AbortSignal): Promise<AgentConnectSessionCheck> {
    const what = 'AgentConnect session check'
    const reply = await fetchJson(
      this.#fetch,
      this.url(`/api/chat/sessions/${encodeURIComponent(sessionId)}`),
      { headers: { authorization: `Bearer ${await this.token()}` }, ...(signal && { signal }) },
      what,
    )
    if ((reply.status >= 200 && reply.status < 300) || reply.status === 500) return 'exists'
    if (reply.status === 404) return 'missing'
    if (reply.status === 401) return 'auth'
    if (reply.status === 403) return 'forbidden'
    throw httpFailure(reply, what)
  }

  /** `GET /api/agents/status/{id}` (JSON object). */
  async agentStatus(agentId: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const what = 'AgentConnect agent status'
    const path = `/api/agents/status/${encodeURIComponent(agentId)}`
    const reply = await this.#authed(path, signal ? { signal } : {}, what)
    return okJson(reply, what) as Record<string, unknown>
  }

  /** `GET /api/agents/list` (JSON object with `agents[]`). */
  async listAgents(signal?: AbortSignal): Promise<Record<string, unknown>> {
    const what = 'AgentConnect agent list'
    const reply = await this.#authed('/api/agents/list', signal ? { signal } : {}, what)
    return okJson(reply, what) as Record<string, unknown>
  }
}
