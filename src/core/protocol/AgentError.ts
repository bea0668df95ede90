/**
 * Stable error codes of the kit. Switch on `code`, never on `message`.
 *
 * - `http_error`: the server answered with a non-2xx status (`status`, `body` set).
 * - `invalid_response`: a 2xx answer that is not an event stream (e.g. HTML).
 * - `invalid_json`: an SSE/WebSocket frame whose data is not JSON.
 * - `invalid_event`: a frame that is JSON but fails the AG-UI event schema.
 * - `protocol_violation`: events in an order the spec forbids (spec 1.1, "Event ordering").
 * - `truncated`: the stream ended before `RUN_FINISHED`/`RUN_ERROR` (spec 1.1: the run fails).
 * - `aborted`: the run was stopped by the caller (`AbortSignal`, `stop()`).
 * - `network`: the request or the stream failed below HTTP (DNS, reset, offline).
 * - `run_error`: the agent sent `RUN_ERROR` (or a WebSocket server answered a run with an
 *   `error` frame of another code, e.g. `internal_error`); `agentCode` holds its `code`.
 * - `limit_exceeded`: a configured size limit (bytes, events) was exceeded.
 * - `busy`: a run was requested while another run of the same store is running.
 * - `connection_closed`: the connection (WebSocket, or an HTTP resume loop) closed for good: a
 *   normal close with runs still open, or reconnect attempts/time exhausted (`closeCode` set).
 * - `auth_required`: the server refused the credentials (WebSocket close 1008/4003, `auth_failed`
 *   frame, 4002 after one refresh); the app should refresh a token (`onAuthRequired`).
 * - `rate_limited`: the server asked to slow down (WebSocket close 4004, HTTP 429);
 *   `retryAfterMs` holds the wait it asked for.
 * - `replay_gap`: a resume asked for events the server's replay buffer no longer holds (HTTP
 *   409, WebSocket `error` frame), or a replay started after the last delivered id;
 *   `firstId` is the first id the server still holds.
 * - `run_not_found`: the server does not know (or no longer keeps) the run to resume/attach.
 * - `bad_frame`: a frame the transport cannot read as an envelope (a binary WebSocket frame, an
 *   unknown envelope `type`), or the server rejected one of ours.
 * - `heartbeat_timeout`: the connection went silent: no pong within the heartbeat timeout.
 * - `invalid_args`: tool-call arguments that are not JSON or fail the tool's schema (issue 3).
 * - `tool_failed`: a frontend tool's handler threw (or rejected).
 * - `tool_timeout`: a frontend tool's handler did not settle within its `timeoutMs`.
 * - `invalid_payload`: an interrupt answer that fails the interrupt's `responseSchema`.
 * - `interrupt_expired`: an answer to an interrupt past its `expiresAt` (only cancel is allowed).
 * - `not_ready`: something the kit loads on first use (the `responseSchema` validator) is still
 *   loading; retryable: nothing was done, try again in a moment.
 * - `load_failed`: a part the kit loads on first use (a lazy chunk: the event validator, the
 *   frontend-tool code, the human-in-the-loop cards, the status fold) could not be loaded
 *   (offline, a deploy replaced the chunk); retryable: nothing received was lost, and the next
 *   use (the next run, Retry) loads it again.
 * - `resume_rejected`: the run resuming interrupts failed (HTTP error, `RUN_ERROR`); they stay open.
 * - `not_found`: a tool call, approval or interrupt id the thread does not hold.
 * - `attachment_rejected`: a file the composer cannot attach: its type is not in `accept`, or
 *   it cannot be read (count and size limits are `limit_exceeded`).
 * - `unknown`: anything else (a third-party agent threw a non-AgentError).
 */
