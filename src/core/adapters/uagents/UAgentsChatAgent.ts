import { AgentError, isAgentError } from '../../protocol/AgentError'
import { createEventParser, type EventParser } from '../../protocol/parseEvent'
import type { AgentEvent, RunAgentInput, WireEvent } from '../../protocol/types'
import type { Agent, Observable, RunOptions } from '../../transport/Agent'
import { createConnectionStateHolder, type ConnectionState } from '../../transport/ConnectionState'
import { createObservable, type SubscriberSink } from '../../transport/createObservable'
import {
  createRunConnectionTracker,
  type RunConnection,
} from '../../transport/createRunConnectionTracker'
import type { AgentStatusSource } from '../../status/AgentStatusSource'
import { createUAgentsFrameMapper, type UAgentsFrameMapper } from './mapUAgentsFrame'
import { readBridgeError } from './readBridgeError'
import { readBridgeStream } from './readBridgeStream'
import type { UAgentsCard } from './uagentsCards'
import type { UAgentsChatAgentOptions } from './UAgentsChatAgentOptions'
import { createUAgentsStatusSource } from './createUAgentsStatusSource'
import { uagentsUserContent } from './uagentsUserContent'
import { uagentsSessionId } from './uagentsSessionId'

export type { UAgentsChatAgentOptions } from './UAgentsChatAgentOptions'

/** What one run shares between its stream reader, its sender and its timers. */
interface UAgentsRun {
  input: RunAgentInput
  options: RunOptions
  sink: SubscriberSink<AgentEvent>
  signal: AbortSignal
  connection: RunConnection
  mapper: UAgentsFrameMapper
  /** Validates every mapped event (one parser per run: it tracks the stream's order). */
  parser: EventParser
  msgId: string
  /** The run sends a ChatMessage (so it waits for its acknowledgement). */
  expectsAck: boolean
  started: boolean
  timer?: ReturnType<typeof setTimeout>
  done(error?: unknown): void
}

const DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024

/**
 * An {@link Agent} for a Fetch.ai uAgents agent speaking the Agent Chat Protocol 0.3.0 (issue 8,
 * seed-systems README §4), through the kit's uAgents bridge (`createUAgentsBridge`, Node): a
 * browser cannot hold the conversation itself because the agent pushes replies to the sender's
 * own `/submit` endpoint, which the bridge owns.
 *
 * One run: opens `GET <url>/chat/<session>/events` (SSE; the uAgents session is the
 * `threadId` when it is a uuid4, else a uuid4 derived from it: `uagentsSessionId`), waits for
 * the bridge's `ready` frame, emits `RUN_STARTED`, then `POST`s the new content (see `uagentsUserContent`: only the LAST user message of
 * `input.messages` is sent, since the agent keeps its own history, and never twice; `input.resume`
 * answers cards). A run with nothing new to send (`store.run()` without a message, `retry()`
 * after a delivered message) only collects what the agent pushed since the last run.
 * and maps the relayed frames with `createUAgentsFrameMapper`. Every event is validated
 * against the AG-UI schema before delivery (`validatesEvents`). The run finishes at
 * `end-session`, at a card (an `interrupt` outcome), or `quietMs` after the agent's last reply.
 *
 * Errors (after delivering everything received before): `auth_required` / `rate_limited` /
 * `not_found` / `http_error` (bridge HTTP answers), `network` (the bridge is unreachable, or it
 * could not reach the agent), `heartbeat_timeout` (the agent never acknowledged our message),
 * `bad_frame` (the agent rejected our envelope, or a malformed frame), `invalid_json`,
 * `invalid_response` (not an event stream), `truncated` (the stream ended mid-run), `aborted`.
 *
 * @example
 * const agent = new UAgentsChatAgent({ url: '/uagents' })
 * const store = createAgentStore({ agent, threadId: crypto.randomUUID() })
 */
