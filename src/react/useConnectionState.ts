import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import type { ConnectionState } from '../core/transport/ConnectionState'
import { useSelect } from './useAgentSelector'

const selectConnection = (snapshot: AgentSnapshot) => snapshot.connection

/**
 * The connection state of the nearest `<AgentProvider>`'s agent (issue 6, "Connection state"):
 * `idle | connecting | open (latencyMs) | reconnecting (attempt, nextRetryMs, error) | closed
 * (error) | auth_required (error)`, mirrored by the store from the agent's
 * `subscribeConnection` (`HttpAgent`, `WebSocketAgent`). Agents that do not report one stay
 * `{ status: 'idle' }`. Re-renders only when the state object changes.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const connection = useConnectionState()
 * if (connection.status === 'reconnecting') return <p>Reconnecting in {connection.nextRetryMs} ms…</p>
 */
export function useConnectionState(): ConnectionState {
  return useSelect('useConnectionState', selectConnection, Object.is)
}
