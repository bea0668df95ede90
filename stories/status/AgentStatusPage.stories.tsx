import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { preloadAgentStatus } from 'agent-wire-react'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { parallelToolsStream } from '../recordedStreams'
import { asRun } from '../support/scripts'
import { failingSource, healthySource } from './remoteSources'
import { failingRun, longTimelineRun, RESEARCH_TOOLS } from './statusScripts'
import { usernameInterruptStream } from './statusRecorded'
import { StatusStory } from './StatusStory'

const CADENCE_MS = 15
const CARD = {
  name: 'Research assistant',
  description: 'Searches, reads and writes summaries',
  version: '2.1.0',
  provider: 'Docs team',
  skills: [{ id: 'summarize', name: 'Summarize', description: 'Short summaries of long pages' }],
  capabilities: { streaming: true, pushNotifications: false },
}

const meta = {
  title: 'Status/Agent status page',
  component: StatusStory,
  args: { createAgent: () => createScriptedAgent([]), card: CARD },
  // The status code loads on first use; an app with a status page preloads it like this (until
  // it is in, the page shows "Loading…", see preloadAgentStatus).
  loaders: [async () => ({ statusLoaded: await preloadAgentStatus() })],
  argTypes: { createAgent: { control: false }, source: { control: false } },
} satisfies Meta<typeof StatusStory>

export default meta
type Story = StoryObj<typeof meta>

const page = (root: HTMLElement) => within(root).getByRole('region', { name: /^Agent status:/ })
const part = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLElement>(`[data-awr="${name}"]`)!
/** Timeline rows as `kind:label:depth:state`. */
const rows = (root: HTMLElement) =>
  [...part(root, 'status-timeline').querySelectorAll<HTMLElement>('li')].map(
    (li) =>
      `${li.dataset.kind}:${li.querySelector('[data-part="label"]')!.textContent!.split(' ').slice(1).join(' ')}:${li.style.getPropertyValue('--awr-depth')}:${li.dataset.state}`,
  )

/** No run yet: the app's card (name, version, provider, skills, capability chips), nothing else. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const root = page(canvasElement)
    await expect(root).toHaveAttribute('aria-label', 'Agent status: Research assistant')
    await expect(root).toHaveAttribute('data-state', 'idle')
    await expect(part(root, 'status-identity')).toHaveTextContent('v2.1.0 · Docs team')
    await expect(
      part(root, 'status-capabilities').querySelector('[data-capability="streaming"]'),
    ).not.toBeNull()
    await expect(
      part(root, 'status-capabilities').querySelector('[data-skill="summarize"]'),
    ).toHaveTextContent('Summarize')
    await expect(part(root, 'status-run')).toHaveTextContent('No run yet')
    await expect(part(root, 'status-usage')).toHaveTextContent('No usage reported')
    await expect(part(root, 'status-decisions')).toHaveTextContent('Nothing waiting for a person')
    await expect(part(root, 'status-connection')).toHaveTextContent('unknown')
  },
}

/** An agent nobody described and that declares nothing: shown as unknown, not guessed. */
export const NoCapabilitiesKnown: Story = {
  args: { card: undefined },
  play: async ({ canvasElement }) => {
    const root = page(canvasElement)
    await expect(root).toHaveAttribute('aria-label', 'Agent status: Unknown agent')
    await expect(within(root).getByRole('heading', { name: 'Unknown agent' })).toBeVisible()
    await expect(part(root, 'status-identity')).toHaveAttribute('data-known', 'false')
    await expect(part(root, 'status-capabilities')).toHaveTextContent('No capabilities known')
  },
}

/**
 * A run still going after many steps and tool calls: five research tools, a `delegate` call
 * whose subagent `researcher` spawns `reader` (nested bars), then `write` streaming; running.
 */
export const RunningLongTimeline: Story = {
  args: {
    prompt: 'Research the AG-UI protocol',
    createAgent: () =>
      createScriptedAgent((input) => longTimelineRun(input, true), { cadenceMs: CADENCE_MS }),
  },
  play: async ({ canvasElement }) => {
    const root = page(canvasElement)
    await waitFor(() => expect(rows(root)).toContain('step:write:0:running'), { timeout: 10_000 })
    await expect(root).toHaveAttribute('data-state', 'running')
    const all = rows(root)
    await expect(all.filter((r) => r.startsWith('tool:')).map((r) => r.split(':')[1])).toEqual([
      ...RESEARCH_TOOLS,
      'delegate',
    ])
    await expect(all).toEqual(
      expect.arrayContaining([
        'step:plan:0:finished',
        'reasoning:reasoning:0:finished',
        'subagent:researcher:1:finished',
        'subagent:reader:2:finished',
        'step:fetch:3:finished',
        'step:read:3:finished',
      ]),
    )
    await expect(
      part(root, 'status-run').querySelector('[data-part="run-steps"]'),
    ).toHaveTextContent(/^6$/)
    await expect(
      part(root, 'status-run').querySelector('[data-part="run-status"]'),
    ).toHaveTextContent('running')
  },
}

/** The same run, finished: every bar finished, usage (5,966 tokens of gpt-4o) this run and thread. */
export const FinishedWithUsage: Story = {
  args: {
    prompt: 'Research the AG-UI protocol',
    createAgent: () =>
      createScriptedAgent((input) => longTimelineRun(input, false), { cadenceMs: 5 }),
  },
  play: async ({ canvasElement }) => {
    const root = page(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'finished'), { timeout: 10_000 })
    await expect(rows(root).every((r) => r.endsWith(':finished'))).toBe(true)
    const usage = part(root, 'status-usage')
    await expect(within(usage).getByRole('row', { name: /Total/ })).toHaveTextContent(
      'Total5,9665,966',
    )
    await expect(usage.querySelector('[data-part="models"]')).toHaveTextContent('gpt-4o')
    await expect(part(root, 'status-runs').querySelectorAll('tbody tr')).toHaveLength(1)
  },
}

