import type { Clock } from '../../transport/Clock'
import type { AgentStatusSource, RemoteAgentInfo, StatusFact } from '../../status/AgentStatusSource'
import type { AgentSkill } from '../../status/AgentStatus'
import type { GenAIClient } from './GenAIClient'

/** Options of {@link createGenAIStatusSource}. */
export interface GenAIStatusOptions {
  /** Poll interval, ms. Default: 10 000. */
  pollMs?: number
  clock: Clock
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** One registered agent, without its `agent_jwt` (a credential: never shown). */
function agentInfo(agent: Json): RemoteAgentInfo | undefined {
  const id = str(agent.agent_id)
  if (!id) return undefined
  const facts: StatusFact[] = []
  const alias = str(agent.agent_alias)
  if (alias) facts.push({ label: 'alias', value: alias })
  const updated = str(agent.updated_at) ?? str(agent.created_at)
  if (updated) facts.push({ label: 'updated', value: updated })
  const description = str(agent.agent_description)
  return {
    id,
    name: str(agent.agent_name) ?? id,
    ...(description && { description }),
    status: agent.is_active === true ? 'active' : 'inactive',
    facts,
  }
}

/**
 * GenAI AgentOS's view for a status page (issue 8 "status sources"): `GET /api/agents/` → the
 * registered agents (name, description, active, alias; `agent_jwt` is never read out) and the
 * card's skills (one per agent, from its OpenAI function schema's name/description);
 * `GET /api/agents/active` → `active connections` fact and health (`ok` with at least one active
 * agent connection, else `degraded`: the master agent cannot call anyone). Rejects with the REST
 * errors (`auth_required`, `http_error`, `invalid_response`, `network`).
 */
export function createGenAIStatusSource(
  client: GenAIClient,
  options: GenAIStatusOptions,
): AgentStatusSource {
  return {
    pollMs: options.pollMs ?? 10_000,
    async load({ signal } = {}) {
      const [list, active] = await Promise.all([
        client.listAgents(signal),
        client.activeConnections(signal),
      ])
      const raw = (Array.isArray(list) ? list : []).filter(isObject)
      const agents = raw.flatMap((a) => agentInfo(a) ?? [])
      const skills: AgentSkill[] = raw.flatMap((a) => {
        const schema = isObject(a.agent_schema) ? a.agent_schema : {}
        const fn = isObject(schema.function) ? schema.function : schema
        const name = str(fn.name) ?? str(a.agent_name)
        if (!name) return []
        const description = str(fn.description) ?? str(a.agent_description)
        return [{ id: str(a.agent_id) ?? name, name, ...(description && { description }) }]
      })
      const count = isObject(active) ? Number(active.count_active_connections) : NaN
      const now = options.clock.now()
      return {
        card: { name: 'GenAI AgentOS', skills },
        agents,
        facts: [
          { label: 'registered agents', value: agents.length },
          ...(Number.isFinite(count) ? [{ label: 'active connections', value: count }] : []),
        ],
        health:
          Number.isFinite(count) && count > 0
            ? { state: 'ok', detail: `${count} active agent connection(s)`, checkedAt: now }
            : { state: 'degraded', detail: 'no agent is connected to the router', checkedAt: now },
      }
    },
  }
}