export type AgentErrorCode =
  | 'http_error'
  | 'invalid_response'
  | 'invalid_json'
  | 'invalid_event'
  | 'protocol_violation'
  | 'truncated'
  | 'aborted'
  | 'network'
  | 'run_error'
  | 'limit_exceeded'
  | 'busy'
  | 'invalid_args'
  | 'tool_failed'
  | 'tool_timeout'
  | 'invalid_payload'
  | 'interrupt_expired'
  | 'not_ready'
  | 'load_failed'
  | 'resume_rejected'
  | 'not_found'
  | 'attachment_rejected'
  | 'connection_closed'
  | 'auth_required'
  | 'rate_limited'
  | 'replay_gap'
  | 'run_not_found'
  | 'bad_frame'
  | 'heartbeat_timeout'
  | 'unknown'

/** Extra fields an {@link AgentError} may carry. */
export interface AgentErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown
  /** HTTP status code, for `http_error` / `invalid_response`. */
  status?: number
  /** Response body text (first 4 096 characters), for `http_error` / `invalid_response`. */
  body?: string
  /** The offending raw event or frame, for `invalid_json` / `invalid_event` / `protocol_violation`. */
  event?: unknown
  /** The agent's own error code from `RUN_ERROR.code`, for `run_error`. */
  agentCode?: string
  /** Whether retrying the same request can succeed (network faults, 5xx, truncation). */
  retryable?: boolean
  /** The WebSocket close code, for errors caused by a close (`connection_closed`, `auth_required`, ...). */
  closeCode?: number
  /** How long the server asked to wait before retrying, ms, for `rate_limited`. */
  retryAfterMs?: number
  /** The first event id the server's replay buffer still holds, for `replay_gap`. */
  firstId?: number
}

/** The fields of {@link AgentErrorOptions} an {@link AgentError} carries as they are. */
const EXTRAS = [
  'status',
  'body',
  'event',
  'agentCode',
  'closeCode',
  'retryAfterMs',
  'firstId',
] as const satisfies readonly (keyof AgentErrorOptions)[]

/**
 * The one error type the kit produces. Every failure that reaches `useAgentRun().error`,
 * `store.getSnapshot().run.error` or an Observable's `error` callback is an `AgentError`.
 *
 * @example
 * if (err.code === 'http_error' && err.status === 401) login()
 */
export class AgentError extends Error {
  override readonly name = 'AgentError'
  /** Stable machine-readable code, see {@link AgentErrorCode}. */
  readonly code: AgentErrorCode
  readonly status?: number
  readonly body?: string
  readonly event?: unknown
  readonly agentCode?: string
  readonly closeCode?: number
  readonly retryAfterMs?: number
  readonly firstId?: number
  readonly retryable: boolean

  constructor(code: AgentErrorCode, message: string, options: AgentErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    for (const key of EXTRAS) if (options[key] !== undefined) this[key] = options[key] as never
    this.retryable =
      options.retryable ??
      (code === 'network' ||
        code === 'truncated' ||
        code === 'connection_closed' ||
        code === 'rate_limited' ||
        code === 'heartbeat_timeout' ||
        (code === 'http_error' && (options.status ?? 0) >= 500))
  }

  /** A plain JSON form (for logs, fixtures and `postMessage`). */
  toJSON(): {
    name: string
    code: AgentErrorCode
    message: string
    status?: number
    agentCode?: string
  } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.agentCode !== undefined && { agentCode: this.agentCode }),
    }
  }
}

/** True when `value` is an {@link AgentError} (also across bundle copies, by shape). */
export function isAgentError(value: unknown): value is AgentError {
  return (
    value instanceof AgentError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'AgentError' &&
      typeof (value as { code?: unknown }).code === 'string')
  )
}

/**
 * Wraps anything thrown into an {@link AgentError}: an `AgentError` is returned as is, an
 * `AbortError` becomes `aborted`, a `TypeError` from `fetch` becomes `network`, anything
 * else `fallback` (default `unknown`).
 */
export function toAgentError(error: unknown, fallback: AgentErrorCode = 'unknown'): AgentError {
  if (isAgentError(error)) return error
  const name = (error as { name?: unknown } | null)?.name
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'AbortError')
    return new AgentError('aborted', 'The run was aborted.', { cause: error })
  if (name === 'TypeError' && fallback === 'network')
    return new AgentError('network', `Network error: ${message}`, { cause: error })
  return new AgentError(fallback, message || 'Unknown error', { cause: error })
}
