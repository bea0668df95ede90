// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AgentStatusReport, AgentStatusSource } from '../../src/core/status'
import { createScriptedAgent } from '../../src/testing'
import { gateChunk } from '../setup/gateChunk'

/** The module of the status chunk (with the event log fold and the composition). */
const DERIVE = resolve('src/core/status/deriveStoreStatus.ts')

afterEach(() => {
  cleanup()
  vi.doUnmock('../../src/core/status/createStatusPoller')
  vi.doUnmock(DERIVE)
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
        <dd data-testid="loading">{String(s.loading === true)}</dd>
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
        <dd data-testid="loading">{String(s.loading === true)}</dd>
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

describe('useAgentStatus loads its status derivation on first use', () => {
  it('is loading (nothing derived, nothing shown as the status) until the chunk is in, then the whole status', async () => {
    const store = await mountAfterRun(await fresh())
    expect(text('loading')).toBe('true')
    expect(text('run')).toBe('undefined/-')
    expect(text('timeline')).toBe('')
    expect(text('events')).toBe('0')
    await waitFor(() => expect(text('loading')).toBe('false'))
    expect(text('run')).toBe('finished/100')
    expect(text('timeline')).toBe('step:plan,tool:search')
    expect(text('events')).toBe(String(RUN.length))
    expect(text('errors')).toBe('')
    store.destroy()
  })

  it('once preloaded, shows the whole status on the first render', async () => {
    const modules = await fresh()
    await modules.preloadAgentStatus()
    const store = await mountAfterRun(modules)
    expect(text('loading')).toBe('false')
    expect(text('timeline')).toBe('step:plan,tool:search')
    store.destroy()
  })

  it('events of a run while the chunk loads are recorded, none lost, and derived once it is in', async () => {
    const { chunk, release } = gateChunk(DERIVE)
    const { AgentProvider, useAgentStatus, createAgentStore } = await fresh()
    const store = createAgentStore({ agent: createScriptedAgent(RUN), threadId: 't' })
    function Probe() {
      const s = useAgentStatus({ source: null })
      return (
        <p data-testid="status">
          {s.loading ? 'loading' : `${s.currentRun?.status}:${s.eventCount}:${s.timeline.length}`}
        </p>
      )
    }
    render(
      <AgentProvider store={store}>
        <Probe />
      </AgentProvider>,
    )
    await act(() => store.run({ message: 'go' }))
    expect(chunk.imports).toBe(1)
    expect(text('status')).toBe('loading')
    release()
    await waitFor(() => expect(text('status')).toBe(`finished:${RUN.length}:2`))
    store.destroy()
  })

  it('a chunk that cannot be loaded: an empty status listing load_failed; the next mount loads it', async () => {
    const { chunk, release } = gateChunk(DERIVE)
    chunk.fail = true
    const modules = await fresh()
    release()
    const store = await mountAfterRun(modules)
    await waitFor(() => expect(text('errors')).toBe('status/load_failed'))
    expect(text('loading')).toBe('false')
    expect(text('run')).toBe('undefined/-')
    // the chunk is back (a network blip): the next mount derives the whole status
    chunk.fail = false
    cleanup()
    function Probe() {
      const s = modules.useAgentStatus({ source: null })
      return <p data-testid="timeline">{s.timeline.map((i) => i.label).join(',')}</p>
    }
    render(
      <modules.AgentProvider store={store}>
        <Probe />
      </modules.AgentProvider>,
    )
    await waitFor(() => expect(text('timeline')).toBe('plan,search'))
    expect(chunk.imports).toBe(2)
    store.destroy()
  })

  it('<AgentStatusPage> shows "Loading…" (aria-busy), no part, until the chunk is in', async () => {
    vi.resetModules()
    const { AgentStatusPage, AgentProvider } = await import('../../src/index')
    const { createAgentStore } = await import('../../src/core/store')
    const store = createAgentStore({ agent: createScriptedAgent([]), threadId: 't' })
    const { container } = render(
      <AgentProvider store={store}>
        <AgentStatusPage card={{ name: 'Support bot' }} source={null} />
      </AgentProvider>,
    )
    const page = container.querySelector('[data-awr="agent-status"]')!
    expect(page.getAttribute('aria-busy')).toBe('true')
    expect(page.getAttribute('data-state')).toBe('loading')
    expect(page.getAttribute('aria-label')).toBe('Agent status: Loading…')
    expect(page.textContent).toBe('Loading…')
    await waitFor(() => expect(page.getAttribute('aria-label')).toBe('Agent status: Support bot'))
    expect(page.hasAttribute('aria-busy')).toBe(false)
    expect(page.getAttribute('data-state')).toBe('idle')
    expect(page.querySelector('[data-awr="status-connection"]')).not.toBeNull()
    store.destroy()
  })
})

describe('useAgentStatus loads its status source poller on first use', () => {
  it('shows nothing loaded yet until the chunk is in, then loads the source', async () => {
    const load = vi.fn(() => Promise.resolve(REPORT))
    const { store } = await mount({ load })
    expect(text('remote')).toBe('idle/-/-') // nothing loaded yet: {}
    expect(load).not.toHaveBeenCalled() // the chunk is not in yet
    await waitFor(() => expect(text('remote')).toBe('idle/ok/-'))
    await waitFor(() => expect(text('loading')).toBe('false'))
    expect(text('name')).toBe('App name')
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
    await waitFor(() => expect(text('name')).toBe('App name'))
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
