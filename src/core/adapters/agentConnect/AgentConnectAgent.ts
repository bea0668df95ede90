import { AgentError } from '../../protocol/AgentError'
import type { BaseEvent, RunAgentInput } from '../../protocol/types'
import type { Agent, Observable, RunOptions } from '../../transport/Agent'
import { systemClock, type Clock } from '../../transport/Clock'
import type { ConnectionState } from '../../transport/ConnectionState'
import type { AgentStatusSource } from '../../status/AgentStatusSource'
import type { AgentConnectAgentOptions } from './AgentConnectAgentOptions'
import { AgentConnectClient } from './AgentConnectClient'
import { AgentConnectConnection } from './AgentConnectConnection'
import { createAgentConnectStatusSource } from './createAgentConnectStatusSource'
import { mapAgentConnectFrame, readAgentConnectFrame } from './mapAgentConnectFrame'
import { TurnController } from './TurnController'

export type { AgentConnectAgentOptions } from './AgentConnectAgentOptions'

/** `2026-11-21T20:15:32.123` (AgentConnect's ISO timestamps carry no zone). */
function isoNoZone(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '')
}

/**
 * An {@link Agent} for AgentConnect (`demos/api`, seed-systems README §1): logs in (form POST)
 * or uses a token, creates or re-checks a chat session over REST, and talks over the session's
 * WebSocket `/api/chat/ws/{session_id}?token=<jwt>` (the token in the URL is AgentConnect's own
 * contract; it shows in server and proxy logs).
 *
 * Each `run` sends only the **last user message** of `input.messages` (its text parts) as a
 * `{type:"text"}` frame: AgentConnect keeps the conversation itself. Events: `RUN_STARTED` once
 * sent; the reply (`text`, or `response` as the docs say) → one assistant text message, then
 * `RUN_FINISHED` (`agent_agent` sessions: one message per turn, named by its sender, until
 * `stop`); `cooldown` → `CUSTOM agentconnect.cooldown` + `RUN_FINISHED`, and the next run
 * before the cooldown ends errors with `rate_limited` (`retryAfterMs`); `stop` →
 * `RUN_FINISHED {result:{stopped, reason}}`; `system`/`info` → `CUSTOM`; `error` → `RUN_ERROR`.
 * Pings are swallowed. Events are not validated here (`validatesEvents` is false: the store does).
 *
 * Errors (Observable `error`, after what was received): `auth_required` (token refused after
 * one re-login), `rate_limited` (429 on login/create, cooldown), `not_found` (session vanished
 * and no `session` to create one), `network`/`connection_closed` (the socket dropped during
 * the run: `closeCode`), `invalid_json`/`bad_frame` (malformed frame), `busy` (a run is in
 * flight), `aborted`. There is no cancel on the wire: aborting ends the run locally and the
 * late reply to that message is dropped when it comes.
 *
 * @example
 * const agent = new AgentConnectAgent({
 *   baseUrl: '/agentconnect', wsUrl: 'ws://localhost:8000',
 *   credentials: { username: 'demo', password: 'demo123' },
 *   session: { agents: { ai_agent: { provider: 'openai', model: 'gpt-4o' } } },
 * })
 */
export class AgentConnectAgent implements Agent {
  /** AgentConnect's agent status and agent list, for `<AgentStatusPage />`. */
  readonly statusSource: AgentStatusSource
  readonly #clock: Clock
  readonly #connection: AgentConnectConnection
  readonly #turns: TurnController
  #staleReplies = 0
  #cooldownUntil = 0
  /** Replies received so far (message ids). */
  #replies = 0

