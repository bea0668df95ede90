// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AgentStatusReport, AgentStatusSource } from '../../src/core/status'
import { createScriptedAgent } from '../../src/testing'

afterEach(() => {
  cleanup()
  vi.doUnmock('../../src/core/status/createStatusPoller')
  vi.doUnmock('../../src/core/status/foldEventLog')
})

const REPORT: AgentStatusReport = {
  card: { description: 'From the remote system' },
  health: { state: 'ok', checkedAt: 1 },
}

/** The provider, the hook and a store from fresh modules: the status chunks not loaded yet. */
async function fresh() {
  vi.resetModules()
  const react = await import('../../src/react')
  const { createAgentStore } = await import('../../src/core/store')
  const { getEventLog } = await import('../../src/core/status/getEventLog')
  return { ...react, createAgentStore, getEventLog }
}

/** Mounts a probe of `useAgentStatus` whose agent offers `source`; returns the fresh modules. */
async function mount(source: AgentStatusSource) {
  const modules = await fresh()
  const { AgentProvider, useAgentStatus, createAgentStore } = modules
  function Probe() {
    const s = useAgentStatus({ card: { name: 'App name' }, pollMs: 0 })
    const r = s.remote
    return (
      <dl>
        <dd data-testid="name">{s.identity.name}</dd>
        <dd data-testid="description">{s.identity.description ?? '-'}</dd>
        <dd data-testid="remote">
          {r === undefined
            ? 'none'
            : `${r.loading ? 'loading' : 'idle'}/${r.report?.health?.state ?? '-'}/${r.error ? `${r.error.code}: ${r.error.message}` : '-'}`}
        </dd>
      </dl>
    )
  }
  const agent = Object.assign(createScriptedAgent([]), { statusSource: source })
  const store = createAgentStore({ agent, threadId: 't' })
  render(
    <AgentProvider store={store}>
      <Probe />
    </AgentProvider>,
  )
  return { ...modules, store }
}
const text = (id: string) => screen.getByTestId(id).textContent

const T = 1_750_000_000_000
/** A finished run with a step and a tool call, timed by its events. */
const RUN = [
  { type: 'RUN_STARTED', threadId: 't', runId: 'r1', timestamp: T },
  { type: 'STEP_STARTED', stepName: 'plan', timestamp: T + 10 },
  { type: 'TOOL_CALL_START', toolCallId: 'c1', toolCallName: 'search', timestamp: T + 20 },
  { type: 'TOOL_CALL_END', toolCallId: 'c1', timestamp: T + 30 },
  { type: 'STEP_FINISHED', stepName: 'plan', timestamp: T + 70 },
  { type: 'RUN_FINISHED', threadId: 't', runId: 'r1', timestamp: T + 100 },
]

/** Runs RUN on a store from `modules` (its log recording), then mounts a probe of the status. */
async function mountAfterRun(modules: Awaited<ReturnType<typeof fresh>>) {
  const { AgentProvider, useAgentStatus, createAgentStore, getEventLog } = modules
  const store = createAgentStore({ agent: createScriptedAgent(RUN), threadId: 't' })
  getEventLog(store)
  await store.run({ message: 'go' })
  function Probe() {
    const s = useAgentStatus({ source: null })
    return (
      <dl>
        <dd data-testid="run">{`${s.currentRun?.status}/${s.currentRun?.durationMs ?? '-'}`}</dd>
        <dd data-testid="timeline">{s.timeline.map((i) => `${i.kind}:${i.label}`).join(',')}</dd>
        <dd data-testid="events">{s.eventCount}</dd>
        <dd data-testid="errors">{s.errors.map((e) => `${e.source}/${e.code}`).join(',')}</dd>
      </dl>
    )
  }
  render(
    <AgentProvider store={store}>
      <Probe />
    </AgentProvider>,
  )
  return store
}

