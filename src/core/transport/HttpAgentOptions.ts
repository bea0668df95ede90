import type { Diagnostic } from '../protocol/Diagnostic'
import type { RunOptions } from './Agent'
import type { Clock } from './Clock'
import type { BackoffOptions } from './createBackoff'

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
  /**
   * Resume after a drop (issue 6): when a run's response carries `X-AWR-Resumable: 1` and its
   * stream breaks or ends before the terminal event, reconnect to {@link HttpAgentOptions.resumeUrl}
   * with `Last-Event-ID` and de-duplicate by id. `false` turns it off (drops end `truncated`).
   * Default: true.
   */
  resume?: boolean
  /**
   * Read-idle timeout, ms: a response body that delivers no byte at all (no event, no `: ping`
   * comment) for this long is treated as a dropped connection (a silent proxy, a server that
   * accepts then never sends): a resumable run resumes, any other ends `truncated` with `cause`
   * `AgentError('heartbeat_timeout')`. Any bytes reset it. Keep it above the server's heartbeat
   * interval (the kit's server helpers send `: ping` every 15 s by default). `0` or `Infinity`
   * disables it. Does not cover the wait for the response head. Default: 45000.
   */
  idleTimeoutMs?: number
  /**
   * The endpoint keeps runs after their request (the kit's `createAgentHandler({ resumable })`),
   * known before any answer: a `POST` dropped before its answer's head is then followed by an
   * attach (`GET` resume endpoint, `Last-Event-ID: 0`, up to 3 attempts) instead of failing at
   * once with `network`. Without it the agent learns it from the first answer with `X-AWR-Resumable: 1`.
   * Ignored with `resume: false`. Default: false.
   */
  resumable?: boolean
  /** Backoff of resume attempts (full jitter): base 500 ms, cap 30 s, 10 attempts or 5 min. */
  reconnect?: BackoffOptions
  /** The resume/attach endpoint of a run. Default: `<url>/runs/<runId>/events` (query kept). */
  resumeUrl?: (runId: string) => string
  /**
   * The cancel endpoint of a run (`POST`, expects 2xx), used by {@link HttpAgent.cancelRun}
   * and, when a run is stopped (`signal`, `abortRun()`), for runs whose response said
   * `X-AWR-Resumable: 1` (those outlive their request) or for every run when set explicitly.
   * `false`: never. Default: `<url>/runs/<runId>/cancel`.
   */
  cancelUrl?: string | ((runId: string) => string) | false
  /** Time source of the resume backoff and the idle timeout (tests). Default: the system clock. */
  clock?: Clock
  /** Random source of the backoff jitter, [0, 1) (tests). Default: `Math.random`. */
  random?: () => number
}

/** {@link RunOptions} plus per-run overrides {@link HttpAgent} understands. */
export interface HttpRunOptions extends RunOptions {
  /** Receives this run's diagnostics (in addition to the constructor's `onDiagnostic`). */
  onDiagnostic?: (diagnostic: Diagnostic) => void
  /** Overrides the constructor's `maxProtocolVersion` for this run. */
  maxProtocolVersion?: string
}
