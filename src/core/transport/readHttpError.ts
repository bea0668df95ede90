import { AgentError, type AgentErrorCode } from '../protocol/AgentError'
import { parseRetryAfterMs } from './closeCodePolicy'

/** Characters of a body kept on an error (`AgentError.body`). */
const BODY_PREFIX = 4096

/** Reads at most `max` characters of a body, then cancels the rest. Never throws. @internal */
export async function readTextPrefix(response: Response, max = BODY_PREFIX): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  const decoder = new TextDecoder()
  let text = ''
  try {
    while (text.length < max) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } catch {
    // a body that breaks while read for an error message: keep what came
  } finally {
    void reader.cancel().catch(() => undefined)
  }
  return text.slice(0, max)
}

/**
 * The error of a non-2xx answer to `what` (e.g. `the run request`): `code` (default
 * `http_error`) with `status`, `body` (its first 4 096 characters), `retryAfterMs` (from a
 * `Retry-After` header in seconds), `retryable` for 5xx, 408 and 429, and the message
 * `The server answered <what> with HTTP <status> <statusText>: <first 200 characters of the body>`.
 * Reads (then cancels) the body. @internal
 */
export async function readHttpError(
  response: Response,
  what: string,
  code: AgentErrorCode = 'http_error',
): Promise<AgentError> {
  const { status, statusText } = response
  const body = await readTextPrefix(response)
  const excerpt = body.trim().slice(0, 200) || '(empty body)'
  return new AgentError(
    code,
    `The server answered ${what} with HTTP ${status}${statusText && ` ${statusText}`}: ${excerpt}`,
    {
      status,
      body,
      retryable: status >= 500 || status === 408 || status === 429,
      retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after')),
    },
  )
}
