import { AgentError, type AgentStatusReport, type AgentStatusSource } from 'agent-wire-react/core'

/** What a uAgents-style adapter reports: manifest protocols, listed agents, facts. */
export const UAGENTS_REPORT: AgentStatusReport = {
  card: {
    name: 'alice (uAgents)',
    description: 'Answers chat messages over the Agent Chat Protocol',
    version: '0.22.5',
    capabilities: { streaming: false, chat: true },
  },
  health: { state: 'ok', detail: 'HEAD /submit: x-uagents-status ready', checkedAt: Date.now() },
  facts: [
    {
      label: 'address',
      value: 'agent1qtu6wt5jphhmdjau0hdhc002ashzjnueqe89gvvuln8mawm3m0xrwmn9a76',
    },
    { label: 'endpoint', value: 'http://127.0.0.1:8000/submit' },
    { label: 'mailbox', value: false },
  ],
  agents: [
    {
      id: 'agent-1',
      name: 'Researcher',
      status: 'active',
      facts: [{ label: 'model', value: 'gpt-4o' }],
    },
    { id: 'agent-2', name: 'Writer', status: 'cooldown', description: 'Rate limited until 12:03' },
  ],
  protocols: [
    {
      name: 'AgentChatProtocol',
      version: '0.3.0',
      digest: 'proto:30a801ed3a83f9a0ff0a9f1e6fe958cb91da1fc2218b153df7b6cbf87bd33d62',
      models: [
        { name: 'ChatMessage', digest: 'model:1', fields: ['timestamp', 'msg_id', 'content'] },
        {
          name: 'ChatAcknowledgement',
          digest: 'model:2',
          fields: ['timestamp', 'acknowledged_msg_id', 'metadata'],
        },
      ],
      interactions: [
        { request: 'ChatMessage', responses: ['ChatAcknowledgement'] },
        { request: 'ChatAcknowledgement', responses: [] },
      ],
    },
  ],
}

/** A source that always answers {@link UAGENTS_REPORT}. */
export const healthySource = (): AgentStatusSource => ({
  pollMs: 0,
  load: async () => ({
    ...UAGENTS_REPORT,
    health: { ...UAGENTS_REPORT.health!, checkedAt: Date.now() },
  }),
})

/** A source that answers once, then fails every later load with `http_error` (503). */
export function failingSource(pollMs: number): AgentStatusSource {
  let served = 0
  return {
    pollMs,
    load: async ({ signal } = {}) => {
      await Promise.resolve()
      if (signal?.aborted) throw new AgentError('aborted', 'The load was aborted.')
      if (served++ === 0) return UAGENTS_REPORT
      throw new AgentError('http_error', 'GET /api/agents/list answered 503 Service Unavailable', {
        status: 503,
      })
    },
  }
}
