import type { Clock } from '../../transport/Clock'
import type {
  AgentStatusReport,
  AgentStatusSource,
  RemoteAgentInfo,
  RemoteHealth,
  StatusFact,
} from '../../status/AgentStatusSource'
import type { AgentConnectClient } from './AgentConnectClient'

/** What {@link createAgentConnectStatusSource} reads besides the REST API. */
export interface AgentConnectStatusOptions {
  /** The agent whose status to read (`/api/agents/status/<id>`); `undefined`: list only. */
  agentId: () => string | undefined
  /** When the agent's last `cooldown` frame ends, ms since epoch (0: none). */
  cooldownUntil?: () => number
  /** Poll interval, ms. Default: 10 000. */
  pollMs?: number
  clock: Clock
}

type Json = Record<string, unknown>

const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {}

/** Rows for the scalar fields of `source` named in `keys` (label = key with `_` → space). */
function factsOf(source: Json, keys: readonly string[]): StatusFact[] {
  return keys.flatMap((key) => {
    const value = source[key]
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return [{ label: key.replace(/_/g, ' '), value }]
    return []
  })
}

function healthOf(status: Json, cooldownUntil: number, now: number): RemoteHealth {
  const meta = asObject(status.metadata)
  const state = typeof status.status === 'string' ? status.status : undefined
  const until = typeof meta.cooldown_until === 'string' ? meta.cooldown_until : undefined
  if (state === 'cooldown' || cooldownUntil > now) {
    const when = until ?? new Date(cooldownUntil).toISOString()
    return { state: 'degraded', detail: `cooldown until ${when}`, checkedAt: now }
  }
  if (state === 'active') return { state: 'ok', detail: 'active', checkedAt: now }
  if (state === 'inactive') return { state: 'down', detail: 'inactive', checkedAt: now }
  return { state: 'unknown', ...(state && { detail: state }), checkedAt: now }
}

function agentInfo(raw: unknown): RemoteAgentInfo | undefined {
  const agent = asObject(raw)
  if (typeof agent.agent_id !== 'string') return undefined
  return {
    id: agent.agent_id,
    name: typeof agent.name === 'string' ? agent.name : agent.agent_id,
    ...(typeof agent.status === 'string' && { status: agent.status }),
    facts: factsOf(agent, ['agent_type', 'provider', 'model', 'is_owned']),
  }
}

/**
 * AgentConnect's view of the agent for a status page (issue 8 "status sources"):
 * `GET /api/agents/status/{id}` → card (name, provider, capabilities), health (`active` → ok,
 * `cooldown` or a cooldown frame still running → degraded, `inactive` → down) and facts
 * (model, personality, message counts); `GET /api/agents/list` → the other agents (provider,
 * model, owned). Rejects with the REST errors (`auth_required`, `http_error`, `network`, ...).
 */
export function createAgentConnectStatusSource(
  client: AgentConnectClient,
  options: AgentConnectStatusOptions,
): AgentStatusSource {
  return {
    pollMs: options.pollMs ?? 10_000,
    async load({ signal } = {}) {
      const agentId = options.agentId()
      const [status, list] = await Promise.all([
        agentId === undefined ? undefined : client.agentStatus(agentId, signal),
        client.listAgents(signal),
      ])
      const now = options.clock.now()
      const agents = (Array.isArray(list.agents) ? list.agents : []).flatMap(
        (a) => agentInfo(a) ?? [],
      )
      const report: AgentStatusReport = {
        agents,
        facts: factsOf(list, ['total_count', 'user_owned_count']),
      }
      if (!status) return report
      const meta = asObject(status.metadata)
      const capabilities = Array.isArray(status.capabilities)
        ? Object.fromEntries(status.capabilities.map((c) => [String(c), true]))
        : undefined
      return {
        ...report,
        card: {
          name: typeof status.name === 'string' ? status.name : (agentId ?? 'AgentConnect agent'),
          ...(typeof meta.provider === 'string' && { provider: meta.provider }),
          ...(capabilities && { capabilities }),
        },
        health: healthOf(status, options.cooldownUntil?.() ?? 0, now),
        facts: [
          ...factsOf(status, [
            'agent_id',
            'agent_type',
            'is_running',
            'message_count',
            'last_active',
          ]),
          ...factsOf(meta, [
            'model',
            'personality',
            'active_conversations',
            'total_messages_processed',
          ]),
          ...(report.facts ?? []),
        ],
      }
    },
  }
}