  /** @throws TypeError when neither `session` nor `sessionId` is given. */
  constructor(options: AgentConnectAgentOptions) {
    if (!options.session && options.sessionId === undefined)
      throw new TypeError('AgentConnectAgent needs `session` (to create one) or `sessionId`.')
    this.#clock = options.clock ?? systemClock
    const client = new AgentConnectClient(options)
    this.#connection = new AgentConnectConnection(options, client, {
      onMessage: (data) => this.#onMessage(data),
      onDrop: (error) => this.#fail(error),
    })
    this.#turns = new TurnController({
      system: 'AgentConnect',
      refuse: () => this.#refuse(),
      open: () => this.#connection.open(),
      send: (text) =>
        this.#connection.send({
          type: 'text',
          content: text,
          timestamp: isoNoZone(this.#clock.now()),
        }),
      ended: (_turn, owed) => {
        // The answer to a message whose run was stopped will still come: drop it then.
        if (owed && this.#connection.session?.sessionType !== 'agent_agent') this.#staleReplies++
      },
    })
    this.statusSource = createAgentConnectStatusSource(client, {
      agentId: () => options.agentId ?? this.#connection.session?.agentIds[0],
      cooldownUntil: () => this.#cooldownUntil,
      ...(options.statusPollMs !== undefined && { pollMs: options.statusPollMs }),
      clock: this.#clock,
    })
  }

  /** The AgentConnect session in use, once the first run opened it (save it to reuse it). */
  get sessionId(): string | undefined {
    return this.#connection.session?.sessionId
  }

  /** Sends the last user message; see the class docs for the events and errors. */
  run(input: RunAgentInput, options: RunOptions = {}): Observable<BaseEvent> {
    return this.#turns.run(input, options)
  }

  /** The session socket's state (`idle` until the first run). */
  getConnectionState(): ConnectionState {
    return this.#connection.state.get()
  }

  /** Calls `listener` on every connection state change; returns the unsubscribe function. */
  subscribeConnection(listener: (state: ConnectionState) => void): () => void {
    return this.#connection.state.subscribe(listener)
  }

  /** Closes the socket (1000) and stops reconnecting; the next run opens it again. */
  close(): void {
    this.#connection.close()
  }

  #refuse(): AgentError | undefined {
    const waitMs = this.#cooldownUntil - this.#clock.now()
    if (waitMs <= 0) return undefined
    const message = `The AgentConnect agent cools down for ${Math.ceil(waitMs / 1000)} s.`
    return new AgentError('rate_limited', message, { retryAfterMs: waitMs })
  }

  /** The socket dropped: the run in flight fails; replies owed on that socket will never come. */
  #fail(error: AgentError): void {
    if (this.#turns.current) this.#turns.end(this.#turns.current, error)
    this.#staleReplies = 0
  }

  #onMessage(data: unknown): void {
    const frame = readAgentConnectFrame(data)
    const turn = this.#turns.current
    if (frame instanceof AgentError) return turn?.sent ? this.#turns.end(turn, frame) : undefined
    if ((frame.type === 'text' || frame.type === 'response') && this.#staleReplies > 0) {
      this.#staleReplies-- // the answer to a message whose run was stopped
      return
    }
    if (!turn?.sent) {
      if (frame.type === 'cooldown')
        this.#noteCooldown(Number(frame.metadata?.cooldown_remaining) * 1000)
      return
    }
    const action = mapAgentConnectFrame(frame, {
      threadId: turn.input.threadId,
      runId: turn.input.runId,
      sessionType: this.#connection.session?.sessionType ?? 'human_agent',
      messageId: `${turn.input.runId}-reply-${++this.#replies}`,
    })
    if (action instanceof AgentError) return this.#turns.end(turn, action)
    if (action.kind === 'ignore') {
      if (action.unknownType !== undefined) this.#turns.unknown(turn, action.unknownType)
      return
    }
    if (action.cooldownMs !== undefined) this.#noteCooldown(action.cooldownMs)
    this.#turns.deliver(turn, action.events, action.terminal)
  }

  #noteCooldown(ms: number): void {
    if (Number.isFinite(ms) && ms > 0) this.#cooldownUntil = this.#clock.now() + ms
  }
}
