import { AgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import { pendingEventParser } from '../protocol/loadEventParser'
import { prepareRunAgentInput } from '../protocol/prepareRunAgentInput'
import type { AgentEvent, RunAgentInput } from '../protocol/types'
import type { Agent, AttachParams, Observable, RunOptions } from './Agent'
import { systemClock } from './Clock'
import type { ConnectionState } from './ConnectionState'
import { createObservable } from './createObservable'
import type { WebSocketConstructor } from './openWebSocket'
import { defaultDocument, defaultWindow } from './watchPageLifecycle'
import type { WebSocketAgentOptions } from './WebSocketAgentOptions'
import { WebSocketConnection } from './WebSocketConnection'
import { WebSocketRun } from './WebSocketRun'
import type { WebSocketClientFrame } from './webSocketFrames'

const DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024

/**
 * An {@link Agent} that speaks AG-UI over one WebSocket (issue 6; the frames are documented in
 * `webSocketFrames.ts`): each text frame is one JSON envelope; `run` sends
 * `{ type: "run", input }` and receives `{ type: "event", runId, id, event }` frames, each event
 * validated (`validatesEvents = true`) by a per-run `createEventParser`, until `{ type: "end" }`
 * (the validator's chunk loads on the first run, while the connection opens; see
 * `preloadProtocol`; a failed load ends the run with `load_failed`).
 * Several runs share the connection, which opens on the first run and closes `idleCloseMs`
 * after the last one.
 *
 * Resilience: a ping every `heartbeatMs` (a silent connection is dropped after
 * `heartbeatTimeoutMs`); closes follow `CLOSE_CODE_POLICY` (reconnect with exponential backoff
 * and full jitter, auth refresh, rate limits); after a reconnect every run is resumed with
 * `{ type: "resume", lastEventId }` and de-duplicated by id, so no event is delivered twice (a
 * run that has received no event yet sends its `run` frame again instead: the server starts it,
 * or re-joins it from event 1 when it already runs, so a `run` frame lost in any number of cuts
 * is harmless);
 * `online`/`offline` and page visibility are watched when `window`/`document` exist. Credentials
 * go in the first frame (default), the subprotocol, or (opt-in) the URL.
 *
 * A run's Observable ends:
 * - `complete` after its `RUN_FINISHED`/`RUN_ERROR` and the server's `end` (or `terminalGraceMs`);
 * - `error(AgentError)`, after every event received before: `aborted` (`options.signal`; a
 *   `stop` frame cancels the run on the server), `invalid_event`, `invalid_json` and
 *   `limit_exceeded` (an unreadable frame fails every run of the connection), `truncated` (an
 *   `end` without a terminal event; a resume the server cannot serve: `cause` is the
 *   `replay_gap`/`run_not_found` error, unless a snapshot re-sync saved it), `run_not_found`
 *   (attach to an unknown run), `busy`, `bad_frame` (the server rejected the run's frame),
 *   `run_error` (an `error` frame of another code for the run, e.g. `internal_error`),
 *   `auth_required`, `connection_closed` (normal close with the run open, reconnects exhausted).
 *
 * `unsubscribe()` detaches (`{ type: "detach" }`): the run goes on and {@link WebSocketAgent.attach}
 * re-joins it. Binary frames and unknown envelopes are ignored with a `bad_frame` diagnostic.
 * There is no `abortRun()` (it would stop every run of the shared connection): use the signal or
 * {@link WebSocketAgent.cancelRun}.
 *
 * @throws TypeError from the constructor when no `WebSocket` constructor is available.
 * @example
 * const agent = new WebSocketAgent({ url: 'wss://example.com/agent', auth: () => getToken() })
 * agent.run(input, { signal }).subscribe({ next: apply, error: show, complete: done })
 */
export class WebSocketAgent implements Agent {
  /** Always true: every event is validated against the AG-UI schema before delivery. */
  readonly validatesEvents = true
  readonly #options: WebSocketAgentOptions
  readonly #connection: WebSocketConnection
  readonly #runs = new Map<string, WebSocketRun>()
  /** Runs detached on the current connection (its previous cursor may still send leftovers). */
  readonly #detached = new Set<string>()
  readonly #stops = new Map<string, Array<{ resolve: () => void; reject: (e: unknown) => void }>>()

  constructor(options: WebSocketAgentOptions) {
    this.#options = options
    const WebSocketCtor =
      options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket
    if (!WebSocketCtor) {
      throw new TypeError(
        "WebSocketAgent: no WebSocket constructor in this environment; pass one (e.g. `WebSocket` from 'ws').",
      )
    }
    this.#connection = new WebSocketConnection(
      {
        url: String(options.url),
        protocols: options.protocols ?? ['awr.v1'],
        ...(options.auth !== undefined && { auth: options.auth }),
        authVia: options.authVia ?? 'frame',
        authQueryParam: options.authQueryParam ?? 'token',
        heartbeatMs: options.heartbeatMs ?? 15_000,
        heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 10_000,
        connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
        idleCloseMs: options.idleCloseMs ?? 30_000,
        maxFrameBytes: options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
        reconnect: options.reconnect ?? {},
        ...(options.onAuthRequired && { onAuthRequired: options.onAuthRequired }),
        WebSocket: WebSocketCtor,
        clock: options.clock ?? systemClock,
        random: options.random ?? Math.random,
        window: options.window === null ? undefined : (options.window ?? defaultWindow()),
        document: options.document === null ? undefined : (options.document ?? defaultDocument()),
      },
      {
        onReady: () => this.#onReady(),
        onFrame: (frame) => {
          if ('runId' in frame && frame.runId !== undefined)
            this.#runs.get(frame.runId)?.receive(frame)
        },
        onFrameError: (error) => {
          this.#broadcast({ level: 'warning', code: error.code, message: error.message })
          for (const run of [...this.#runs.values()]) run.fail(error)
        },
        onDiagnostic: (d) => this.#broadcast(d),
        onGiveUp: (error) => {
          for (const run of [...this.#runs.values()]) run.fail(error, false)
          const stops = [...this.#stops.values()].flat()
          this.#stops.clear()
          for (const stop of stops) stop.reject(error)
        },
        hasWork: () => this.#runs.size > 0 || this.#stops.size > 0,
      },
    )
  }

  /** Starts a run on the shared connection (opening it if needed); see the class docs. */
  run(input: RunAgentInput, options: RunOptions = {}): Observable<AgentEvent> {
    return this.#receive({ threadId: input.threadId, runId: input.runId }, options, input)
  }

  /**
   * Re-joins a run in progress (after `unsubscribe`, a reload): sends `resume` with
   * `lastEventId` (default 0: the whole run), then delivers the replayed and live events like
   * `run`. Errors with `run_not_found` when the server does not know the run.
   */
  attach(params: AttachParams, options: RunOptions = {}): Observable<AgentEvent> {
    return this.#receive(params, options)
  }

  /**
   * Cancels a run on the server with a `stop` frame (opening the connection if needed).
   * Resolves once sent; rejects with the connection's error if it gives up first.
   */
  cancelRun(runId: string): Promise<void> {
    if (this.#connection.send({ type: 'stop', runId })) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const waiting = this.#stops.get(runId) ?? []
      this.#stops.set(runId, [...waiting, { resolve, reject }])
      this.#connection.ensure()
    })
  }

  /** The connection's state (same object until it changes). */
  getConnectionState(): ConnectionState {
    return this.#connection.state.get()
  }

  /** Calls `listener` on every connection state change; returns the unsubscribe function. */
  subscribeConnection(listener: (state: ConnectionState) => void): () => void {
    return this.#connection.state.subscribe(listener)
  }

  /** Opens the connection ahead of the first run (optional). */
  connect(): void {
    this.#connection.ensure()
  }

  /**
   * Closes the connection (code 1000) without reconnecting: runs still open end with
   * `connection_closed` (they go on on the server; `attach` re-joins them). A later `run`
   * opens a new connection.
   */
  close(): void {
    const error = new AgentError('connection_closed', 'The agent was closed.', { retryable: false })
    for (const run of [...this.#runs.values()]) run.fail(error, false)
    const stops = [...this.#stops.values()].flat()
    this.#stops.clear()
    for (const stop of stops) stop.reject(error)
    this.#connection.close()
  }

  #receive(
    params: AttachParams,
    options: RunOptions,
    input?: RunAgentInput,
  ): Observable<AgentEvent> {
    return createObservable<AgentEvent>((sink) => {
      const { signal } = options
      if (signal?.aborted) {
        sink.error(new AgentError('aborted', 'The run was aborted before it started.'))
        return
      }
      const { runId, threadId } = params
      if (this.#runs.has(runId)) {
        sink.error(new AgentError('busy', `Run ${runId} is already being received by this agent.`))
        return
      }
      const report = (d: Diagnostic) => {
        this.#options.onDiagnostic?.(d)
        options.onDiagnostic?.(d)
      }
      const maxProtocolVersion = options.maxProtocolVersion ?? this.#options.maxProtocolVersion
      const ceiling = maxProtocolVersion === undefined ? {} : { maxProtocolVersion }
      let prepared: RunAgentInput | undefined
      if (input) {
        const result = prepareRunAgentInput(input, ceiling)
        result.diagnostics.forEach(report)
        prepared = result.input
      }
      // The validator loads (if it is not yet) while the connection opens and the run starts.
      const parser = pendingEventParser(ceiling)
      const run = new WebSocketRun(
        {
          threadId,
          runId,
          ...(prepared && { input: prepared }),
          lastEventId: params.lastEventId ?? 0,
          parser,
          ...(parser.ready && { parserReady: parser.ready }),
          sink,
          report,
          ...(options.onDiagnostic && { runDiagnostic: options.onDiagnostic }),
          ...(options.onEventId && { onEventId: options.onEventId }),
          ...(this.#detached.has(runId) && { staleFramesPossible: true }),
        },
        {
          send: (frame) => this.#send(frame),
          remove: (r) => {
            if (this.#runs.get(r.runId) === r) this.#runs.delete(r.runId)
            this.#connection.release()
          },
          clock: this.#options.clock ?? systemClock,
          terminalGraceMs: this.#options.terminalGraceMs ?? 1000,
        },
      )
      const onAbort = () => {
        if (!run.dispose()) return
        void this.cancelRun(runId).catch(() => undefined)
        sink.error(new AgentError('aborted', 'The run was aborted.'))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#runs.set(runId, run)
      this.#connection.ensure()
      if (this.#connection.isOpen) run.start()
      return () => {
        signal?.removeEventListener('abort', onAbort)
        if (!run.dispose()) return
        this.#send({ type: 'detach', runId })
      }
    })
  }

  /** Sends `frame`, remembering a `detach` for the connection it goes out on. */
  #send(frame: WebSocketClientFrame): boolean {
    const sent = this.#connection.send(frame)
    if (sent && frame.type === 'detach') this.#detached.add(frame.runId)
    return sent
  }

  #onReady(): void {
    this.#detached.clear() // a new connection: nothing of an earlier cursor can arrive on it
    for (const run of [...this.#runs.values()]) run.start()
    for (const [runId, waiting] of [...this.#stops]) {
      if (!this.#connection.send({ type: 'stop', runId })) continue
      this.#stops.delete(runId)
      for (const stop of waiting) stop.resolve()
    }
    this.#connection.release()
  }

  #broadcast(diagnostic: Diagnostic): void {
    this.#options.onDiagnostic?.(diagnostic)
    for (const run of this.#runs.values()) run.reportRunOnly(diagnostic)
  }
}
