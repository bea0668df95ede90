// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { getEventLog } from '../../src/core/status'
import { createAgentStore } from '../../src/core/store'
import {
  createConnectionStateHolder,
  type ConnectionState,
} from '../../src/core/transport/ConnectionState'
import { AgentProvider, useAgentStatus, useEventLog } from '../../src/react'
import { createScriptedAgent } from '../../src/testing'
import { createManualAgent, expectThrowsOutsideProvider, modes, renderIn } from './harness'

afterEach(cleanup)

const T = 1_750_000_000_000

function script(threadId: string, runId: string) {
  return [
    { type: 'RUN_STARTED', threadId, runId, timestamp: T },
    { type: 'STEP_STARTED', stepName: 'plan', timestamp: T + 10 },
    { delayMs: 60 },
    { type: 'STEP_FINISHED', stepName: 'plan', timestamp: T + 70 },
    {
      type: 'RUN_FINISHED',
      threadId,
      runId,
      timestamp: T + 100,
      usage: [{ inputTokens: 12, outputTokens: 30, totalTokens: 42 }],
    },
  ]
}

function Probe() {
  const s = useAgentStatus({ card: CARD })
  const log = useEventLog()
  return (
    <dl>
      <dd data-testid="run">{s.currentRun?.status ?? 'none'}</dd>
      <dd data-testid="steps">{s.timeline.map((i) => `${i.label}:${i.status}`).join(',')}</dd>
      <dd data-testid="usage">{s.threadUsage.totalTokens}</dd>
      <dd data-testid="duration">{s.currentRun?.durationMs ?? ''}</dd>
      <dd data-testid="name">{s.identity.name}</dd>
      <dd data-testid="chips">{s.capabilities.map((c) => c.key).join(',')}</dd>
      <dd data-testid="connection">{`${s.connection.state}/${s.connection.health}`}</dd>
      <dd data-testid="events">{log.entries.length}</dd>
    </dl>
  )
}
const CARD = { name: 'Planner' }
const text = (id: string) => screen.getByTestId(id).textContent

describe.each(modes)('useAgentStatus ($name)', (mode) => {
  it('follows a run: running, then finished with its step, usage and duration', async () => {
    let connection: ConnectionState = { status: 'open', latencyMs: 12 }
    // Driven event by event (no timers): the "running" state is observed for sure.
    const manual = createManualAgent()
    const agent = Object.assign(manual.agent, {
      getConnectionState: () => connection,
      getCapabilities: async () => ({ transport: { streaming: true } }),
    })
    const store = createAgentStore({ agent, threadId: 't1' })
    getEventLog(store) // record from the first event
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Probe />
      </AgentProvider>,
    )
    expect(text('run')).toBe('none')
    expect(text('name')).toBe('Planner')
    await waitFor(() => expect(text('chips')).toBe('transport.streaming'))
    expect(text('connection')).toBe('open/ok')

    const done = store.run({ message: 'go' })
    const [started, step, , stepDone, finished] = script('t1', manual.inputs[0].runId)
    act(() => {
      manual.emit(started)
      manual.emit(step)
      store.flush()
    })
    await waitFor(() => expect(text('steps')).toBe('plan:running'))
    expect(text('run')).toBe('running')
    connection = { status: 'reconnecting', attempt: 1, nextRetryMs: 100 }
    act(() => {
      manual.emit(stepDone)
      manual.emit(finished)
      manual.complete()
    })
    await done
    await waitFor(() => expect(text('run')).toBe('finished'))
    expect(text('steps')).toBe('plan:finished')
    expect(text('usage')).toBe('42')
    expect(text('duration')).toBe('100')
    expect(text('events')).toBe('4')
    expect(text('connection')).toBe('reconnecting/degraded')
    store.destroy()
  })
})

describe.each(modes)('useAgentStatus connection ($name)', (mode) => {
  it('follows snapshot.connection, which the store mirrors from subscribeConnection, without a run', async () => {
    const holder = createConnectionStateHolder()
    const agent = Object.assign(createScriptedAgent([]), {
      getConnectionState: holder.get,
      subscribeConnection: holder.subscribe,
    })
    const store = createAgentStore({ agent, threadId: 't2' })
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Probe />
      </AgentProvider>,
    )
    expect(text('connection')).toBe('idle/ok')
    act(() => holder.set({ status: 'reconnecting', attempt: 2, nextRetryMs: 400 }))
    await waitFor(() => expect(text('connection')).toBe('reconnecting/degraded'))
    act(() => holder.set({ status: 'auth_required' }))
    await waitFor(() => expect(text('connection')).toBe('auth_required/down'))
    store.destroy()
  })
})

it('useAgentStatus and useEventLog throw outside AgentProvider', () => {
  expectThrowsOutsideProvider('useAgentStatus', () => useAgentStatus())
  expectThrowsOutsideProvider('useEventLog', () => useEventLog())
})
