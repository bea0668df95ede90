import { AgentError } from '../../protocol/AgentError'
import { systemClock } from '../../transport/Clock'
import { closeOutcome } from '../../transport/closeCodePolicy'
import { createConnectionStateHolder } from '../../transport/ConnectionState'
import { createBackoff } from '../../transport/createBackoff'
import { discardWebSocket, type WebSocketLike } from '../../transport/openWebSocket'
import type { AgentConnectAgentOptions } from './AgentConnectAgentOptions'
import type { AgentConnectClient, AgentConnectSession } from './AgentConnectClient'
import { handshakeWebSocket, webSocketBase, type HandshakeResult } from './handshakeWebSocket'

/** What the connection tells its agent. */
export interface AgentConnectConnectionHooks {
  /** A message arrived on the open socket (`event.data`, unread). */
  onMessage(data: unknown): void
  /** The open socket closed (any code): `error` says why. Reconnecting is the connection's job. */
  onDrop(error: AgentError): void
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000

/**
 * The AgentConnect session and its WebSocket (`/api/chat/ws/{session_id}?token=<jwt>`: the token
 * in the URL is AgentConnect's own contract). Opens on demand, tells handshake failures apart
 * (a browser only sees 1006: the session is checked over REST), reconnects with backoff after
 * an unexpected close once open. Internal to {@link AgentConnectAgent}.
 */
export class AgentConnectConnection {
  readonly state = createConnectionStateHolder()
  readonly #o: AgentConnectAgentOptions
  readonly #client: AgentConnectClient
  readonly #hooks: AgentConnectConnectionHooks
  readonly #clock
  readonly #backoff
  #session: AgentConnectSession | undefined
  #socket: WebSocketLike | undefined
  #opening: Promise<void> | undefined
  #generation = 0
  #retryTimer: unknown

  constructor(
    options: AgentConnectAgentOptions,
    client: AgentConnectClient,
    hooks: AgentConnectConnectionHooks,
  ) {
    this.#o = options
    this.#client = client
    this.#hooks = hooks
    this.#clock = options.clock ?? systemClock
    this.#backoff = createBackoff(options.reconnect, { now: () => this.#clock.now() })
  }

  /** The session in use (after the first successful open). */
  get session(): AgentConnectSession | undefined {
    return this.#session
  }

