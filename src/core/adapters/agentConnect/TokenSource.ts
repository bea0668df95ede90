import { AgentError } from '../../protocol/AgentError'
import { fetchJson, okJson, type FetchLike, type JsonReply } from './fetchJson'

/** Options of {@link TokenSource}: where a bearer token comes from. */
export interface TokenSourceOptions {
  /** A token obtained elsewhere (used until refused). */
  token?: string
  /** Returns a fresh token; called at first use and after the server refused one. */
  getToken?: () => Promise<string>
  /** Logs in with a form POST (`username`, `password`) to `loginUrl`. */
  credentials?: { username: string; password: string }
  /** The login endpoint (`…/api/auth/login`, `…/api/login/access-token`). */
  loginUrl: string
  /** The system's name, for error messages (`AgentConnect`). */
  system: string
  fetch: FetchLike
  /** Current time, ms. */
  now: () => number
}

/** A token is renewed this long before its `expires_in` ends, ms. */
const TOKEN_MARGIN_MS = 30_000

/**
 * The bearer token of a seed system's REST API and WebSocket: a given `token`, `getToken()`, or
 * an OAuth2 password-form login (`{access_token, expires_in?}`), cached until it expires or the
 * server refuses it. One login at a time.
 */
export class TokenSource {
  readonly #o: TokenSourceOptions
  #token: string | undefined
  #expiresAt = Infinity
  #pending: Promise<string> | undefined

  constructor(options: TokenSourceOptions) {
    this.#o = options
    this.#token = options.token
  }

  /** True when a new token can be had without the app (credentials or `getToken`). */
  get canRefresh(): boolean {
    return this.#o.credentials !== undefined || this.#o.getToken !== undefined
  }

  /**
   * The cached token while valid, else a new one.
   * @throws AgentError `auth_required` (no way to get one, login refused: 401), `rate_limited`
   * (429, `retryAfterMs`), `http_error`, `invalid_response`, `network`.
   */
  async token(): Promise<string> {
    if (this.#token !== undefined && this.#o.now() < this.#expiresAt) return this.#token
    return this.refresh()
  }

  /**
   * Sends a request with `Authorization: Bearer <token>`; a 401 while a new token can be had
   * gets one and is sent once more. Resolves with the reply whatever its status.
   * @throws AgentError from {@link fetchJson} and {@link TokenSource.token}.
   */
  async send(url: string, init: RequestInit, what: string): Promise<JsonReply> {
    const attempt = async (token: string) =>
      fetchJson(
        this.#o.fetch,
        url,
        { ...init, headers: { ...(init.headers as object), authorization: `Bearer ${token}` } },
        what,
      )
    const reply = await attempt(await this.token())
    if (reply.status !== 401 || !this.canRefresh) return reply
    return attempt(await this.refresh())
  }

  /** Drops the cached token and gets a new one. */
  refresh(): Promise<string> {
    this.#token = undefined
    this.#pending ??= this.#obtain().finally(() => (this.#pending = undefined))
    return this.#pending
  }

  async #obtain(): Promise<string> {
    const { credentials, getToken, system } = this.#o
    if (getToken) {
      const token = await getToken()
      this.#token = token
      this.#expiresAt = Infinity
      return token
    }
    if (!credentials)
      throw new AgentError(
        'auth_required',
        `${system} refused the token and no credentials or getToken are configured.`,
        { retryable: false },
      )
    const what = `${system} login`
    const form = new URLSearchParams({
      username: credentials.username,
      password: credentials.password,
    })
    const reply = await fetchJson(
      this.#o.fetch,
      this.#o.loginUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      },
      what,
    )
    const body = okJson(reply, what) as { access_token?: unknown; expires_in?: unknown }
    if (typeof body.access_token !== 'string')
      throw new AgentError('invalid_response', `${what}: no access_token in the answer.`, {
        status: reply.status,
        body: reply.text,
      })
    this.#token = body.access_token
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in * 1000 : Infinity
    this.#expiresAt = this.#o.now() + expiresIn - TOKEN_MARGIN_MS
    return body.access_token
  }
}
