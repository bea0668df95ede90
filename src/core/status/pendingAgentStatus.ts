import type { AgentError } from '../protocol/AgentError'
import type { AgentStatus } from './AgentStatus'
import { emptyMessageCounts, emptyUsage } from './emptyCounts'

/**
 * The status `useAgentStatus` returns before anything is derived: nothing known, nothing
 * counted, connection `unknown`. Without `error` it is `loading` (the status code is on its
 * way, see `preloadAgentStatus`); with `error` (the code could not be loaded) it lists that
 * error, `{ source: 'status', code, message }`, and is not loading. A new object per call.
 * @internal
 */
export function pendingAgentStatus(error?: AgentError): AgentStatus {
  const usage = emptyUsage()
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
    messages: emptyMessageCounts(),
    errors: error ? [{ source: 'status', code: error.code, message: error.message }] : [],
    eventCount: 0,
    diagnosticCount: 0,
    inconsistencies: [],
    ...(!error && { loading: true }),
  }
}