/** `RUN_ERROR` after a step and a tool call: the error, the unfinished step, the usage sent. */
export const Failed: Story = {
  args: {
    prompt: 'What is the weather in Lyon?',
    createAgent: () => createScriptedAgent(failingRun, { cadenceMs: CADENCE_MS }),
  },
  play: async ({ canvasElement }) => {
    const root = page(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'), { timeout: 10_000 })
    await expect(part(root, 'status-errors')).toHaveTextContent('The model provider is overloaded.')
    await expect(rows(root)).toEqual([
      'step:plan:0:finished',
      'step:lookup:0:incomplete',
      'tool:search_web:0:finished',
    ])
    await expect(
      within(part(root, 'status-usage')).getByRole('row', { name: /Total/ }),
    ).toHaveTextContent('Total852852')
    await expect(part(root, 'status-runs').querySelector('tbody tr')).toHaveAttribute(
      'data-state',
      'error',
    )
  },
}

/**
 * The recorded Step10 stream: the run ends with an `input_required` interrupt; the page lists
 * it as waiting for a person, and "Open" hands its id to the app (to jump back to the chat).
 */
export const Interrupted: Story = {
  args: {
    prompt: 'Set up my account',
    onOpenDecision: fn(),
    createAgent: () =>
      createScriptedAgent((input) => asRun(usernameInterruptStream, input), {
        cadenceMs: CADENCE_MS,
      }),
  },
  play: async ({ canvasElement, args }) => {
    const root = page(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'interrupted'), {
      timeout: 10_000,
    })
    const decisions = part(root, 'status-decisions')
    await expect(decisions).toHaveTextContent('What username would you like to use?')
    await userEvent.click(
      within(decisions).getByRole('button', { name: 'Open: What username would you like to use?' }),
    )
    await expect(args.onOpenDecision).toHaveBeenCalledWith('call_Id_1', 'interrupt')
    await expect(part(root, 'status-run')).toHaveTextContent('interrupt')
  },
}

/** The recorded Step12 stream: two tool calls in parallel, their results, the reply. */
export const RecordedParallelTools: Story = {
  args: {
    prompt: 'Weather and time in Amsterdam?',
    createAgent: () =>
      createScriptedAgent((input) => asRun(parallelToolsStream, input), {
        cadenceMs: CADENCE_MS,
      }),
  },
  play: async ({ canvasElement }) => {
    const root = page(canvasElement)
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'finished'), { timeout: 10_000 })
    await expect(rows(root).filter((r) => r.startsWith('tool:'))).toEqual([
      'tool:get_weather:0:finished',
      'tool:get_current_time:0:finished',
    ])
    await expect(part(root, 'status-run')).toHaveTextContent('Tool calls2')
  },
}

/**
 * A remote status source (a uAgents-style adapter's `statusSource`): health, facts, the agents
 * it lists, the protocol manifest (models and their fields, interactions); its card fills in
 * what the app's card leaves out.
 */
export const RemoteSourceHealthy: Story = {
  args: { card: { name: 'alice' }, source: healthySource() },
  play: async ({ canvasElement }) => {
    const root = page(canvasElement)
    const remote = await within(root).findByRole('group', { name: 'Remote status' })
    await waitFor(() => expect(remote).toHaveAttribute('data-health', 'ok'))
    await expect(remote.querySelector('[data-part="health"]')).toHaveTextContent(
      'ok — HEAD /submit: x-uagents-status ready',
    )
    await expect(remote.querySelector('[data-fact="mailbox"] dd')).toHaveTextContent('false')
    await expect(root).toHaveAttribute('aria-label', 'Agent status: alice')
    await expect(part(root, 'status-identity')).toHaveTextContent(
      'Answers chat messages over the Agent Chat Protocol',
    )
    const agents = within(root).getByRole('group', { name: 'Agents' })
    await expect(agents.querySelector('[data-id="agent-2"]')).toHaveAttribute(
      'data-status',
      'cooldown',
    )
    const models = within(root).getByRole('list', { name: 'Models: AgentChatProtocol' })
    await expect(models).toHaveTextContent('ChatMessage: timestamp, msg_id, content')
    const interactions = within(root).getByRole('list', { name: 'Interactions: AgentChatProtocol' })
    await expect(interactions).toHaveTextContent('ChatMessage → ChatAcknowledgement')
  },
}

/** The source answers once, then fails: the error is shown and the last report stays. */
export const RemoteSourceFailing: Story = {
  args: { card: { name: 'alice' }, source: failingSource(300) },
  play: async ({ canvasElement }) => {
    const root = page(canvasElement)
    const remote = await within(root).findByRole('group', { name: 'Remote status' })
    await waitFor(
      () =>
        expect(remote.querySelector('[data-part="error"]')).toHaveTextContent(
          'Last load failed: http_error GET /api/agents/list answered 503 Service Unavailable',
        ),
      { timeout: 5000 },
    )
    await expect(remote).toHaveAttribute('data-health', 'ok') // the last report's health, kept
    await expect(within(root).getByRole('group', { name: 'Protocols' })).toBeVisible()
  },
}
