// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { AgentStatusBoard, AgentStatusPage } from '../../src/components'
import {
  deriveAgentStatus,
  getEventLog,
  reduceEventLog,
  toEventLogEntries,
} from '../../src/core/status'
import { createAgentStore } from '../../src/core/store'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, modes, renderWithAgent } from './chatTestUtils'

afterEach(cleanup)

const T = 1_750_000_000_000

function planRun(threadId: string, runId: string) {
  return [
    { type: 'RUN_STARTED', threadId, runId, timestamp: T },
    { type: 'STEP_STARTED', stepName: 'plan', timestamp: T + 10 },
    { type: 'TOOL_CALL_START', toolCallId: 'c1', toolCallName: 'search', timestamp: T + 20 },
    { type: 'TOOL_CALL_ARGS', toolCallId: 'c1', delta: '{}', timestamp: T + 30 },
    { type: 'TOOL_CALL_END', toolCallId: 'c1', timestamp: T + 220 },
    { type: 'STEP_FINISHED', stepName: 'plan', timestamp: T + 300 },
    {
      type: 'RUN_FINISHED',
      threadId,
      runId,
      timestamp: T + 1500,
      usage: [{ model: 'm-1', inputTokens: 1200, outputTokens: 34, totalTokens: 1234 }],
      outcome: {
        type: 'interrupt',
        interrupts: [{ id: 'int-1', reason: 'input_required', message: 'Which city?' }],
      },
    },
  ]
}

describe.each(modes)('AgentStatusPage ($name)', (mode) => {
  it('shows identity, an explicit unknown state, then a run with timeline, usage and a decision', async () => {
    const agent = createScriptedAgent((input) => planRun(input.threadId, input.runId))
    const store = createAgentStore({ agent, threadId: 'thread-1' })
    getEventLog(store)
    const onOpenDecision = vi.fn()
    const { container } = renderWithAgent(<AgentStatusPage onOpenDecision={onOpenDecision} />, {
      strict: mode.strict,
      store,
    })
    const page = screen.getByRole('region', { name: /^Agent status/ })
    expect(page.dataset.state).toBe('idle')
    expect(within(page).getByRole('heading', { name: 'Unknown agent' })).toBeTruthy()
    expect(within(page).getByText('No capabilities known')).toBeTruthy()
    expect(
      within(page).getByText('No run yet', { selector: '[data-awr="status-run"] p' }),
    ).toBeTruthy()
    expect(within(page).getByText('No usage reported')).toBeTruthy()
    expect(await axeViolations(container)).toEqual([])

    await store.run({ message: 'go' })
    await waitFor(() => expect(page.dataset.state).toBe('interrupted'))
    const timeline = within(page).getByRole('group', { name: 'Run timeline' })
    const rows = within(timeline).getAllByRole('listitem')
    expect(rows.map((r) => [r.dataset.kind, r.dataset.state])).toEqual([
      ['step', 'finished'],
      ['tool', 'finished'],
    ])
    expect(rows[0].textContent).toContain('290 ms')
    expect(rows[1].textContent).toContain('200 ms')
    // the step bar starts 10 ms into a 1,500 ms run and spans 290 ms
    const bar = rows[0].querySelector<HTMLElement>('[data-part="bar"]')!
    expect(bar.style.getPropertyValue('--awr-bar-start')).toBe('0.67%')
    expect(bar.style.getPropertyValue('--awr-bar-size')).toBe('19.33%')

    const usage = within(page).getByRole('group', { name: 'Token usage' })
    expect(within(usage).getByRole('row', { name: /Total/ }).textContent).toBe('Total1,2341,234')
    expect(page.querySelector('[data-part="run-duration"]')?.textContent).toBe('1.5 s')

    const decisions = within(page).getByRole('group', { name: 'Waiting for a decision' })
    await userEvent.click(within(decisions).getByRole('button', { name: 'Open: Which city?' }))
    expect(onOpenDecision).toHaveBeenCalledWith('int-1', 'interrupt')
    expect(await axeViolations(container)).toEqual([])
    store.destroy()
  })
})

describe('AgentStatusPage, plain and board', () => {
  it('renders a given status: card, chips, skills, inconsistencies, errors', async () => {
    const events = [
      { type: 'RUN_STARTED', threadId: 't', runId: 'r1', timestamp: 12 },
      {
        type: 'RUN_ERROR',
        message: 'model overloaded',
        code: 'overloaded',
        usage: [{ inputTokens: -1 }],
      },
    ]
    const status = deriveAgentStatus(reduceEventLog(events), {
      events: toEventLogEntries(events),
      now: T,
      card: {
        name: 'Researcher',
        description: 'Finds things',
        version: '2.0.1',
        skills: [{ id: 's', name: 'web search' }],
        capabilities: { streaming: true },
      },
      connection: {
        status: 'closed',
        error: { name: 'AgentError', code: 'network', message: 'offline' } as never,
      },
    })
    const { container } = render(<AgentStatusPage status={status} now={T} theme="dark" />)
    const page = screen.getByRole('region', { name: /^Agent status/ })
    expect(page.dataset.theme).toBe('dark')
    expect(page.dataset.health).toBe('down')
    expect(within(page).getByRole('heading', { name: 'Researcher' })).toBeTruthy()
    expect(within(page).getByText('v2.0.1')).toBeTruthy()
    expect(within(page).getByText('streaming')).toBeTruthy()
    expect(within(page).getByText('web search')).toBeTruthy()
    const notes = within(page).getByRole('note')
    expect(notes.textContent).toMatch(/before 2000/)
    expect(notes.textContent).toMatch(/inputTokens = -1/)
    expect(within(page).getByRole('group', { name: 'Recent errors' }).textContent).toContain(
      'model overloaded',
    )
    expect(within(page).getByText(/offline/)).toBeTruthy()
    expect(await axeViolations(container)).toEqual([])
  })

  it('a board shows several agents, each with its own provider', async () => {
    const a = createScriptedAgent((input) => planRun(input.threadId, input.runId))
    const storeA = createAgentStore({ agent: a })
    getEventLog(storeA)
    const { container } = render(
      <AgentStatusBoard
        agents={[
          { store: storeA, card: { name: 'Alpha' } },
          { agent: createScriptedAgent([]), card: { name: 'Beta' } },
          { agent: createScriptedAgent([]) },
        ]}
      />,
    )
    const board = screen.getByRole('group', { name: 'Agents' })
    const pages = within(board).getAllByRole('region', { name: /status/ })
    expect(pages.map((p) => within(p).getAllByRole('heading')[0].textContent)).toEqual([
      'Alpha',
      'Beta',
      'Unknown agent',
    ])
    expect(pages.every((p) => p.dataset.variant === 'compact')).toBe(true)
    await storeA.run()
    await waitFor(() => expect(pages[0].dataset.state).toBe('interrupted'))
    expect(pages[1].dataset.state).toBe('idle')
    expect(await axeViolations(container)).toEqual([])
    storeA.destroy()
  })
})
