import { AgentError, isAgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import { createEventParser } from '../protocol/parseEvent'
import { prepareRunAgentInput } from '../protocol/prepareRunAgentInput'
import type { AgentEvent, RunAgentInput } from '../protocol/types'
import type { Agent, Observable, RunOptions } from './Agent'
import { createObservable, type SubscriberSink } from './createObservable'
import { readResponse } from './readResponse'

/** Headers as a record, a `Headers`, entry pairs, or a (possibly async) function returning them. */
export type HttpAgentHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>)

/** Options of {@link HttpAgent}. */
export interface HttpAgentOptions {
  /** The AG-UI endpoint; each run is one `POST` of the `RunAgentInput` to it. */
  url: string | URL
  /**
   * Extra request headers, or a function called before every request (fresh tokens):
   * `headers: async () => ({ Authorization: `Bearer ${await getToken()}` })`. `Content-Type:
   * application/json` and `Accept: text/event-stream` are always set.
   */
  headers?: HttpAgentHeaders
  /** `fetch`'s `credentials` (e.g. `include` for cookies across origins). Default: the browser's (`same-origin`). */
  credentials?: RequestCredentials
  /** The `fetch` to use (tests, proxies, polyfills). Default: `globalThis.fetch` at request time. */
  fetch?: typeof globalThis.fetch
  /** Size limit of one SSE event, in bytes; a larger one fails the run with `limit_exceeded`. Default: 8 MiB (8 388 608). */
  maxEventBytes?: number
  /**
   * The server's highest protocol version (dotted, e.g. `1.0`, `0.0.45`). Shapes the request
   * (see `prepareRunAgentInput`) and how events are read (see `createEventParser`).
   * Default: the kit's `PROTOCOL_VERSION` (`1.1`).
   */
  maxProtocolVersion?: string
  /**
   * How long to wait, in ms, for the server to close the stream after a run's terminal event
   * (`RUN_FINISHED`/`RUN_ERROR`) before completing anyway and cancelling the request. Events
   * that arrive meanwhile (a late `RUN_ERROR`, a next run in the same stream) are delivered.
   * Default: 1000.
   */
  terminalGraceMs?: number
  /**
   * Receives each SHOULD-level finding (unknown event dropped, unknown field stripped, retired
   * event translated, newer protocol version announced). Nothing extra is put on the event stream.
   */
  onDiagnostic?: (diagnostic: Diagnostic) => void
}

/** {@link RunOptions} plus per-run overrides {@link HttpAgent} understands. */
export interface HttpRunOptions extends RunOptions {
  /** Receives this run's diagnostics (in addition to the constructor's `onDiagnostic`). */
  onDiagnostic?: (diagnostic: Diagnostic) => void
  /** Overrides the constructor's `maxProtocolVersion` for this run. */
  maxProtocolVersion?: string
}

const DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024

/**
 * An {@link Agent} that talks AG-UI over HTTP with Server-Sent Events (spec 1.1, "Transports":
 * HTTP/SSE): `run` POSTs the input as JSON and streams the response's events, each validated
 * (`validatesEvents = true`, design.md rule 2) by a per-run `createEventParser`.
 *
 * The returned Observable is cold (one request per subscription) and ends:
 * - `complete` when the stream ends after the last run's `RUN_FINISHED`/`RUN_ERROR` (or
 *   `terminalGraceMs` after it, if the server keeps the connection open);
 * - `error(AgentError)`, after delivering every event received before the failure, with code
 *   `http_error` (non-2xx; `status`, `body` = first 4 096 chars), `invalid_response` (2xx that is
 *   not `text/event-stream`), `network` (`fetch` rejected), `invalid_json` (a frame that is not
 *   JSON), `invalid_event` (a frame that fails the schema), `limit_exceeded` (`maxEventBytes`),
 *   `truncated` (the stream ended or broke with a run still open, or without any event),
 *   `aborted` (`options.signal` aborted, or `abortRun()`).
 *
 * `unsubscribe()` cancels the request silently. Unknown event types are dropped (reported to
 * `onDiagnostic`).
 *
 * @example
 * const agent = new HttpAgent({ url: '/api/agent', headers: () => ({ Authorization: token() }) })
 * agent.run(input, { signal }).subscribe({ next: apply, error: show, complete: done })
 */
export class HttpAgent implements Agent {
  /** Always true: every event is validated against the AG-UI schema before delivery. */
  readonly validatesEvents = true
  readonly #options: HttpAgentOptions
  readonly #active = new Set<AbortController>()

  constructor(options: HttpAgentOptions) {
    this.#options = options
  }

  /** Starts a run; see the class docs for how the Observable ends. */
  run(input: RunAgentInput, options: HttpRunOptions = {}): Observable<AgentEvent> {
    return createObservable<AgentEvent>((sink) => {
      const controller = new AbortController()
      const { signal } = options
      const abortFromCaller = () =>
        controller.abort(new AgentError('aborted', 'The run was aborted.'))
      if (signal?.aborted) {
        sink.error(new AgentError('aborted', 'The run was aborted before it started.'))
        return
      }
      signal?.addEventListener('abort', abortFromCaller, { once: true })
      this.#active.add(controller)
      void this.#execute(input, options, controller.signal, sink)
      return () => {
        signal?.removeEventListener('abort', abortFromCaller)
        this.#active.delete(controller)
        controller.abort()
      }
    })
  }

  /** Aborts every run in flight: each Observable errors with `AgentError('aborted')`. */
  abortRun(): void {
    for (const c of this.#active) c.abort(new AgentError('aborted', 'The run was aborted.'))
  }

  async #execute(
    input: RunAgentInput,
    runOptions: HttpRunOptions,
    signal: AbortSignal,
    sink: SubscriberSink<AgentEvent>,
  ): Promise<void> {
    const options = this.#options
    const report = (d: Diagnostic) => {
      options.onDiagnostic?.(d)
      runOptions.onDiagnostic?.(d)
    }
    const fail = (error: unknown) => {
      if (signal.aborted && isAgentError(signal.reason)) return sink.error(signal.reason)
      sink.error(
        isAgentError(error) ? error : new AgentError('unknown', String(error), { cause: error }),
      )
    }
    try {
      const maxProtocolVersion = runOptions.maxProtocolVersion ?? options.maxProtocolVersion
      const ceiling = maxProtocolVersion === undefined ? {} : { maxProtocolVersion }
      const prepared = prepareRunAgentInput(input, ceiling)
      prepared.diagnostics.forEach(report)
      const headers = new Headers(
        typeof options.headers === 'function' ? await options.headers() : options.headers,
      )
      headers.set('Content-Type', 'application/json')
      headers.set('Accept', 'text/event-stream')
      const doFetch = options.fetch ?? globalThis.fetch
      let response: Response
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers,
          body: JSON.stringify(prepared.input),
          signal,
          ...(options.credentials && { credentials: options.credentials }),
        })
      } catch (error) {
        if (signal.aborted) return fail(error)
        const message = error instanceof Error ? error.message : String(error)
        return fail(
          new AgentError('network', `The request to ${String(options.url)} failed: ${message}`, {
            cause: error,
          }),
        )
      }
      if (sink.closed) return
      await readResponse(response, {
        parser: createEventParser(ceiling),
        sink,
        signal,
        report,
        maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
        terminalGraceMs: options.terminalGraceMs ?? 1000,
      })
    } catch (error) {
      fail(error)
    }
  }
}
