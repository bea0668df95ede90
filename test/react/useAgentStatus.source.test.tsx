// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { AgentError } from '../../src/core/protocol/AgentError'
import type { AgentStatusReport, AgentStatusSource } from '../../src/core/status'
import { createAgentStore } from '../../src/core/store'
import { AgentProvider, preloadAgentStatus, useAgentStatus } from '../../src/react'
import { createScriptedAgent } from '../../src/testing'
import { modes, renderIn } from './harness'

// The poller's chunk is loaded on first use; here it is in before the tests (the loading path:
// useAgentStatus.lazyPoller.test.tsx).
beforeAll(() => preloadAgentStatus())
beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const REPORT: AgentStatusReport = {
  card: { name: 'Remote name', description: 'From the remote system', version: '0.9' },
  health: { state: 'degraded', detail: 'cooldown', checkedAt: 1 },
  facts: [{ label: 'model', value: 'gpt-4o' }],
}

/** A source whose loads the test settles by hand; counts loads in flight. */
function manualSource(pollMs?: number) {
  const calls: { signal?: AbortSignal; settle: (r: AgentStatusReport | Error) => void }[] = []
  let inFlight = 0
  let maxInFlight = 0
  const source: AgentStatusSource = {
    ...(pollMs !== undefined && { pollMs }),
    load: (options) =>
      new Promise<AgentStatusReport>((resolve, reject) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        const settle = (r: AgentStatusReport | Error) => {
          inFlight--
          if (r instanceof Error) reject(r)
          else resolve(r)
        }
        options?.signal?.addEventListener('abort', () => inFlight--)
        calls.push({ signal: options?.signal, settle })
      }),
  }
  return { source, calls, live: () => calls.filter((c) => !c.signal?.aborted) }
}

function Probe(props: { source?: AgentStatusSource | null; pollMs?: number }) {
  const s = useAgentStatus({
    card: { name: 'App name' },
    ...(props.source !== undefined && { source: props.source }),
    ...(props.pollMs !== undefined && { pollMs: props.pollMs }),
  })
  return (
    <dl>
      <dd data-testid="name">{s.identity.name}</dd>
      <dd data-testid="description">{s.identity.description ?? ''}</dd>
      <dd data-testid="remote">
        {s.remote === undefined
          ? 'none'
          : `${s.remote.loading ? 'loading' : 'idle'}/${s.remote.report?.health?.state ?? '-'}/${s.remote.error?.code ?? '-'}`}
      </dd>
    </dl>
  )
}
const text = (id: string) => screen.getByTestId(id).textContent

/** Renders `<Probe />` under a provider whose agent offers `source` as `statusSource`. */
function mountWithSource(mode: (typeof modes)[number], source: AgentStatusSource) {
  const agent = Object.assign(createScriptedAgent([]), { statusSource: source })
  const store = createAgentStore({ agent, threadId: 't' })
  renderIn(
    mode,
    <AgentProvider store={store}>
      <Probe />
    </AgentProvider>,
  )
  return store
}

const flush = () => act(() => vi.advanceTimersByTimeAsync(0))

describe.each(modes)('useAgentStatus with a status source ($name)', (mode) => {
  it('picks up agent.statusSource: loads on mount, merges the card under the app card, polls', async () => {
    const { source, calls, live } = manualSource(2000)
    const store = mountWithSource(mode, source)
    await flush()
    expect(live()).toHaveLength(1)
    expect(calls.length).toBe(mode.name === 'StrictMode' ? 2 : 1) // the first mount's load aborted
    expect(text('remote')).toBe('loading/-/-')
    act(() => live()[0].settle(REPORT))
    await flush()
    expect(text('remote')).toBe('idle/degraded/-')
    expect(text('name')).toBe('App name') // the app's card wins
    expect(text('description')).toBe('From the remote system')
    await act(() => vi.advanceTimersByTimeAsync(1999))
    expect(live()).toHaveLength(1)
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(live()).toHaveLength(2)
    act(() => live()[1].settle(new AgentError('network', 'The status endpoint is unreachable.')))
    await flush()
    expect(text('remote')).toBe('idle/degraded/network') // last report kept
    expect(text('description')).toBe('From the remote system')
    store.destroy()
  })

  it('takes { source, pollMs } over the agent; aborts on unmount; null turns it off', async () => {
    const own = manualSource(5000)
    const given = manualSource(5000)
    const agent = Object.assign(createScriptedAgent([]), { statusSource: own.source })
    const store = createAgentStore({ agent, threadId: 't' })
    const view = renderIn(
      mode,
      <AgentProvider store={store}>
        <Probe source={given.source} pollMs={0} />
      </AgentProvider>,
    )
    await flush()
    expect(own.calls).toHaveLength(0)
    act(() => given.live()[0].settle(REPORT))
    await flush()
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(given.live()).toHaveLength(1) // pollMs 0: once
    view.rerender(
      <AgentProvider store={store}>
        <Probe source={null} />
      </AgentProvider>,
    )
    expect(text('remote')).toBe('none')
    view.rerender(
      <AgentProvider store={store}>
        <Probe />
      </AgentProvider>,
    )
    await flush()
    expect(own.live()).toHaveLength(1)
    view.unmount()
    expect(own.calls.every((c) => c.signal?.aborted)).toBe(true)
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(own.calls.filter((c) => !c.signal?.aborted)).toHaveLength(0)
    store.destroy()
  })

  it('pauses while the document is hidden', async () => {
    const { source, live } = manualSource(1000)
    let state: DocumentVisibilityState = 'visible'
    const spy = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state)
    const store = mountWithSource(mode, source)
    await flush()
    act(() => live()[0].settle(REPORT))
    await flush()
    state = 'hidden'
    document.dispatchEvent(new Event('visibilitychange'))
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(live()).toHaveLength(1)
    state = 'visible'
    act(() => void document.dispatchEvent(new Event('visibilitychange')))
    expect(live()).toHaveLength(2)
    spy.mockRestore()
    store.destroy()
  })
})
