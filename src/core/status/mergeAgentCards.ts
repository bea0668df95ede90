import type { AgentCard } from './AgentStatus'

const FIELDS = ['name', 'description', 'url', 'version', 'provider'] as const

const present = (value: unknown): value is string => typeof value === 'string' && value !== ''

/**
 * The app's `card` over a remote system's card (`AgentStatusReport.card`): each field of the
 * app's card wins when set (non-empty string, non-empty skill list); the remote card fills the
 * rest. Capabilities are merged key by key, the app's keys winning. Either may be absent.
 */
export function mergeAgentCards(
  app: AgentCard | undefined,
  remote: AgentCard | undefined,
): AgentCard | undefined {
  if (!remote || typeof remote !== 'object') return app
  if (!app) return remote
  const card: AgentCard = {}
  for (const key of FIELDS) {
    const value = present(app[key]) ? app[key] : remote[key]
    if (present(value)) card[key] = value
  }
  const skills = Array.isArray(app.skills) && app.skills.length > 0 ? app.skills : remote.skills
  if (Array.isArray(skills)) card.skills = skills
  const objects = [remote.capabilities, app.capabilities].filter(
    (c): c is Record<string, unknown> => typeof c === 'object' && c !== null,
  )
  if (objects.length > 0)
    card.capabilities = Object.assign({}, ...objects) as AgentCard['capabilities']
  return card
}
