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
 * - `run_error`: the agent sent `RUN_ERROR`; `agentCode` holds its `code`.
 * - `limit_exceeded`: a configured size limit (bytes, events) was exceeded.
 * - `busy`: a run was requested while another run of the same store is running.
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
}

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
  readonly retryable: boolean

  constructor(code: AgentErrorCode, message: string, options: AgentErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    if (options.status !== undefined) this.status = options.status
    if (options.body !== undefined) this.body = options.body
    if (options.event !== undefined) this.event = options.event
    if (options.agentCode !== undefined) this.agentCode = options.agentCode
    this.retryable =
      options.retryable ??
      (code === 'network' ||
        code === 'truncated' ||
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
