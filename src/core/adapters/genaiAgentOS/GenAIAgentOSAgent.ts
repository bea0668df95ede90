import { AgentError, toAgentError } from '../../protocol/AgentError'
import type { BaseEvent, RunAgentInput } from '../../protocol/types'
import type { AgentStatusSource } from '../../status/AgentStatusSource'
import type { Agent, Observable, RunOptions } from '../../transport/Agent'
import { systemClock, type Clock } from '../../transport/Clock'
import { closeOutcome } from '../../transport/closeCodePolicy'
import { createConnectionStateHolder, type ConnectionState } from '../../transport/ConnectionState'
import { discardWebSocket, type WebSocketLike } from '../../transport/openWebSocket'
import { fetchJson } from '../agentConnect/fetchJson'
import { handshakeWebSocket, webSocketBase } from '../agentConnect/handshakeWebSocket'
import { TurnController } from '../agentConnect/TurnController'
import { createGenAIStatusSource } from './createGenAIStatusSource'
import { GenAIClient } from './GenAIClient'
import type { GenAIAgentOSAgentOptions } from './GenAIAgentOSAgentOptions'
import { mapGenAIFrame } from './mapGenAIFrame'
import { toSessionUuid } from './toSessionUuid'

export type { GenAIAgentOSAgentOptions } from './GenAIAgentOSAgentOptions'

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000

/** The `type` of a JSON frame, if any. */
function frameType(data: unknown): unknown {
  try {
    return typeof data === 'string'
      ? (JSON.parse(data) as { type?: unknown } | null)?.type
      : undefined
  } catch {
    return undefined
  }
}

/**
 * An {@link Agent} for GenAI AgentOS's backend (seed-systems README §2): logs in (form POST) or
 * uses a token, and talks over the frontend WebSocket `/frontend/ws?token=<jwt>&session_id=<uuid>`
 * (the token in the URL is GenAI's own contract). `session_id` is `input.threadId` when it is a
 * UUID, else a stable UUID derived from it ({@link toSessionUuid}); the socket stays open for the
 * thread's next runs.
 *
 * Each `run` sends only the **last user message** of `input.messages` as one frame
 * `{message, provider, llm_name, files}` (GenAI keeps the conversation). Events: `RUN_STARTED`
 * once sent; `agent_log` start/end markers → `STEP_STARTED/FINISHED`, other logs → `CUSTOM
 * genai.log`; the `agent_response` → the master agent's tool calls (`TOOL_CALL_START/ARGS/END`)
 * and the called agents' outputs (`TOOL_CALL_RESULT`, matched by `id`, else by `name`), the
 * final text as one assistant message, `RUN_FINISHED`; `is_success: false` → `RUN_ERROR
 * genai_failed`; `{"error"}` or a plain-text frame → `RUN_ERROR genai_error`.
 *
 * Errors (Observable `error`, after what was received): `auth_required` (token refused after one
 * re-login; state `auth_required`), `bad_frame` (close 1003: GenAI refused the request, e.g. an
 * unknown provider; binary or non-object JSON), `connection_closed` (1011, 1000 mid-run) or
 * `network` (1006, handshake failure) with `closeCode`, `busy`, `aborted`, and the login's
 * `rate_limited`/`http_error`. GenAI has no cancel: aborting ends the run locally and the late
 * `agent_response` (with its logs) is dropped when it comes.
 *
 * @example
 * const agent = new GenAIAgentOSAgent({
 *   baseUrl: 'http://localhost:8000', credentials: { username, password },
 *   provider: 'openai', llmName: 'gpt-4o',
 * })
 */
export class GenAIAgentOSAgent implements Agent {
  /** GenAI's agent list and active connections, for `<AgentStatusPage />`. */
  readonly statusSource: AgentStatusSource
  readonly #o: GenAIAgentOSAgentOptions
  readonly #client: GenAIClient
  readonly #clock: Clock
  readonly #state = createConnectionStateHolder()
  #socket: WebSocketLike | undefined
  #socketSession: string | undefined
  #opening: { session: string; promise: Promise<void> } | undefined
  #generation = 0
  readonly #turns: TurnController
  #staleAnswers = 0

