import type { AgentError } from '../protocol/AgentError'
import type { AgentStatus, UsageTotals } from './AgentStatus'

/**
 * The status `useAgentStatus` returns before anything is derived: nothing known, nothing
 * counted, connection `unknown`. Without `error` it is `loading` (the status code is on its
 * way, see `preloadAgentStatus`); with `error` (the code could not be loaded) it lists that
 * error, `{ source: 'status', code, message }`, and is not loading. A new object per call.
 * @internal
 */
export function pendingAgentStatus(error?: AgentError): AgentStatus {
  // Written out, not `emptyUsage()` or `countMessages`'s zeros: a module shared with the status
  // chunk would leave the chunk or become a chunk of its own in the first load.
  const usage: UsageTotals = {
    inputTokens: 0,
    outputTokens: 0,
    totalTokens: 0,
    reasoningTokens: 0,
    cachedInputTokens: 0,
    cacheWriteInputTokens: 0,
    entries: 0,
    models: [],
    inconsistent: [],
  }
  return {
    identity: { skills: [] },
    identityKnown: false,
    capabilities: [],
    connection: { state: 'unknown', health: 'unknown' },
    recentRuns: [],
    runCount: 0,
    timeline: [],
    runUsage: usage,
    threadUsage: usage,
    pendingDecisions: [],
    messages: {
      total: 0,
      user: 0,
      assistant: 0,
      tool: 0,
      system: 0,
      developer: 0,
      reasoning: 0,
      activity: 0,
    },
    errors: error ? [{ source: 'status', code: error.code, message: error.message }] : [],
    eventCount: 0,
    diagnosticCount: 0,
    inconsistencies: [],
    ...(!error && { loading: true }),
  }
}
