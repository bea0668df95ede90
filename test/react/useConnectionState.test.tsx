// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { BaseEvent } from '../../src/core/protocol/types'
import type { Agent, Observer } from '../../src/core/transport/Agent'
import { createConnectionStateHolder } from '../../src/core/transport/ConnectionState'
import { AgentProvider, useAgentRun, useConnectionState } from '../../src/react'
import { expectThrowsOutsideProvider, modes, renderIn } from './harness'

afterEach(cleanup)

/**
 * An agent that reports a connection state and can be re-joined: `run` and `attach` hand the
 * test an observer to drive; unsubscribing (detach) leaves the "server" run going.
 */
function createResumableAgent() {
  const connection = createConnectionStateHolder()
  const observers: Array<Observer<BaseEvent> | undefined> = []
  const attached: Array<{ runId: string; lastEventId?: number }> = []
  const source = () => ({
    subscribe(o: Observer<BaseEvent> | ((e: BaseEvent) => void)) {
      const index = observers.push(typeof o === 'function' ? { next: o } : o) - 1
      return { unsubscribe: () => (observers[index] = undefined) }
    },
  })
  const agent: Agent = {
    run: () => source(),
    attach: (params) => {
      attached.push(params)
      return source()
    },
    getConnectionState: () => connection.get(),
    subscribeConnection: (listener) => connection.subscribe(listener),
  }
  const emit = (event: Record<string, unknown>) =>
    observers.at(-1)?.next?.(event as unknown as BaseEvent)
  return { agent, connection, attached, emit, observers }
}

function Probe() {
  const connection = useConnectionState()
  const { sendMessage, detach, attach, status, isDetached } = useAgentRun()
  return (
    <div>
      <output data-testid="connection">
        {connection.status}
        {connection.status === 'reconnecting' ? `:${connection.attempt}` : ''}
      </output>
      <output data-testid="status">{status}</output>
      <output data-testid="detached">{String(isDetached)}</output>
      <button onClick={() => void sendMessage('hi')}>send</button>
      <button onClick={detach}>detach</button>
      <button onClick={() => void attach()}>attach</button>
    </div>
  )
}

describe.each(modes)('useConnectionState and detach/attach ($name)', (mode) => {
  it('shows the agent connection state as it changes', async () => {
    const { agent, connection } = createResumableAgent()
    renderIn(
      mode,
      <AgentProvider agent={agent}>
        <Probe />
      </AgentProvider>,
    )
    expect(screen.getByTestId('connection').textContent).toBe('idle')
    act(() => connection.set({ status: 'connecting' }))
    expect(screen.getByTestId('connection').textContent).toBe('connecting')
    act(() => connection.set({ status: 'reconnecting', attempt: 2, nextRetryMs: 800 }))
    expect(screen.getByTestId('connection').textContent).toBe('reconnecting:2')
  })

  it('detach keeps the run running but detached; attach re-joins it where it stopped', async () => {
    const { agent, attached, emit } = createResumableAgent()
    renderIn(
      mode,
      <AgentProvider agent={agent} threadId="t1">
        <Probe />
      </AgentProvider>,
    )
    act(() => screen.getByText('send').click())
    act(() => emit({ type: 'RUN_STARTED', threadId: 't1', runId: 'r1' }))
    act(() => screen.getByText('detach').click())
    await waitFor(() => expect(screen.getByTestId('detached').textContent).toBe('true'))
    expect(screen.getByTestId('status').textContent).toBe('running')
    act(() => screen.getByText('attach').click())
    expect(attached).toHaveLength(1)
    expect(attached[0]).toMatchObject({ threadId: 't1', lastEventId: 0 })
    expect(screen.getByTestId('detached').textContent).toBe('false')
    act(() => emit({ type: 'RUN_FINISHED', threadId: 't1', runId: 'r1' }))
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('finished'))
  })

  it('throws outside AgentProvider', () => {
    expectThrowsOutsideProvider('useConnectionState', () => useConnectionState())
  })
})
