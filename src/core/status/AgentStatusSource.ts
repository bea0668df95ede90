import type { AgentCard } from './AgentStatus'

/** One label/value row a remote system reports (`model: gpt-4o`, `active connections: 3`). */
export interface StatusFact {
  label: string
  value: string | number | boolean
}

/** Another agent the remote system lists (AgentConnect `/api/agents/list`, GenAI `/api/agents/`). */
export interface RemoteAgentInfo {
  id: string
  name: string
  description?: string
  /** The system's own word for its state (`active`, `inactive`, `cooldown`, ...). */
  status?: string
  /** Extra rows for this agent (provider, model, message count, ...). Never secrets (tokens, JWTs). */
  facts?: readonly StatusFact[]
}

/** One message model of a protocol (uAgents manifest `models[]`). */
export interface ProtocolModelInfo {
  name: string
  digest: string
  /** Field names of the model's schema, in schema order. */
  fields: readonly string[]
}

/** A protocol the agent speaks, with its manifest when known (uAgents `protocols` digests). */
export interface ProtocolInfo {
  /** Manifest `metadata.name`, or the digest when the manifest is unknown. */
  name: string
  version?: string
  /** `proto:<sha256 hex>`. */
  digest: string
  models?: readonly ProtocolModelInfo[]
  /** Manifest `interactions`: which model answers which, by model name. */
  interactions?: readonly { request: string; responses: readonly string[] }[]
}

/**
 * The remote system's own health: `ok` (ready), `degraded` (answers but reports trouble, e.g.
 * cooldown), `down` (unreachable or not ready), `unknown` (it offers no health check).
 */
export interface RemoteHealth {
  state: 'ok' | 'degraded' | 'down' | 'unknown'
  /** A short readable reason (`cooldown until 12:03`, `HEAD /submit: x-uagents-status ready`). */
  detail?: string
  /** When it was checked, ms since epoch. */
  checkedAt: number
}

/**
 * What a non-AG-UI system says about an agent, read by an adapter's {@link AgentStatusSource}
 * (issue 8 "status sources"): identity and capabilities as an {@link AgentCard}, health,
 * the other agents it lists, extra facts, and protocols. Every field is optional.
 */
export interface AgentStatusReport {
  /** Shown under the app's own `card` (the app's fields win). */
  card?: AgentCard
  health?: RemoteHealth
  agents?: readonly RemoteAgentInfo[]
  facts?: readonly StatusFact[]
  protocols?: readonly ProtocolInfo[]
}

/**
 * Where a status page gets a remote system's view of the agent. Adapters expose one as
 * `agent.statusSource`; `useAgentStatus()` picks it up (or takes `{ source }`), calls `load`
 * on mount and every `pollMs`, and shows the last report (and the last error) on the page.
 */
export interface AgentStatusSource {
  /**
   * Fetches a fresh report. Rejects with an `AgentError` (`http_error`, `network`,
   * `auth_required`, `invalid_response`, ...); never resolves partial garbage.
   */
  load(options?: { signal?: AbortSignal }): Promise<AgentStatusReport>
  /** Suggested poll interval, ms. Default (when absent) 10 000; 0: load once. */
  readonly pollMs?: number
}

/** An object (usually an agent adapter) that offers a {@link AgentStatusSource}. */
export interface HasStatusSource {
  readonly statusSource?: AgentStatusSource
}