  constructor(options: GenAIAgentOSAgentOptions) {
    this.#o = options
    this.#clock = options.clock ?? systemClock
    this.#client = new GenAIClient(options)
    this.statusSource = createGenAIStatusSource(this.#client, {
      ...(options.statusPollMs !== undefined && { pollMs: options.statusPollMs }),
      clock: this.#clock,
    })
    this.#turns = new TurnController({
      system: 'GenAI AgentOS',
      open: (input) => this.#open(toSessionUuid(input.threadId)),
      send: (text, input) =>
        this.#send({
          message: text,
          provider: options.provider,
          llm_name: options.llmName,
          files: options.files?.({ threadId: input.threadId, runId: input.runId }) ?? [],
        }),
      ended: (_turn, owed) => {
        // The late answer (and its logs) of a stopped run will still come on this socket.
        if (owed && this.#socket) this.#staleAnswers++
      },
    })
  }

  /** Sends the last user message; see the class docs for the events and errors. */
  run(input: RunAgentInput, options: RunOptions = {}): Observable<BaseEvent> {
    return this.#turns.run(input, options)
  }

  /** The frontend socket's state (`idle` until the first run). */
  getConnectionState(): ConnectionState {
    return this.#state.get()
  }

  /** Calls `listener` on every connection state change; returns the unsubscribe function. */
  subscribeConnection(listener: (state: ConnectionState) => void): () => void {
    return this.#state.subscribe(listener)
  }

  /** Closes the socket (1000); the next run opens it again. */
  close(): void {
    this.#generation++
    this.#opening = undefined
    const socket = this.#socket
    this.#socket = undefined
    if (socket) discardWebSocket(socket, 1000, 'client closed')
    this.#state.set({ status: 'closed' })
  }

  #send(frame: object): boolean {
    try {
      this.#socket?.send(JSON.stringify(frame))
      return this.#socket !== undefined
    } catch {
      return false
    }
  }

  #open(session: string): Promise<void> {
    if (this.#socket && this.#socketSession === session) return Promise.resolve()
    if (this.#opening?.session === session) return this.#opening.promise
    if (this.#socket) this.close() // another thread: its own session
    const generation = ++this.#generation
    const promise = this.#connect(session, generation).finally(() => {
      if (this.#opening?.promise === promise) this.#opening = undefined
    })
    this.#opening = { session, promise }
    return promise
  }

  async #connect(session: string, generation: number): Promise<void> {
    this.#state.set({ status: 'connecting' })
    try {
      let refreshed = false
      for (;;) {
        const token = await this.#client.tokens.token()
        const query = `?token=${encodeURIComponent(token)}&session_id=${encodeURIComponent(session)}`
        const result = await handshakeWebSocket({
          ...(this.#o.WebSocket && { WebSocket: this.#o.WebSocket }),
          url: `${webSocketBase(this.#o)}/frontend/ws${query}`,
          clock: this.#clock,
          timeoutMs: this.#o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        })
        if (generation !== this.#generation) {
          if ('open' in result) discardWebSocket(result.open)
          throw new AgentError('aborted', 'The connection was closed while opening.')
        }
        if ('open' in result) return this.#adopt(result.open, session)
        // The upgrade was refused (a browser sees 1006): was it the token?
        const check = await fetchJson(
          this.#o.fetch ?? ((input, init) => globalThis.fetch(input, init)),
          this.#client.url('/api/agents/'),
          { headers: { authorization: `Bearer ${token}` } },
          'GenAI AgentOS token check',
        )
        if (check.status !== 401) throw result.failed
        if (refreshed || !this.#client.tokens.canRefresh)
          throw new AgentError('auth_required', 'GenAI AgentOS refused the token (HTTP 401).', {
            status: 401,
            retryable: false,
          })
        refreshed = true
        await this.#client.tokens.refresh()
      }
    } catch (error) {
      const failure = toAgentError(error, 'network')
      if (generation === this.#generation)
        this.#state.set(
          failure.code === 'auth_required'
            ? { status: 'auth_required', error: failure }
            : { status: 'closed', error: failure },
        )
      throw failure
    }
  }

  #adopt(socket: WebSocketLike, session: string): void {
    this.#socket = socket
    this.#socketSession = session
    this.#state.set({ status: 'open' })
    socket.onmessage = (event: { data: unknown }) => this.#onMessage(event.data)
    socket.onclose = (event: { code?: number; reason?: string }) => {
      if (this.#socket !== socket) return
      this.#socket = undefined
      this.#staleAnswers = 0
      const code = event.code ?? 1006
      const reason = event.reason ?? ''
      const error =
        code === 1003
          ? new AgentError(
              'bad_frame',
              `GenAI AgentOS refused the request (close 1003)${reason ? `: ${reason}` : ''}.`,
              {
                closeCode: code,
                retryable: false,
              },
            )
          : code === 1000
            ? new AgentError(
                'connection_closed',
                'GenAI AgentOS closed the socket (1000) during the run.',
                { closeCode: code },
              )
            : closeOutcome(code, reason).error
      this.#state.set(code === 1000 ? { status: 'closed' } : { status: 'closed', error })
      if (this.#turns.current) this.#turns.end(this.#turns.current, error)
    }
  }

  #onMessage(data: unknown): void {
    const type = this.#staleAnswers > 0 ? frameType(data) : undefined
    if (type === 'agent_log' || type === 'agent_response') {
      if (type === 'agent_response') this.#staleAnswers--
      return // logs and the answer of a request whose run was stopped
    }
    const turn = this.#turns.current
    if (!turn?.sent) return
    const action = mapGenAIFrame(data, { threadId: turn.input.threadId, runId: turn.input.runId })
    if (action instanceof AgentError) return this.#turns.end(turn, action)
    if (action.kind === 'ignore') return this.#turns.unknown(turn, action.unknownType)
    this.#turns.deliver(turn, action.events, action.terminal)
  }
}
