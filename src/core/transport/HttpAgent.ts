import { AgentError, isAgentError } from '../protocol/AgentError'
import { preloadProtocol } from '../protocol/loadEventParser'
import { prepareRunAgentInput } from '../protocol/prepareRunAgentInput'
import type { AgentEvent, RunAgentInput } from '../protocol/types'
import type { Agent, AttachParams, Observable } from './Agent'
import { systemClock } from './Clock'
import type { ConnectionState } from './ConnectionState'
import { createObservable, type SubscriberSink } from './createObservable'
import { preloadSseReader } from './loadSseReader'
import { createRunConnectionTracker, type RunConnection } from './createRunConnectionTracker'
import {
  diagnosticReporter,
  fetchWithOptions,
  protocolCeiling,
  readContext,
  resumeRequest,
} from './httpAgentRequests'
import { readResponse, type ReadResponseContext, type RunProgress } from './readResponse'
import type { HttpAgentOptions, HttpRunOptions } from './HttpAgentOptions'
import { networkError } from './networkError'
import { readHttpError } from './readHttpError'
import { runRouteUrl } from './runRouteUrl'
import { resumeHttpRun, type ResumeHttpRunOptions } from './resumeHttpRun'

export type { HttpAgentHeaders, HttpAgentOptions, HttpRunOptions } from './HttpAgentOptions'

/** Attach requests tried after a `POST` lost before its answer (fault-findings F5). */
const LOST_REQUEST_ATTEMPTS = 3
const RESUMABLE_HEADER = 'x-awr-resumable'
const RUN_ID_HEADER = 'x-awr-run-id'

/** What one run (or attach) of an {@link HttpAgent} shares with its controller. */
interface HttpRun {
  runId: string
  /** The server keeps the run after the request (`X-AWR-Resumable: 1`): stop must cancel it. */
  resumable: boolean
  connection: RunConnection
}

/**
 * An {@link Agent} that talks AG-UI over HTTP with Server-Sent Events (spec 1.1, "Transports":
 * HTTP/SSE): `run` POSTs the input as JSON and streams the response's events, each validated
 * (`validatesEvents = true`, design.md rule 2) by a per-run `createEventParser`. The validator's
 * chunk and the SSE reader's (decoder, frame JSON) load (once) when a run starts, in parallel
 * with its request; the response is read meanwhile and its events decoded and parsed once both
 * are there (see `preloadProtocol`, `preloadSseReader`).
 *
 * The returned Observable is cold (one request per subscription) and ends:
 * - `complete` when the stream ends after the last run's `RUN_FINISHED`/`RUN_ERROR` (or
 *   `terminalGraceMs` after it, if the server keeps the connection open);
 * - `error(AgentError)`, after delivering every event received before the failure, with code
 *   `http_error` (non-2xx; `status`, `body` = first 4 096 chars), `invalid_response` (2xx that is
 *   not `text/event-stream`), `network` (`fetch` rejected), `invalid_json` (a frame that is not
 *   JSON), `invalid_event` (a frame that fails the schema), `limit_exceeded` (`maxEventBytes`),
 *   `truncated` (the stream ended or broke with a run still open, or without any event; or a
 *   resume could not recover what was missed: `cause` `run_not_found`/`replay_gap`/the last
 *   failure), `aborted` (`options.signal` aborted, or `abortRun()`), `load_failed` (the event
 *   validator's or the SSE reader's chunk could not be loaded; a run the server keeps resumes
 *   instead, loading it again with the next answer).
 *
 * Resume (issue 6, "HTTP resume"): when the response carries `X-AWR-Resumable: 1` (the kit's
 * `createAgentHandler({ resumable })` sets it), the run outlives its request. A drop then
 * leads to `GET <url>/runs/<runId>/events` with `Last-Event-ID` (backoff with full jitter,
 * `reconnect` caps), each event de-duplicated by its SSE `id:` (an id already delivered is
 * dropped with a diagnostic); a 409 gap is re-synced only from a replay that starts with
 * `MESSAGES_SNAPSHOT`/`STATE_SNAPSHOT`. Stopping such a run (`signal`, `abortRun()`) also
 * `POST`s its cancel endpoint. Servers without the header behave exactly as before. Once an
 * answer said `X-AWR-Resumable: 1` (or with `resumable: true`), a `POST` whose `fetch` rejects
 * (dropped before the answer's head) is followed by an attach to the run's resume endpoint
 * (`Last-Event-ID: 0`, up to 3 attempts with the backoff): 200 goes on as a resumed run; 404
 * (the `POST` never arrived) or 3 failures end it with the `POST`'s `network` error.
 *
 * Silent connections: a response body that sends no byte (no event, no `: ping` comment) for
 * `idleTimeoutMs` (default 45 s, three times the kit server's 15 s heartbeat) is a drop: a
 * resumable run resumes, any other ends `truncated` with `cause` `heartbeat_timeout`.
 *
 * `unsubscribe()` cancels the request silently (a resumable run goes on: `attach` re-joins it).
 * Unknown event types are dropped (reported to `onDiagnostic`).
 *
 * @example
 * const agent = new HttpAgent({ url: '/api/agent', headers: () => ({ Authorization: token() }) })
 * agent.run(input, { signal }).subscribe({ next: apply, error: show, complete: done })
 */
