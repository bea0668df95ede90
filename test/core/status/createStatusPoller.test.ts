import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AgentError } from '../../../src/core/protocol/AgentError'
import {
  createStatusPoller,
  type AgentStatusReport,
  type AgentStatusSource,
  type PageVisibility,
  type RemoteStatus,
} from '../../../src/core/status'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const report = (n: number): AgentStatusReport => ({
  card: { name: `agent-${n}` },
  health: { state: 'ok', checkedAt: n },
})

/** A source whose loads the test settles by hand, one deferred per call. */
function manualSource(pollMs?: number) {
  const calls: {
    signal?: AbortSignal
    resolve: (r: unknown) => void
    reject: (e: unknown) => void
  }[] = []
  const source: AgentStatusSource = {
    ...(pollMs !== undefined && { pollMs }),
    load: vi.fn(
      (options?: { signal?: AbortSignal }) =>
        new Promise<AgentStatusReport>((resolve, reject) =>
          calls.push({ signal: options?.signal, resolve: resolve as never, reject }),
        ),
    ),
  }
  return { source, calls }
}

function fakeVisibility(hidden = false) {
  const listeners = new Set<() => void>()
  const visibility: PageVisibility = {
    isHidden: () => hidden,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  }
  return {
    visibility,
    listeners,
    set(value: boolean) {
      hidden = value
      for (const l of listeners) l()
    },
  }
}

function start(source: AgentStatusSource, options: { pollMs?: number; hidden?: boolean } = {}) {
  const states: RemoteStatus[] = []
  const vis = fakeVisibility(options.hidden)
  const poller = createStatusPoller(source, {
    ...(options.pollMs !== undefined && { pollMs: options.pollMs }),
    now: () => Date.now(),
    visibility: vis.visibility,
    onChange: (s) => states.push(s),
  })
  poller.start()
  return { poller, states, vis }
}

describe('createStatusPoller', () => {
  it('loads at once, then pollMs after each load settles; loads never overlap', async () => {
    const { source, calls } = manualSource(1000)
    const { poller, states } = start(source)
    expect(calls).toHaveLength(1)
    expect(poller.getState()).toEqual({ loading: true })
    await vi.advanceTimersByTimeAsync(5000) // still in flight: no second load
    expect(calls).toHaveLength(1)
    calls[0].resolve(report(1))
    await vi.advanceTimersByTimeAsync(0)
    expect(poller.getState()).toEqual({ report: report(1), loadedAt: Date.now() })
    await vi.advanceTimersByTimeAsync(999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(2)
    expect(states.map((s) => s.loading === true)).toEqual([true, false, true])
    poller.stop()
  })

  it('defaults to 10 000 ms without pollMs anywhere, and 0 loads once', async () => {
    const a = manualSource()
    const pa = start(a.source)
    a.calls[0].resolve(report(1))
    await vi.advanceTimersByTimeAsync(9_999)
    expect(a.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(a.calls).toHaveLength(2)
    pa.poller.stop()

    const b = manualSource(1000)
    const pb = start(b.source, { pollMs: 0 }) // the caller's pollMs wins over the source's
    b.calls[0].resolve(report(1))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(b.calls).toHaveLength(1)
    expect(pb.poller.getState().report).toEqual(report(1))
    pb.poller.stop()
  })

  it('a failed load keeps the last report and shows the AgentError code; a success clears it', async () => {
    const { source, calls } = manualSource(100)
    const { poller } = start(source)
    calls[0].resolve(report(1))
    await vi.advanceTimersByTimeAsync(100)
    const loadedAt = poller.getState().loadedAt
    calls[1].reject(new AgentError('http_error', 'GET /api/agents/list answered 503'))
    await vi.advanceTimersByTimeAsync(0)
    expect(poller.getState()).toEqual({
      report: report(1),
      loadedAt,
      error: { code: 'http_error', message: 'GET /api/agents/list answered 503' },
    })
    await vi.advanceTimersByTimeAsync(100)
    calls[2].reject(new TypeError('Failed to fetch'))
    await vi.advanceTimersByTimeAsync(0)
    expect(poller.getState().error).toEqual({ code: 'unknown', message: 'Failed to fetch' })
    expect(poller.getState().report).toEqual(report(1))
    await vi.advanceTimersByTimeAsync(100)
    calls[3].resolve(report(2))
    await vi.advanceTimersByTimeAsync(0)
    expect(poller.getState()).toEqual({ report: report(2), loadedAt: Date.now() })
    poller.stop()
  })

  it('a source that throws or resolves garbage fails with a code, and polling goes on', async () => {
    let n = 0
    const source: AgentStatusSource = {
      pollMs: 50,
      load: () => {
        n++
        if (n === 1) throw new Error('sync boom')
        return Promise.resolve((n === 2 ? 'nope' : null) as unknown as AgentStatusReport)
      },
    }
    const { poller } = start(source)
    await vi.advanceTimersByTimeAsync(0)
    expect(poller.getState().error).toEqual({ code: 'unknown', message: 'sync boom' })
    await vi.advanceTimersByTimeAsync(50)
    expect(poller.getState().error).toEqual({
      code: 'invalid_response',
      message: 'The status source resolved string, not a report object.',
    })
    await vi.advanceTimersByTimeAsync(50)
    expect(poller.getState().error?.message).toContain('resolved null')
    expect(n).toBe(3)
    poller.stop()
  })

  it('stop aborts the load in flight, drops its result and stops polling', async () => {
    const { source, calls } = manualSource(100)
    const { poller, states } = start(source)
    poller.stop()
    expect(calls[0].signal?.aborted).toBe(true)
    calls[0].resolve(report(1))
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toHaveLength(1)
    expect(states).toEqual([{ loading: true }])
    expect(poller.getState().report).toBeUndefined()
    // restart (StrictMode remount): a fresh load
    poller.start()
    expect(calls).toHaveLength(2)
    expect(calls[1].signal?.aborted).toBe(false)
    poller.stop()
  })

  it('pauses while the page is hidden: a due load runs when it becomes visible', async () => {
    const { source, calls } = manualSource(100)
    const { poller, vis } = start(source, { hidden: true })
    expect(calls).toHaveLength(0)
    vis.set(false)
    expect(calls).toHaveLength(1)
    calls[0].resolve(report(1))
    await vi.advanceTimersByTimeAsync(0)
    vis.set(true)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(calls).toHaveLength(1)
    vis.set(false)
    expect(calls).toHaveLength(2)
    vis.set(false) // visible again while a load runs: no second one
    expect(calls).toHaveLength(2)
    poller.stop()
    expect(vis.listeners.size).toBe(0)
  })
})
