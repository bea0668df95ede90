import { AgentError } from '../../protocol/AgentError'
import { parseRetryAfterMs } from '../../transport/closeCodePolicy'

/** The `fetch` the adapters call (the browser's, a test fake, a proxying wrapper). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/** What {@link fetchJson} resolves with: the HTTP status and the parsed JSON body (`undefined` when not JSON). */
export interface JsonReply {
  status: number
  body: unknown
  /** The body as text (first 4 096 characters), for error messages. */
  text: string
  headers: Headers
}

const BODY_LIMIT = 4096

/**
 * Sends one request of a seed-system REST API and reads its JSON answer, whatever the status
 * (callers decide what a status means: AgentConnect's session check answers 500 for a session
 * that exists). `what` names the request in error messages (`AgentConnect login`).
 * @throws AgentError `network` when `fetch` rejects (DNS, refused, CORS); `aborted` when `signal` aborted.
 */
export async function fetchJson(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  what: string,
): Promise<JsonReply> {
  let response: Response
  try {
    response = await fetchFn(url, init)
  } catch (error) {
    if (init.signal?.aborted)
      throw new AgentError('aborted', `${what} was aborted.`, { cause: error })
    const message = `${what} failed (${url}): ${error instanceof Error ? error.message : String(error)}`
    throw new AgentError('network', message, { cause: error })
  }
  const text = await response.text().catch(() => '')
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  return {
    status: response.status,
    body,
    text: text.slice(0, BODY_LIMIT),
    headers: response.headers,
  }
}

/** The `detail` (FastAPI) or `error`/`message` of an error body, else the text. */
export function errorDetail(reply: JsonReply): string {
  const body = reply.body as { detail?: unknown; error?: unknown; message?: unknown } | undefined
  const detail = body?.detail ?? body?.error ?? body?.message
  if (typeof detail === 'string') return detail
  if (detail !== undefined) return JSON.stringify(detail)
  return reply.text.slice(0, 200) || `HTTP ${reply.status}`
}

/**
 * The kit's error for a non-2xx answer: 401 → `auth_required`, 429 → `rate_limited`
 * (`retryAfterMs` from `Retry-After`), 404 → `not_found`, anything else → `http_error`;
 * `status` and `body` set on every one.
 */
export function httpFailure(reply: JsonReply, what: string): AgentError {
  const { status, text: body } = reply
  const message = `${what}: HTTP ${status}: ${errorDetail(reply)}`
  if (status === 401)
    return new AgentError('auth_required', message, { status, body, retryable: false })
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(reply.headers.get('retry-after'))
    return new AgentError('rate_limited', message, {
      status,
      body,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    })
  }
  if (status === 404) return new AgentError('not_found', message, { status, body })
  return new AgentError('http_error', message, { status, body })
}

/**
 * The JSON body of a 2xx answer (or throws {@link httpFailure}).
 * @throws AgentError `invalid_response` when a 2xx body is not a JSON object or array.
 */
export function okJson(reply: JsonReply, what: string): Record<string, unknown> | unknown[] {
  if (reply.status < 200 || reply.status > 299) throw httpFailure(reply, what)
  if (typeof reply.body !== 'object' || reply.body === null)
    throw new AgentError('invalid_response', `${what}: the answer is not JSON.`, {
      status: reply.status,
      body: reply.text,
    })
  return reply.body as Record<string, unknown> | unknown[]
}