describe('useAgentStatus loads its event log fold on first use', () => {
  it("shows the snapshot's status until the fold is in, then the log's runs and timeline", async () => {
    const store = await mountAfterRun(await fresh())
    // The snapshot alone: the run and its step, no tool call (only the log has it).
    expect(text('run')).toBe('finished/100')
    expect(text('timeline')).toBe('step:plan')
    expect(text('events')).toBe(String(RUN.length))
    await waitFor(() => expect(text('timeline')).toBe('step:plan,tool:search'))
    expect(text('run')).toBe('finished/100')
    expect(text('errors')).toBe('')
    store.destroy()
  })

  it('once preloaded, shows the fold on the first render', async () => {
    const modules = await fresh()
    await modules.preloadAgentStatus()
    const store = await mountAfterRun(modules)
    expect(text('timeline')).toBe('step:plan,tool:search')
    store.destroy()
  })

  it("a fold that cannot be loaded lists load_failed and keeps the snapshot's status", async () => {
    vi.doMock('../../src/core/status/foldEventLog', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    const store = await mountAfterRun(await fresh())
    await waitFor(() => expect(text('errors')).toBe('status/load_failed'))
    expect(text('run')).toBe('finished/100')
    expect(text('timeline')).toBe('step:plan')
    store.destroy()
  })
})

describe('useAgentStatus loads its status source poller on first use', () => {
  it('shows the status with nothing loaded yet until the chunk is in, then loads the source', async () => {
    const load = vi.fn(() => Promise.resolve(REPORT))
    const { store } = await mount({ load })
    expect(text('name')).toBe('App name') // the rest of the status is there at once
    expect(text('remote')).toBe('idle/-/-') // nothing loaded yet: {}
    expect(load).not.toHaveBeenCalled() // the chunk is not in yet
    await waitFor(() => expect(text('remote')).toBe('idle/ok/-'))
    expect(load).toHaveBeenCalledTimes(1)
    expect(text('description')).toBe('From the remote system')
    store.destroy()
  })

  it('once preloaded, starts loading the source on mount', async () => {
    const modules = await fresh()
    await modules.preloadAgentStatus()
    let loads = 0
    const source: AgentStatusSource = { load: () => (loads++, new Promise(() => {})) }
    const agent = Object.assign(createScriptedAgent([]), { statusSource: source })
    const store = modules.createAgentStore({ agent, threadId: 't' })
    function Probe() {
      return <p data-testid="remote">{String(modules.useAgentStatus().remote?.loading)}</p>
    }
    render(
      <modules.AgentProvider store={store}>
        <Probe />
      </modules.AgentProvider>,
    )
    expect(loads).toBe(1) // in the mount's effect, no chunk to wait for
    expect(text('remote')).toBe('true')
    store.destroy()
  })

  it('a chunk that cannot be loaded shows load_failed in status.remote; the next mount tries again', async () => {
    vi.doMock('../../src/core/status/createStatusPoller', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    const load = vi.fn(() => Promise.resolve(REPORT))
    const { store, preloadAgentStatus, AgentProvider, useAgentStatus } = await mount({ load })
    await waitFor(() =>
      expect(text('remote')).toMatch(
        /^idle\/-\/load_failed: The status source poller could not be loaded: ./,
      ),
    )
    expect(text('name')).toBe('App name')
    expect(load).not.toHaveBeenCalled()
    // preloadAgentStatus never rejects: it logs
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(preloadAgentStatus()).resolves.toBeUndefined()
    expect(logged).toHaveBeenCalledWith('[agent-wire-react]', expect.stringContaining('status'))
    logged.mockRestore()
    // the chunk is back (a network blip): the next mount loads it and polls
    vi.doUnmock('../../src/core/status/createStatusPoller')
    cleanup()
    function Probe() {
      return <p data-testid="remote">{useAgentStatus().remote?.report?.health?.state ?? '-'}</p>
    }
    await act(async () => {
      render(
        <AgentProvider store={store}>
          <Probe />
        </AgentProvider>,
      )
    })
    await waitFor(() => expect(text('remote')).toBe('ok'))
    expect(load).toHaveBeenCalledTimes(1)
    store.destroy()
  })
})
