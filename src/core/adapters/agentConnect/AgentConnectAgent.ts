import { AgentError, toAgentError } from '../../protocol/AgentError'
import type { BaseEvent, RunAgentInput, WireEvent } from '../../protocol/types'
import type { Agent, Observable, RunOptions } from '../../transport/Agent'
import { systemClock, type Clock } from '../../transport/Clock'
import type { ConnectionState } from '../../transport/ConnectionState'
import { createObservable, type SubscriberSink } from '../../transport/createObservable'
import type { AgentStatusSource } from '../../status/AgentStatusSource'
import type { AgentConnectAgentOptions } from './AgentConnectAgentOptions'
import { AgentConnectClient } from './AgentConnectClient'
import { AgentConnectConnection } from './AgentConnectConnection'
import { createAgentConnectStatusSource } from './createAgentConnectStatusSource'
import { lastUserText } from './lastUserText'
import { mapAgentConnectFrame, readAgentConnectFrame } from './mapAgentConnectFrame'

export type { AgentConnectAgentOptions } from './AgentConnectAgentOptions'

interface ConnectRun {
  input: RunAgentInput
  options: RunOptions
  sink: SubscriberSink<BaseEvent>
  /** The user's message went out: a reply to it is owed. */
  sent: boolean
  /** A terminal frame (reply, cooldown, stop, error) arrived: nothing more is owed. */
  answered: boolean
  replies: number
  done: boolean
}

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
  #run: ConnectRun | undefined
  #staleReplies = 0
  #cooldownUntil = 0

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
    return createObservable<BaseEvent>((sink) => {
      const { signal } = options
      if (signal?.aborted) return sink.error(new AgentError('aborted', 'The run was aborted.'))
      if (this.#run) return sink.error(new AgentError('busy', 'An AgentConnect run is in flight.'))
      const waitMs = this.#cooldownUntil - this.#clock.now()
      if (waitMs > 0)
        return sink.error(
          new AgentError(
            'rate_limited',
            `The AgentConnect agent cools down for ${Math.ceil(waitMs / 1000)} s.`,
            {
              retryAfterMs: waitMs,
            },
          ),
        )
      const text = lastUserText(input.messages)
      if (text === undefined)
        return sink.error(
          new AgentError(
            'bad_frame',
            'AgentConnect takes a user message: the last message is not one with text.',
          ),
        )
      const run: ConnectRun = {
        input,
        options,
        sink,
        sent: false,
        answered: false,
        replies: 0,
        done: false,
      }
      this.#run = run
      const abort = () => this.#end(run, new AgentError('aborted', 'The run was aborted.'))
      signal?.addEventListener('abort', abort, { once: true })
      this.#connection.open().then(
        () => {
          if (run.done) return
          const frame = { type: 'text', content: text, timestamp: isoNoZone(this.#clock.now()) }
          if (!this.#connection.send(frame))
            return this.#end(
              run,
              new AgentError(
                'connection_closed',
                'The AgentConnect socket closed before the message went out.',
              ),
            )
          run.sent = true
          this.#emit(run, { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId })
        },
        (error: unknown) => this.#end(run, toAgentError(error, 'network')),
      )
      return () => {
        signal?.removeEventListener('abort', abort)
        this.#end(run)
      }
    })
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

  #emit(run: ConnectRun, event: WireEvent): void {
    run.sink.next(event as unknown as BaseEvent)
  }

  /** Ends `run`: completes (no error), or errors; an unanswered message's reply will be dropped. */
  #end(run: ConnectRun, error?: AgentError): void {
    if (run.done) return
    run.done = true
    if (this.#run === run) this.#run = undefined
    const sessionType = this.#connection.session?.sessionType
    if (run.sent && !run.answered && sessionType !== 'agent_agent') this.#staleReplies++
    if (error) run.sink.error(error)
    else run.sink.complete()
  }

  /** The socket dropped: the run in flight fails; replies owed on that socket will never come. */
  #fail(error: AgentError): void {
    if (this.#run) this.#end(this.#run, error)
    this.#staleReplies = 0
  }

  #onMessage(data: unknown): void {
    const frame = readAgentConnectFrame(data)
    const run = this.#run
    if (frame instanceof AgentError) return run?.sent ? this.#end(run, frame) : undefined
    if ((frame.type === 'text' || frame.type === 'response') && this.#staleReplies > 0) {
      this.#staleReplies-- // the answer to a message whose run was stopped
      return
    }
    if (!run?.sent) {
      if (frame.type === 'cooldown')
        this.#noteCooldown(Number(frame.metadata?.cooldown_remaining) * 1000)
      return
    }
    const action = mapAgentConnectFrame(frame, {
      threadId: run.input.threadId,
      runId: run.input.runId,
      sessionType: this.#connection.session?.sessionType ?? 'human_agent',
      messageId: `${run.input.runId}-reply-${run.replies + 1}`,
    })
    if (action instanceof AgentError) return this.#end(run, action)
    if (action.kind === 'ignore') {
      if (action.unknownType !== undefined)
        run.options.onDiagnostic?.({
          level: 'warning',
          code: 'unknown_frame_dropped',
          message: `AgentConnect frame type '${action.unknownType}' is not known; dropped.`,
        })
      return
    }
    if (action.reply) run.replies++
    if (action.cooldownMs !== undefined) this.#noteCooldown(action.cooldownMs)
    for (const event of action.events) this.#emit(run, event)
    if (!action.terminal) return
    run.answered = true
    this.#end(run)
  }

  #noteCooldown(ms: number): void {
    if (Number.isFinite(ms) && ms > 0) this.#cooldownUntil = this.#clock.now() + ms
  }
}
