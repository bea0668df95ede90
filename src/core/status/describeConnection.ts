import type { ConnectionState } from '../transport/ConnectionState'
import type { ConnectionHealth, ConnectionInfo } from './AgentStatus'

/** Health by connection status (`closed`: `down` when it carries an error). */
const HEALTH = new Map<string, ConnectionHealth>([
  ['open', 'ok'],
  ['idle', 'ok'],
  ['connecting', 'degraded'],
  ['reconnecting', 'degraded'],
  ['closed', 'ok'],
  ['auth_required', 'down'],
])

/**
 * The connection part of a status from a transport's `ConnectionState` (issue 6, "Connection
 * state"): `state` and `health` (`ok` open/idle, `degraded` connecting/reconnecting, `down`
 * closed with an error or auth required, `unknown` without a state), latency, attempt, error.
 *
 * @param state `agent.getConnectionState?.()`; `undefined` when the agent has none.
 * @param transport A name for the transport, shown as is.
 * @param lastEventAt When the last event was received, ms since epoch.
 */
export function describeConnection(
  state: ConnectionState | undefined,
  transport?: string,
  lastEventAt?: number,
): ConnectionInfo {
  const base = {
    ...(transport !== undefined && { transport }),
    ...(lastEventAt !== undefined && { lastEventAt }),
  }
  const health = state && typeof state === 'object' ? HEALTH.get(state.status) : undefined
  if (!state || !health) return { ...base, state: 'unknown', health: 'unknown' }
  const error = 'error' in state && state.error ? state.error : undefined
  return {
    ...base,
    state: state.status,
    health: state.status === 'closed' && error ? 'down' : health,
    ...(state.status === 'open' && state.latencyMs !== undefined && { latencyMs: state.latencyMs }),
    ...(state.status === 'reconnecting' && {
      attempt: state.attempt,
      nextRetryMs: state.nextRetryMs,
    }),
    ...(error && { error: { code: error.code, message: error.message } }),
  }
}
