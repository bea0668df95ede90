import { AgentError } from '../../protocol/AgentError'
import { readTextPrefix } from '../../transport/readResponse'

const BRIDGE_CODES: Record<string, AgentError['code']> = {
  agent_unreachable: 'network',
  agent_lost: 'heartbeat_timeout',
  agent_rejected: 'bad_frame',
}

/**
 * The typed error of a non-2xx answer from the uAgents bridge (`what` names the request):
 * 401/403 → `auth_required`; 429 → `rate_limited` (`retryAfterMs` from `Retry-After`, seconds);
 * 404 → `not_found`; a body `{error:{code}}` with a bridge code → `network`
 * (`agent_unreachable`), `heartbeat_timeout` (`agent_lost`), `bad_frame` (`agent_rejected`);
 * anything else → `http_error`. `status` and `body` (first 4 096 characters) are kept.
 */
export async function readBridgeError(response: Response, what: string): Promise<AgentError> {
  const { status } = response
  const body = await readTextPrefix(response)
  let bridgeCode: string | undefined
  let detail = body.trim().slice(0, 200) || '(empty body)'
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } | string }
    if (typeof parsed.error === 'string') detail = parsed.error
    else if (parsed.error) {
      if (typeof parsed.error.code === 'string') bridgeCode = parsed.error.code
      if (typeof parsed.error.message === 'string') detail = parsed.error.message
    }
  } catch {
    // not JSON: keep the text
  }
  const message = `uAgents bridge: ${what}: HTTP ${status}: ${detail}`
  const extras = { status, body, ...(bridgeCode && { agentCode: bridgeCode }) }
  if (status === 401 || status === 403) return new AgentError('auth_required', message, extras)
  if (status === 429) {
    const seconds = Number(response.headers.get('retry-after'))
    const retryAfterMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined
    return new AgentError('rate_limited', message, {
      ...extras,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    })
  }
  if (status === 404) return new AgentError('not_found', message, extras)
  const mapped = bridgeCode !== undefined ? BRIDGE_CODES[bridgeCode] : undefined
  return new AgentError(mapped ?? 'http_error', message, extras)
}