export class HttpAgent implements Agent {
  /** Always true: every event is validated against the AG-UI schema before delivery. */
  readonly validatesEvents = true
  readonly #options: HttpAgentOptions
  readonly #active = new Map<AbortController, HttpRun>()
  readonly #tracker = createRunConnectionTracker()
  /** The endpoint keeps runs (`resumable: true`, or an answer said `X-AWR-Resumable: 1`). */
  #endpointResumable: boolean

  constructor(options: HttpAgentOptions) {
    this.#options = options
    this.#endpointResumable = options.resumable === true
  }

  /** Starts a run; see the class docs for how the Observable ends. */
  run(input: RunAgentInput, options: HttpRunOptions = {}): Observable<AgentEvent> {
    return this.#observe(input.runId, options, (run, signal, sink) =>
      this.#execute(input, options, run, signal, sink),
    )
  }

  /**
   * Re-joins a run the server keeps (after `unsubscribe`, a reload): `GET`s its resume endpoint
   * with `Last-Event-ID: lastEventId` (default 0: the whole run), then delivers replayed and live
   * events like `run`, resuming after drops. Errors with `run_not_found` (HTTP 404) when the
   * server does not know the run.
   */
  attach(params: AttachParams, options: HttpRunOptions = {}): Observable<AgentEvent> {
    return this.#observe(params.runId, options, async (run, signal, sink) => {
      run.resumable = true
      const progress = this.#progress(run, options, true, params.lastEventId)
      await this.#resume(run, readContext(this.#options, options, signal, sink, progress))
    })
  }

  /**
   * Cancels a run on the server: `POST` to `cancelUrl` (default `<url>/runs/<runId>/cancel`).
   * @throws AgentError `http_error` (non-2xx), `network`, or `invalid_response` when `cancelUrl` is `false`.
   */
  async cancelRun(runId: string): Promise<void> {
    const { cancelUrl, url } = this.#options
    if (cancelUrl === false)
      throw new AgentError(
        'invalid_response',
        'This HttpAgent has no cancel endpoint (cancelUrl: false).',
      )
    const target =
      typeof cancelUrl === 'function'
        ? cancelUrl(runId)
        : (cancelUrl ?? runRouteUrl(url, runId, 'cancel'))
    let response: Response
    try {
      response = await fetchWithOptions(this.#options, target, { method: 'POST' })
    } catch (error) {
      throw networkError(`The cancel request to ${target}`, error)
    }
    if (!response.ok) throw await readHttpError(response, `the cancel request of run ${runId}`)
    void response.body?.cancel().catch(() => undefined)
  }

  /** Aborts every run in flight: each Observable errors with `AgentError('aborted')`. */
  abortRun(): void {
    for (const c of this.#active.keys()) c.abort(new AgentError('aborted', 'The run was aborted.'))
  }

  /** The agent's connection state over its runs in flight (see `createRunConnectionTracker`). */
  getConnectionState(): ConnectionState {
    return this.#tracker.state.get()
  }

  /** Calls `listener` on every connection state change; returns the unsubscribe function. */
  subscribeConnection(listener: (state: ConnectionState) => void): () => void {
    return this.#tracker.state.subscribe(listener)
  }

  #observe(
    runId: string,
    options: HttpRunOptions,
    serve: (run: HttpRun, signal: AbortSignal, sink: SubscriberSink<AgentEvent>) => Promise<void>,
  ): Observable<AgentEvent> {
    return createObservable<AgentEvent>((sink) => {
      const controller = new AbortController()
      const { signal } = options
      if (signal?.aborted) {
        sink.error(new AgentError('aborted', 'The run was aborted before it started.'))
        return
      }
      // in parallel with the request; awaited before the first event is decoded
      void preloadProtocol()
      void preloadSseReader()
      const run: HttpRun = { runId, resumable: false, connection: this.#tracker.begin() }
      controller.signal.addEventListener('abort', () => {
        if (!isAgentError(controller.signal.reason)) return // unsubscribed: detach, not stop
        const { cancelUrl } = this.#options // set explicitly (a string or function): every run
        if (run.resumable || (cancelUrl !== undefined && cancelUrl !== false))
          void this.cancelRun(runId).catch(() => undefined)
      })
      const abortFromCaller = () =>
        controller.abort(new AgentError('aborted', 'The run was aborted.'))
      signal?.addEventListener('abort', abortFromCaller, { once: true })
      this.#active.set(controller, run)
      const end = (error?: unknown) => run.connection.end(error)
      void serve(run, controller.signal, sink).catch((error: unknown) => {
        const { aborted, reason } = controller.signal
        const failure =
          aborted && isAgentError(reason)
            ? reason
            : isAgentError(error)
              ? error
              : new AgentError('unknown', String(error), { cause: error })
        end(failure) // the state the run leaves (closed, auth_required) before its error is heard
        sink.error(failure)
      })
      return () => {
        signal?.removeEventListener('abort', abortFromCaller)
        this.#active.delete(controller)
        end()
        controller.abort()
      }
    })
  }

  async #execute(
    input: RunAgentInput,
    runOptions: HttpRunOptions,
    run: HttpRun,
    signal: AbortSignal,
    sink: SubscriberSink<AgentEvent>,
  ): Promise<void> {
    const options = this.#options
    const report = diagnosticReporter(this.#options, runOptions)
    const prepared = prepareRunAgentInput(input, protocolCeiling(this.#options, runOptions))
    prepared.diagnostics.forEach(report)
    // the context of the run's responses, once it is known whether the server keeps the run
    const context = () =>
      readContext(options, runOptions, signal, sink, this.#progress(run, runOptions))
    run.connection.set({ status: 'connecting' })
    let response: Response
    try {
      response = await fetchWithOptions(
        options,
        options.url,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
          body: JSON.stringify(prepared.input),
        },
        signal,
      )
    } catch (error) {
      if (signal.aborted) throw error
      const failed = networkError(`The request to ${String(options.url)}`, error)
      if (options.resume === false || !this.#endpointResumable) throw failed
      // The server may run it anyway, detached: re-join it (F5), else fail as `network`.
      run.resumable = true
      report({
        level: 'info',
        code: 'attach_after_lost_request',
        message: `${failed.message}; re-joining run ${run.runId} through its resume endpoint in case the server started it.`,
      })
      return this.#resume(run, context(), undefined, {
        error: failed,
        attempts: LOST_REQUEST_ATTEMPTS,
      })
    }
    if (sink.closed) return
    run.resumable =
      options.resume !== false && response.ok && response.headers.get(RESUMABLE_HEADER) === '1'
    if (run.resumable) this.#endpointResumable = true
    run.runId = response.headers.get(RUN_ID_HEADER) || run.runId
    const ctx = context()
    run.connection.set({ status: 'open' })
    const dropped = await readResponse(response, ctx)
    if (!dropped) return
    if (!run.resumable || signal.aborted) throw dropped
    await this.#resume(run, ctx, dropped)
  }

  /**
   * A run's progress: `runOpen` (an attach joins a run under way), and for a run the server
   * keeps, its event ids from `lastEventId` (default 0) and the caller's `onEventId`.
   */
  #progress(
    run: HttpRun,
    runOptions: HttpRunOptions,
    runOpen = false,
    lastEventId?: number,
  ): RunProgress {
    return {
      delivered: 0,
      runOpen,
      ...(run.resumable && { ids: { lastId: lastEventId ?? 0, replaying: false } }),
      ...(run.resumable && runOptions.onEventId && { onEventId: runOptions.onEventId }),
    }
  }

  #resume(
    run: HttpRun,
    ctx: ReadResponseContext,
    dropped?: AgentError,
    lostRequest?: ResumeHttpRunOptions['lostRequest'],
  ): Promise<void> {
    const options = this.#options
    return resumeHttpRun({
      runId: run.runId,
      ctx,
      ...(dropped && { dropped }),
      ...(lostRequest && { lostRequest }),
      reconnect: options.reconnect ?? {},
      clock: options.clock ?? systemClock,
      random: options.random ?? Math.random,
      onState: (state) => run.connection.set(state),
      request: resumeRequest(options, run.runId, ctx.signal),
    })
  }
}
