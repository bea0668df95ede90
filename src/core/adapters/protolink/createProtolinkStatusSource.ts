import { AgentError } from '../../protocol/AgentError'
import type { AgentCard } from '../../status/AgentStatus'
import type {
  AgentStatusReport,
  AgentStatusSource,
  RemoteHealth,
  StatusFact,
} from '../../status/AgentStatusSource'
import { createProtolinkHttp, type ProtolinkHttp } from './protolinkHttp'
import type { ProtolinkAgentOptions } from './ProtolinkAgentOptions'
import type { ProtolinkAgentCard } from './protolinkWire'

/**
 * `GET /.well-known/agent.json`: the Protolink AgentCard.
 * @throws AgentError `auth_required`/`rate_limited`/`http_error`, `network`, `invalid_response`
 *   (not JSON, or no `name`).
 * @internal
 */
export async function fetchProtolinkCard(
  http: ProtolinkHttp,
  signal?: AbortSignal,
): Promise<ProtolinkAgentCard> {
  const response = await http.request(
    '/.well-known/agent.json',
    { headers: { Accept: 'application/json' } },
    signal,
  )
  if (!response.ok) throw await http.failure(response, 'GET /.well-known/agent.json')
  let card: unknown
  try {
    card = await response.json()
  } catch (cause) {
    throw new AgentError('invalid_response', 'The Protolink agent card is not JSON.', { cause })
  }
  if (
    typeof card !== 'object' ||
    card === null ||
    typeof (card as { name?: unknown }).name !== 'string'
  )
    throw new AgentError('invalid_response', 'The Protolink agent card has no name.', {
      event: card,
    })
  return card as ProtolinkAgentCard
}

/** A Protolink AgentCard as the kit's {@link AgentCard} (skills by id; flat capabilities as chips). */
export function toKitAgentCard(card: ProtolinkAgentCard): AgentCard {
  return {
    name: card.name,
    ...(card.description !== undefined && { description: card.description }),
    ...(card.url !== undefined && { url: card.url }),
    ...(card.version !== undefined && { version: card.version }),
    skills: (card.skills ?? []).map((s) => ({
      id: s.id,
      name: s.id,
      ...(s.description !== undefined && { description: s.description }),
      ...(s.tags !== undefined && { tags: s.tags }),
    })),
    ...(card.capabilities && { capabilities: card.capabilities }),
  }
}

function facts(card: ProtolinkAgentCard): StatusFact[] {
  const out: StatusFact[] = []
  if (card.transport) out.push({ label: 'transport', value: card.transport })
  if (card.protocolVersion) out.push({ label: 'protocol version', value: card.protocolVersion })
  const max = card.capabilities?.max_concurrency
  if (typeof max === 'number') out.push({ label: 'max concurrency', value: max })
  if (card.inputFormats?.length)
    out.push({ label: 'input formats', value: card.inputFormats.join(', ') })
  if (card.outputFormats?.length)
    out.push({ label: 'output formats', value: card.outputFormats.join(', ') })
  return out
}

async function health(http: ProtolinkHttp, signal?: AbortSignal): Promise<RemoteHealth> {
  const checkedAt = Date.now()
  try {
    const response = await http.request('/healthz', {}, signal)
    const body = (await response.text()).slice(0, 200)
    if (response.ok)
      return { state: 'ok', detail: `GET /healthz: ${body || response.status}`, checkedAt }
    return { state: 'down', detail: `GET /healthz: HTTP ${response.status}`, checkedAt }
  } catch (error) {
    if (signal?.aborted) throw error
    return {
      state: 'down',
      detail: error instanceof Error ? error.message : String(error),
      checkedAt,
    }
  }
}

/**
 * The status source of a Protolink agent (`agent.statusSource` of {@link ProtolinkAgent}): the
 * AgentCard (`GET /.well-known/agent.json` → `card` with skills and capabilities, plus facts:
 * transport, protocol version, max concurrency, formats) and `GET /healthz` (2xx → `ok`,
 * otherwise or unreachable → `down`). `GET /status` is HTML in Protolink and is not read.
 * `load` rejects with the card's `AgentError` (the health check never rejects).
 * Poll interval: `options.statusPollMs`, default 15 000 ms.
 */
export function createProtolinkStatusSource(options: ProtolinkAgentOptions): AgentStatusSource {
  const http = createProtolinkHttp(options)
  return {
    pollMs: options.statusPollMs ?? 15_000,
    async load({ signal } = {}): Promise<AgentStatusReport> {
      const [card, healthReport] = await Promise.all([
        fetchProtolinkCard(http, signal),
        health(http, signal),
      ])
      return { card: toKitAgentCard(card), health: healthReport, facts: facts(card) }
    },
  }
}