export class UAgentsChatAgent implements Agent {
  /** Always true: every mapped event goes through the kit's AG-UI event parser. */
  readonly validatesEvents = true
  /** The agent's `agent_info`, readiness and protocol manifests, via the bridge's `GET /status`. */
  readonly statusSource: AgentStatusSource
  readonly #options: UAgentsChatAgentOptions
  readonly #tracker = createRunConnectionTracker()
  /** The tracker's state, except after a refused credential or a lost agent (see `#settle`). */
  readonly #state = createConnectionStateHolder()
  readonly #cards = new Map<string, UAgentsCard>()
  /** Ids of the user messages the bridge accepted: a later run never sends them again. */
  readonly #sent = new Set<string>()
  readonly #active = new Set<UAgentsRun>()

  constructor(options: UAgentsChatAgentOptions) {
    this.#options = options
    this.#tracker.state.subscribe((state) => this.#state.set(state))
    this.statusSource = createUAgentsStatusSource({
      url: options.url,
      ...(options.fetch && { fetch: options.fetch }),
      ...(options.headers && { headers: options.headers }),
      ...(options.statusPollMs !== undefined && { pollMs: options.statusPollMs }),
    })
  }

  /** Starts a run; see the class docs for how the Observable ends. */
  run(input: RunAgentInput, options: RunOptions = {}): Observable<AgentEvent> {
    return createObservable<AgentEvent>((sink) => {
      if (options.signal?.aborted) {
        sink.error(new AgentError('aborted', 'The run was aborted before it started.'))
        return
      }
      const controller = new AbortController()
      const msgId = this.#newId()
      const run: UAgentsRun = {
        input,
        options,
        sink,
        signal: controller.signal,
        connection: this.#tracker.begin(),
        mapper: createUAgentsFrameMapper({
          threadId: input.threadId,
          runId: input.runId,
          sentMsgId: msgId,
        }),
        parser: createEventParser(),
        msgId,
        expectsAck: false,
        started: false,
        done: (error) => {
          if (sink.closed) return
          clearTimeout(run.timer)
          for (const [id, card] of run.mapper.cards) this.#cards.set(id, card)
          run.connection.end(error)
          this.#settle(error)
          if (error === undefined) sink.complete()
          else
            sink.error(
              isAgentError(error)
                ? error
                : new AgentError('unknown', String(error), { cause: error }),
            )
        },
      }
      const onAbort = () => run.done(new AgentError('aborted', 'The run was aborted.'))
      options.signal?.addEventListener('abort', onAbort, { once: true })
      this.#active.add(run)
      void this.#serve(run).catch((error) => {
        if (!controller.signal.aborted) run.done(error)
      })
      return () => {
        clearTimeout(run.timer)
        options.signal?.removeEventListener('abort', onAbort)
        this.#active.delete(run)
        run.connection.end()
        controller.abort()
      }
    })
  }

  /** Aborts every run in flight: each Observable errors with `AgentError('aborted')`. */
  abortRun(): void {
    for (const run of [...this.#active]) run.done(new AgentError('aborted', 'The run was aborted.'))
  }

  /** The connection state over the runs in flight (`connecting` → `open` → `idle`/`closed`). */
  getConnectionState(): ConnectionState {
    return this.#state.get()
  }

  /** Calls `listener` on every connection state change; returns the unsubscribe function. */
  subscribeConnection(listener: (state: ConnectionState) => void): () => void {
    return this.#state.subscribe(listener)
  }

  /**
   * After the last run in flight ended: a refused credential (`auth_required`) reads as the
   * `auth_required` state, an agent that never acknowledged (`heartbeat_timeout`) as `closed`
   * with the error (the tracker alone would read both as `idle`).
   */
  #settle(error: unknown): void {
    if (!isAgentError(error) || this.#active.size > 1) return
    if (error.code === 'auth_required') this.#state.set({ status: 'auth_required', error })
    if (error.code === 'heartbeat_timeout') this.#state.set({ status: 'closed', error })
  }

  #newId(): string {
    return this.#options.newId?.() ?? globalThis.crypto.randomUUID()
  }

  async #fetch(path: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    const { headers, fetch: doFetch = globalThis.fetch, url } = this.#options
    const extra = typeof headers === 'function' ? await headers() : headers
    try {
      return await doFetch(`${url}${path}`, {
        ...init,
        headers: { ...extra, ...(init.headers as Record<string, string>) },
        signal,
      })
    } catch (error) {
      if (signal.aborted) throw error
      const message = error instanceof Error ? error.message : String(error)
      throw new AgentError(
        'network',
        `uAgents bridge: ${init.method ?? 'GET'} ${url}${path} failed: ${message}`,
        { cause: error },
      )
    }
  }

  #emit(run: UAgentsRun, events: WireEvent[]): void {
    for (const raw of events) {
      const result = run.parser.parse(raw)
      result.diagnostics.forEach((d) => run.options.onDiagnostic?.(d))
      if (result.ok) run.sink.next(result.event)
      else if (!result.dropped) throw result.error
    }
  }

  /** (Re)arms the quiet timer: finish `quietMs` after the last reply, unless waiting for an ack or a stream. */
  #arm(run: UAgentsRun): void {
    clearTimeout(run.timer)
    const { mapper } = run
    if (mapper.finished || mapper.streaming || (run.expectsAck && !mapper.acknowledged)) return
    const quiet = this.#options.quietMs ?? 1500
    const ms =
      run.expectsAck && mapper.replies === 0 ? (this.#options.replyTimeoutMs ?? 60_000) : quiet
    run.timer = setTimeout(() => {
      try {
        this.#emit(run, mapper.finish())
        run.done()
      } catch (error) {
        run.done(error)
      }
    }, ms)
  }

  #onFrame(run: UAgentsRun, data: string, atEnd: boolean): void {
    let frame: unknown
    try {
      frame = JSON.parse(data)
    } catch (cause) {
      if (atEnd) return
      throw new AgentError(
        'invalid_json',
        `uAgents bridge: a frame that is not JSON: ${data.slice(0, 120)}`,
        { cause, event: data },
      )
    }
    if (!run.started && (frame as { kind?: unknown } | null)?.kind === 'ready') {
      run.started = true
      this.#emit(run, run.mapper.start())
      void this.#send(run).catch((error) => run.done(error))
      return
    }
    this.#emit(run, run.mapper.map(frame))
    if (run.mapper.finished) run.done()
    else if (run.started) this.#arm(run)
  }

  async #send(run: UAgentsRun): Promise<void> {
    const last = run.input.messages.at(-1)
    const resend = !run.input.resume?.length && last !== undefined && this.#sent.has(last.id)
    const content = resend ? [] : uagentsUserContent(run.input, this.#cards, () => this.#newId())
    run.expectsAck = content.length > 0
    if (!run.expectsAck) return this.#arm(run)
    const path = `/chat/${uagentsSessionId(run.input.threadId)}`
    const body = JSON.stringify({ msg_id: run.msgId, content })
    const headers = { 'Content-Type': 'application/json' }
    const response = await this.#fetch(path, { method: 'POST', headers, body }, run.signal)
    if (!response.ok) throw await readBridgeError(response, 'sending the message')
    void response.body?.cancel().catch(() => undefined)
    if (last && !run.input.resume?.length) this.#sent.add(last.id)
    this.#arm(run)
  }

  async #serve(run: UAgentsRun): Promise<void> {
    run.connection.set({ status: 'connecting' })
    const path = `/chat/${uagentsSessionId(run.input.threadId)}/events`
    const response = await this.#fetch(
      path,
      { headers: { Accept: 'text/event-stream' } },
      run.signal,
    )
    if (!response.ok) throw await readBridgeError(response, 'opening the event stream')
    run.connection.set({ status: 'open' })
    await readBridgeStream(response, {
      signal: run.signal,
      closed: () => run.sink.closed,
      maxEventBytes: this.#options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
      onFrame: (data, atEnd) => this.#onFrame(run, data, atEnd),
    })
  }
}
