import type { AgentCapabilities } from '../protocol/types'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { Agent } from '../transport/Agent'
import type { ConnectionState } from '../transport/ConnectionState'
import type { AgentStatus } from './AgentStatus'
import { deriveAgentStatus, type DeriveAgentStatusOptions } from './deriveAgentStatus'
import { transportName } from './transportName'

/**
 * What {@link deriveStoreStatus} derives from besides the snapshot: `deriveAgentStatus`'s
 * options with the store's `agent` in place of `connection`. @internal
 */
export interface StoreStatusInput extends Omit<DeriveAgentStatusOptions, 'connection'> {
  agent: Agent
}

/**
 * The agent's connection: `snapshot.connection` (the store mirrors `subscribeConnection` and
 * publishes each change) when the agent reports changes, else `getConnectionState()` read now;
 * `undefined` (shown as unknown) for an agent with neither.
 */
function connectionOf(agent: Agent, snapshot: AgentSnapshot): ConnectionState | undefined {
  if (typeof agent.subscribeConnection === 'function' && snapshot.connection) {
    return snapshot.connection
  }
  return agent.getConnectionState?.()
}

/**
 * `useAgentStatus`'s derivation, in the status chunk with `deriveAgentStatus`: the status of
 * a store's `snapshot` whose agent is `input.agent` (its connection, and its class name as the
 * transport unless `input.transport` names one). @internal
 */
export function deriveStoreStatus(snapshot: AgentSnapshot, input: StoreStatusInput): AgentStatus {
  const { agent, ...options } = input
  return deriveAgentStatus(snapshot, {
    ...options,
    connection: connectionOf(agent, snapshot),
    transport: options.transport ?? transportName(agent),
  })
}

type CapabilityAgent = { getCapabilities?: () => Promise<AgentCapabilities> }

/** One `getCapabilities()` call per agent, shared by every hook (and StrictMode's double effects). */
const declared = new WeakMap<object, Promise<AgentCapabilities | undefined>>()

/**
 * What `agent.getCapabilities()` (`@ag-ui/client` agents) resolves with, called once per agent
 * and shared; `undefined` for an agent without that method or when it rejects. Never rejects.
 * @internal
 */
export function declaredCapabilities(agent: object): Promise<AgentCapabilities | undefined> {
  let pending = declared.get(agent)
  if (!pending) {
    pending = Promise.resolve()
      .then(() => (agent as CapabilityAgent).getCapabilities?.())
      .catch(() => undefined)
    declared.set(agent, pending)
  }
  return pending
}
