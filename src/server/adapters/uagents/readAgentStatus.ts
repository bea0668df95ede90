import type {
  UAgentsAgentInfo,
  UAgentsBridgeStatus,
} from '../../../core/adapters/uagents/uagentsChatTypes'

/** What {@link readAgentStatus} asks the agent with. */
export interface ReadAgentStatusParams {
  /** The agent's `/submit` URL. */
  submitUrl: string
  agentAddress: string
  fetch: typeof fetch
  /** Per-request limit, ms. */
  timeoutMs: number
}

const READINESS = new Set(['ready', 'not-ready', 'indeterminate'])

/**
 * Reads the agent's `GET /agent_info` and its readiness (`HEAD /submit` with
 * `x-uagents-address: <agent address>` → `x-uagents-status`, `x-uagents-response-time-hint`).
 * Never throws: an unreachable agent reads as `readiness: 'unreachable'` and `agentInfoError`.
 */
export async function readAgentStatus(
  params: ReadAgentStatusParams,
): Promise<
  Pick<UAgentsBridgeStatus, 'agentInfo' | 'agentInfoError' | 'readiness' | 'responseTimeHintS'>
> {
  const signal = () => AbortSignal.timeout(params.timeoutMs)
  const infoUrl = new URL('agent_info', new URL('.', params.submitUrl)).href
  const [head, info] = await Promise.allSettled([
    params.fetch(params.submitUrl, {
      method: 'HEAD',
      headers: { 'x-uagents-address': params.agentAddress },
      signal: signal(),
    }),
    params.fetch(infoUrl, { headers: { accept: 'application/json' }, signal: signal() }),
  ])
  let readiness: UAgentsBridgeStatus['readiness'] = 'unreachable'
  let responseTimeHintS: number | undefined
  if (head.status === 'fulfilled') {
    const value = head.value.headers.get('x-uagents-status') ?? ''
    readiness = READINESS.has(value) ? (value as UAgentsBridgeStatus['readiness']) : 'indeterminate'
    const hint = Number(head.value.headers.get('x-uagents-response-time-hint') ?? NaN)
    if (Number.isFinite(hint)) responseTimeHintS = hint
  }
  let agentInfo: UAgentsAgentInfo | undefined
  let agentInfoError: string | undefined
  if (info.status === 'rejected') agentInfoError = `unreachable: ${String(info.reason)}`
  else if (!info.value.ok) agentInfoError = `HTTP ${info.value.status}`
  else {
    try {
      const body = (await info.value.json()) as UAgentsAgentInfo
      if (typeof body?.address === 'string') agentInfo = body
      else agentInfoError = 'not an agent_info object'
    } catch {
      agentInfoError = 'not JSON'
    }
  }
  return {
    readiness,
    ...(responseTimeHintS !== undefined && { responseTimeHintS }),
    ...(agentInfo && { agentInfo }),
    ...(agentInfoError && { agentInfoError }),
  }
}
