// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { AgentStatusBoard, AgentStatusPage } from '../../src/components'
import { AgentError } from '../../src/core/protocol/AgentError'
import {
  deriveAgentStatus,
  reduceEventLog,
  type AgentStatusReport,
  type AgentStatusSource,
} from '../../src/core/status'
import { createAgentStore } from '../../src/core/store'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, modes, renderWithAgent } from './chatTestUtils'

afterEach(cleanup)

const T = 1_750_000_000_000

const REPORT: AgentStatusReport = {
  card: {
    name: 'uAgent alice',
    description: 'Answers weather questions',
    capabilities: { streaming: true },
  },
  health: { state: 'ok', detail: 'HEAD /submit: x-uagents-status ready', checkedAt: T },
  facts: [
    { label: 'address', value: 'agent1qalice' },
    { label: 'active connections', value: 1200 },
  ],
  agents: [
    {
      id: 'a-1',
      name: 'Researcher',
      status: 'active',
      description: 'Finds sources',
      facts: [{ label: 'model', value: 'gpt-4o' }],
    },
    { id: 'a-2', name: 'Writer', status: 'cooldown' },
  ],
  protocols: [
    {
      name: 'AgentChatProtocol',
      version: '0.3.0',
      digest: 'proto:30a8',
      models: [
        { name: 'ChatMessage', digest: 'model:1', fields: ['timestamp', 'msg_id', 'content'] },
        {
          name: 'ChatAcknowledgement',
          digest: 'model:2',
          fields: ['timestamp', 'acknowledged_msg_id'],
        },
      ],
      interactions: [
        { request: 'ChatMessage', responses: ['ChatAcknowledgement'] },
        { request: 'ChatAcknowledgement', responses: [] },
      ],
    },
  ],
}

/** Resolves REPORT on the first load that is not aborted, then fails every later one (`http_error`). */
function flakySource(pollMs: number): AgentStatusSource & { served: number } {
  const source = {
    served: 0,
    pollMs,
    load: async ({ signal }: { signal?: AbortSignal } = {}) => {
      await Promise.resolve()
      if (signal?.aborted) throw new AgentError('aborted', 'aborted')
      if (source.served++ === 0) return REPORT
      throw new AgentError('http_error', 'GET /api/agents/list answered 503 Service Unavailable')
    },
  }
  return source
}

describe.each(modes)('AgentStatusPage with a status source ($name)', (mode) => {
  it('shows remote health, facts, listed agents and protocols; a failed load keeps them', async () => {
    const source = flakySource(5)
    const agent = Object.assign(createScriptedAgent([]), { statusSource: source })
    const store = createAgentStore({ agent, threadId: 'thread-1' })
    const { container } = renderWithAgent(<AgentStatusPage card={{ version: '2.0' }} />, {
      strict: mode.strict,
      store,
    })
    const page = screen.getByRole('region', { name: /^Agent status/ })
    const remote = await within(page).findByRole('group', { name: 'Remote status' })
    await waitFor(() => expect(remote.dataset.health).toBe('ok'))
    expect(page.getAttribute('aria-label')).toBe('Agent status: uAgent alice') // card from the report
    expect(within(page).getByText('v2.0')).toBeTruthy() // the app's card field
    expect(within(page).getByText('Answers weather questions')).toBeTruthy()
    expect(page.querySelector('[data-capability="streaming"]')).toBeTruthy()
    expect(remote.querySelector('[data-part="health"]')?.textContent).toBe(
      'ok — HEAD /submit: x-uagents-status ready',
    )
    expect(remote.querySelector('[data-fact="active connections"] dd')?.textContent).toBe('1,200')

    const agents = within(page).getByRole('group', { name: 'Agents' })
    expect(
      within(agents)
        .getAllByRole('listitem')
        .filter((li) => li.dataset.id)
        .map((li) => `${li.dataset.id}:${li.dataset.status}`),
    ).toEqual(['a-1:active', 'a-2:cooldown'])
    expect(agents.querySelector('[data-fact="model"] dd')?.textContent).toBe('gpt-4o')

    const protocols = within(page).getByRole('group', { name: 'Protocols' })
    expect(protocols.textContent).toContain('AgentChatProtocol v0.3.0 proto:30a8')
    const models = within(protocols).getByRole('list', { name: 'Models: AgentChatProtocol' })
    expect(
      within(models)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'ChatMessage: timestamp, msg_id, content',
      'ChatAcknowledgement: timestamp, acknowledged_msg_id',
    ])
    const interactions = within(protocols).getByRole('list', {
      name: 'Interactions: AgentChatProtocol',
    })
    expect(
      within(interactions)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['ChatMessage → ChatAcknowledgement', 'ChatAcknowledgement → –'])

    // The next load fails: the error is shown, the last report stays.
    await waitFor(() =>
      expect(remote.querySelector('[data-part="error"]')?.textContent).toBe(
        'Last load failed: http_error GET /api/agents/list answered 503 Service Unavailable',
      ),
    )
    expect(remote.dataset.health).toBe('ok')
    expect(within(page).getByRole('group', { name: 'Agents' })).toBeTruthy()
    expect(await axeViolations(container)).toEqual([])
    store.destroy()
  })
})

describe('AgentStatusPage remote parts, plain', () => {
  it('a source that never loaded shows its error and no report; no source shows no remote part', async () => {
    const status = deriveAgentStatus(reduceEventLog([]), {
      now: T,
      remote: { error: { code: 'network', message: 'The status endpoint is unreachable.' } },
    })
    const { container } = render(<AgentStatusPage status={status} now={T} />)
    const remote = screen.getByRole('group', { name: 'Remote status' })
    expect(remote.dataset.health).toBe('unknown')
    expect(remote.textContent).toContain('network The status endpoint is unreachable.')
    expect(remote.querySelector('[data-part="health"]')).toBeNull()
    expect(screen.queryByRole('group', { name: 'Agents' })).toBeNull()
    expect(await axeViolations(container)).toEqual([])
    cleanup()
    render(<AgentStatusPage status={deriveAgentStatus(reduceEventLog([]), { now: T })} now={T} />)
    expect(screen.queryByRole('group', { name: 'Remote status' })).toBeNull()
  })

  it('the board passes a source per agent', async () => {
    const source: AgentStatusSource = { pollMs: 0, load: async () => REPORT }
    render(
      <AgentStatusBoard
        agents={[
          { agent: createScriptedAgent([]), card: { name: 'One' }, source },
          {
            agent: Object.assign(createScriptedAgent([]), { statusSource: source }),
            source: null,
            card: { name: 'Two' },
          },
        ]}
      />,
    )
    const one = screen.getByRole('region', { name: 'Agent status: One' })
    await waitFor(() =>
      expect(within(one).getByRole('group', { name: 'Remote status' }).dataset.health).toBe('ok'),
    )
    const two = screen.getByRole('region', { name: 'Agent status: Two' })
    expect(within(two).queryByRole('group', { name: 'Remote status' })).toBeNull()
  })
})