  /** Sends one JSON frame; false when the socket is not open. */
  send(frame: object): boolean {
    if (!this.#socket) return false
    try {
      this.#socket.send(JSON.stringify(frame))
      return true
    } catch {
      return false
    }
  }

  /**
   * Opens the session's socket unless it is open (one attempt at a time; a pending reconnect
   * starts now). Rejects with an `AgentError`: `auth_required` (token refused after one
   * re-login), `not_found` (session vanished and no `session` config to create one),
   * `rate_limited` (429 on login or create), `http_error` (403: not the session's owner),
   * `network` (the handshake failed though the session and token are fine; timeout).
   */
  open(): Promise<void> {
    if (this.#socket) return Promise.resolve()
    this.#clock.clearTimeout(this.#retryTimer)
    this.#opening ??= this.#connect(++this.#generation).finally(() => (this.#opening = undefined))
    return this.#opening
  }

  /** Closes the socket (1000) and stops reconnecting; state `closed`. */
  close(): void {
    this.#generation++
    this.#clock.clearTimeout(this.#retryTimer)
    const socket = this.#socket
    this.#socket = undefined
    if (socket) discardWebSocket(socket, 1000, 'client closed')
    this.state.set({ status: 'closed' })
  }

  async #connect(generation: number): Promise<void> {
    this.state.set({ status: 'connecting' })
    try {
      let session = this.#session ?? (await this.#firstSession())
      let refreshed = false
      let recreated = false
      for (;;) {
        const token = await this.#client.token()
        if (generation !== this.#generation) throw new AgentError('aborted', 'Connection closed.')
        const result = await this.#handshake(session.sessionId, token)
        if ('open' in result) {
          this.#session = session
          return this.#adopt(result.open, generation)
        }
        // A browser sees 1006 for every rejection (HTTP 403 on the upgrade): ask REST why.
        const check = await this.#client.checkSession(session.sessionId)
        if (check === 'auth' && this.#client.canRefresh && !refreshed) {
          refreshed = true
          await this.#client.refresh()
        } else if (check === 'missing' && this.#o.session && !recreated) {
          recreated = true
          session = await this.#client.createSession(this.#o.session)
        } else throw this.#refusal(check, session.sessionId, result.failed)
      }
    } catch (error) {
      const failure =
        error instanceof AgentError
          ? error
          : new AgentError('network', String(error), { cause: error })
      if (generation === this.#generation) {
        if (failure.code === 'auth_required')
          this.state.set({ status: 'auth_required', error: failure })
        else this.state.set({ status: 'closed', error: failure })
      }
      throw failure
    }
  }

  #refusal(check: string, sessionId: string, handshake: AgentError): AgentError {
    if (check === 'auth')
      return new AgentError('auth_required', 'AgentConnect refused the token (HTTP 401).', {
        status: 401,
        retryable: false,
      })
    if (check === 'missing')
      return new AgentError('not_found', `AgentConnect session ${sessionId} no longer exists.`, {
        status: 404,
      })
    if (check === 'forbidden')
      return new AgentError(
        'http_error',
        `This user does not own AgentConnect session ${sessionId}.`,
        {
          status: 403,
          retryable: false,
        },
      )
    return handshake
  }

  async #firstSession(): Promise<AgentConnectSession> {
    const { sessionId, session } = this.#o
    const sessionType = session?.session_type ?? 'human_agent'
    if (sessionId === undefined) return this.#client.createSession(session!)
    let check = await this.#client.checkSession(sessionId)
    if (check === 'auth' && this.#client.canRefresh) {
      await this.#client.refresh()
      check = await this.#client.checkSession(sessionId)
    }
    if (check === 'exists') return { sessionId, sessionType, agentIds: [] }
    if (check === 'missing' && session) return this.#client.createSession(session)
    throw this.#refusal(check, sessionId, new AgentError('network', 'unreachable'))
  }

  #handshake(sessionId: string, token: string): Promise<HandshakeResult> {
    const path = `/api/chat/ws/${encodeURIComponent(sessionId)}?token=${encodeURIComponent(token)}`
    return handshakeWebSocket({
      ...(this.#o.WebSocket && { WebSocket: this.#o.WebSocket }),
      url: webSocketBase(this.#o) + path,
      clock: this.#clock,
      timeoutMs: this.#o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    })
  }

  #adopt(socket: WebSocketLike, generation: number): void {
    if (generation !== this.#generation) {
      discardWebSocket(socket)
      throw new AgentError('aborted', 'Connection closed.')
    }
    this.#socket = socket
    this.#backoff.reset()
    this.state.set({ status: 'open' })
    socket.onmessage = (event: { data: unknown }) => this.#hooks.onMessage(event.data)
    socket.onclose = (event: { code?: number; reason?: string }) => {
      if (this.#socket !== socket) return
      this.#socket = undefined
      const code = event.code ?? 1006
      const { error } = closeOutcome(code, event.reason ?? '')
      this.#hooks.onDrop(error)
      if (code === 1000) this.state.set({ status: 'closed' })
      else this.#scheduleReconnect(error)
    }
  }

  #scheduleReconnect(error: AgentError): void {
    const step = this.#backoff.next()
    if (!step) return this.state.set({ status: 'closed', error })
    const generation = this.#generation
    this.state.set({
      status: 'reconnecting',
      attempt: step.attempt,
      nextRetryMs: step.delayMs,
      error,
    })
    this.#retryTimer = this.#clock.setTimeout(() => {
      if (generation !== this.#generation) return
      const attempt = this.open()
      const current = this.#generation // a close() or a newer attempt changes it
      attempt.catch((failure: AgentError) => {
        if (failure.retryable && current === this.#generation && !this.#socket)
          this.#scheduleReconnect(failure)
      })
    }, step.delayMs)
  }
}
