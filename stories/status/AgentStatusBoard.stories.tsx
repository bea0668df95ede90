import type { Meta, StoryObj } from '@storybook/react-vite'
import { useContext, useEffect, useState } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import { AgentStatusBoard, preloadAgentStatus, type AgentStatusBoardEntry } from 'agent-wire-react'
import { createAgentStore, getEventLog } from 'agent-wire-react/core'
import { createScriptedAgent, type Script } from 'agent-wire-react/testing'
import { greetingStream } from '../recordedStreams'
import { StoryThemeContext } from '../support/StoryFrame'
import { asRun } from '../support/scripts'
import { failingSource, healthySource } from './remoteSources'
import { failingRun, longTimelineRun } from './statusScripts'
import { usernameInterruptStream } from './statusRecorded'
import { Scroller } from './StatusStory'

interface Spec {
  name: string
  /** What its first run replays; none: it stays idle. */
  script?: Script
  source?: AgentStatusBoardEntry['source']
}

const AGENTS: Spec[] = [
  { name: 'Greeter', script: (input) => asRun(greetingStream, input) },
  { name: 'Researcher', script: (input) => longTimelineRun(input, true) },
  { name: 'Weather', script: failingRun },
  { name: 'Onboarding', script: (input) => asRun(usernameInterruptStream, input) },
  { name: 'Scheduler' },
  { name: 'alice (uAgents)', source: healthySource() },
  { name: 'bob (AgentConnect)', source: failingSource(400) },
]

/**
 * One store per agent (recording its event log from the start), each running its script once;
 * the board shows them all, compact.
 */
function Board({ variant }: { variant: 'compact' | 'full' }) {
  const theme = useContext(StoryThemeContext)
  const [entries] = useState(() =>
    AGENTS.map((spec) => {
      const store = createAgentStore({
        agent: createScriptedAgent(spec.script ?? [], { cadenceMs: 15 }),
        threadId: `board-${spec.name}`,
      })
      getEventLog(store)
      return { spec, entry: { store, card: { name: spec.name }, source: spec.source } }
    }),
  )
  useEffect(() => {
    for (const { spec, entry } of entries) {
      if (spec.script && entry.store.getSnapshot().run.status === 'idle')
        void entry.store.run({ message: `Hello ${spec.name}` })
    }
  }, [entries])
  return (
    <Scroller label="Story">
      <AgentStatusBoard
        agents={entries.map((e) => e.entry)}
        variant={variant}
        {...(theme !== 'system' && { theme })}
      />
    </Scroller>
  )
}

const meta = {
  title: 'Status/Agent status board',
  component: Board,
  args: { variant: 'compact' },
  // The status code loads on first use; an app with a status page preloads it like this (until
  // it is in, the page shows "Loading…", see preloadAgentStatus).
  loaders: [async () => ({ statusLoaded: await preloadAgentStatus() })],
} satisfies Meta<typeof Board>

export default meta
type Story = StoryObj<typeof meta>

const stateOf = (root: HTMLElement, name: string) =>
  within(root).getByRole('region', { name: `Agent status: ${name}` }).dataset.state

/** Seven agents at once: finished, running, failed, interrupted, idle, and two remote sources. */
export const ManyAgents: Story = {
  play: async ({ canvasElement }) => {
    const board = within(canvasElement).getByRole('group', { name: 'Agents' })
    await waitFor(
      () =>
        expect(AGENTS.map((a) => `${a.name}:${stateOf(board, a.name)}`)).toEqual([
          'Greeter:finished',
          'Researcher:running',
          'Weather:error',
          'Onboarding:interrupted',
          'Scheduler:idle',
          'alice (uAgents):idle',
          'bob (AgentConnect):idle',
        ]),
      { timeout: 10_000 },
    )
    const onboarding = within(board).getByRole('region', { name: 'Agent status: Onboarding' })
    await expect(onboarding).toHaveTextContent('What username would you like to use?')
    const alice = within(board).getByRole('region', { name: 'Agent status: alice (uAgents)' })
    await waitFor(() =>
      expect(alice.querySelector('[data-awr="status-remote"]')).toHaveAttribute(
        'data-health',
        'ok',
      ),
    )
    const bob = within(board).getByRole('region', { name: 'Agent status: bob (AgentConnect)' })
    await waitFor(
      () =>
        expect(
          bob.querySelector('[data-awr="status-remote"] [data-part="error"]'),
        ).toHaveTextContent('http_error'),
      { timeout: 5000 },
    )
    // compact pages leave the timeline and the runs table out
    await expect(board.querySelector('[data-awr="status-timeline"]')).toBeNull()
  },
}
