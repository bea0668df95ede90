import { AgentError } from '../../protocol/AgentError'
import type {
  AgentStatusReport,
  AgentStatusSource,
  ProtocolInfo,
  RemoteHealth,
  StatusFact,
} from '../../status/AgentStatusSource'
import { readBridgeError } from './readBridgeError'
import type { UAgentsBridgeStatus, UAgentsProtocolManifest } from './uagentsChatTypes'

/** Options of {@link createUAgentsStatusSource}. */
export interface UAgentsStatusSourceOptions {
  /** The bridge's base URL (same as `UAgentsChatAgent`'s `url`); reads `GET <url>/status`. */
  url: string
  fetch?: typeof fetch
  headers?:
    Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>)
  /** Poll interval, ms. Default 10 000; 0: load once. */
  pollMs?: number
  /** Clock for `checkedAt`, ms since epoch. Default `Date.now`. */
  now?: () => number
}

/** Manifest → {@link ProtocolInfo}: models with their schema fields, interactions by model name. */
export function manifestToProtocolInfo(manifest: UAgentsProtocolManifest): ProtocolInfo {
  const names = new Map(manifest.models.map((m) => [m.digest, m.schema.title ?? m.digest]))
  const name = (digest: string) => names.get(digest) ?? digest
  return {
    name: manifest.metadata.name,
    version: manifest.metadata.version,
    digest: manifest.metadata.digest,
    models: manifest.models.map((m) => ({
      name: name(m.digest),
      digest: m.digest,
      fields: Object.keys(m.schema.properties ?? {}),
    })),
    interactions: manifest.interactions.map((i) => ({
      request: name(i.request),
      responses: i.responses.map(name),
    })),
  }
}

const HEALTH: Record<UAgentsBridgeStatus['readiness'], RemoteHealth['state']> = {
  ready: 'ok',
  'not-ready': 'down',
  indeterminate: 'unknown',
  unreachable: 'down',
}

/** The bridge's `/status` answer → {@link AgentStatusReport}. */
export function uagentsStatusReport(
  status: UAgentsBridgeStatus,
  checkedAt: number,
): AgentStatusReport {
  const info = status.agentInfo
  const known = new Map(status.manifests.map((m) => [m.metadata.digest, m]))
  const digests = info?.protocols ?? status.manifests.map((m) => m.metadata.digest)
  const protocols = digests.map((digest) => {
    const manifest = known.get(digest)
    return manifest ? manifestToProtocolInfo(manifest) : { name: digest, digest }
  })
  const facts: StatusFact[] = [
    { label: 'agent address', value: status.agentAddress },
    { label: 'bridge address', value: status.bridgeAddress },
    { label: 'open sessions', value: status.openSessions },
  ]
  if (info?.agent_type) facts.push({ label: 'agent type', value: info.agent_type })
  if (info?.prefix) facts.push({ label: 'prefix', value: info.prefix })
  if (status.responseTimeHintS !== undefined)
    facts.push({ label: 'response time hint (s)', value: status.responseTimeHintS })
  if (status.agentInfoError) facts.push({ label: 'agent_info', value: status.agentInfoError })
  const endpoint = info?.endpoints?.[0]?.url ?? status.agentEndpoint
  const name = typeof info?.metadata?.name === 'string' ? info.metadata.name : undefined
  return {
    card: {
      name: name ?? status.agentAddress,
      ...(endpoint && { url: endpoint }),
      provider: 'Fetch.ai uAgents',
      capabilities: { streaming: true, cards: true, acknowledgements: true },
    },
    health: {
      state: HEALTH[status.readiness] ?? 'unknown',
      detail: `HEAD /submit: x-uagents-status ${status.readiness}`,
      checkedAt,
    },
    facts,
    protocols,
  }
}

/**
 * The status source of a uAgents agent behind the kit's bridge (issue 8 "status sources"):
 * `agent_info` (address, endpoints, agent type), readiness from `HEAD /submit`
 * (`x-uagents-status`: `ready` → ok, `not-ready`/unreachable → down, `indeterminate` → unknown)
 * and each protocol with its manifest (models, their fields, interactions).
 * `load` rejects with `auth_required` / `rate_limited` / `http_error` (bridge answers),
 * `network`, or `invalid_response` (not a bridge status JSON).
 */
export function createUAgentsStatusSource(options: UAgentsStatusSourceOptions): AgentStatusSource {
  return {
    pollMs: options.pollMs ?? 10_000,
    async load({ signal } = {}) {
      const doFetch = options.fetch ?? globalThis.fetch
      const headers =
        typeof options.headers === 'function' ? await options.headers() : options.headers
      let response: Response
      try {
        response = await doFetch(`${options.url}/status`, {
          headers: { Accept: 'application/json', ...headers },
          ...(signal && { signal }),
        })
      } catch (error) {
        if (signal?.aborted)
          throw new AgentError('aborted', 'The status request was aborted.', { cause: error })
        throw new AgentError(
          'network',
          `uAgents bridge: GET ${options.url}/status failed: ${String(error)}`,
          { cause: error },
        )
      }
      if (!response.ok) throw await readBridgeError(response, 'reading the status')
      let status: UAgentsBridgeStatus
      try {
        status = (await response.json()) as UAgentsBridgeStatus
      } catch (cause) {
        throw new AgentError('invalid_response', 'uAgents bridge: /status is not JSON.', {
          cause,
          status: response.status,
        })
      }
      if (typeof status?.agentAddress !== 'string' || !Array.isArray(status.manifests))
        throw new AgentError(
          'invalid_response',
          'uAgents bridge: /status is not a bridge status.',
          { status: response.status },
        )
      return uagentsStatusReport(status, (options.now ?? Date.now)())
    },
  }
}
