// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { useEffect } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AgentSnapshot } from '../../src/core/reducer/AgentSnapshot'
import { createAgentStore } from '../../src/core/store'
import { AgentProvider, useAgentRun, useAgentStore, useMessages } from '../../src/react'
import { createScriptedAgent } from '../../src/testing'
import { finished, sleep, started, text } from '../testing/scripts'
import { modes, renderIn } from './harness'

afterEach(cleanup)

const slowReply = createScriptedAgent(
  (input) => [started(input), ...text('a1', ['Hello', ' ', 'world']), finished(input)],
  { delayMs: 15 },
)

function Transcript() {
  const messages = useMessages()
  return (
    <ul>
      {messages.map((m) => (
        <li key={m.id} data-role={m.role}>
          {String(m.content)}
        </li>
      ))}
    </ul>
  )
}

function Controls() {
  const { sendMessage, stop, retry, status, error, isRunning } = useAgentRun()
  return (
    <div>
      <button onClick={() => void sendMessage('Hi')}>send</button>
      <button onClick={stop}>stop</button>
      <button onClick={() => void retry()}>retry</button>
      <output data-testid="status">{status}</output>
      <output data-testid="running">{String(isRunning)}</output>
      <output data-testid="error">{error?.code ?? ''}</output>
    </div>
  )
}

describe.each(modes)('useAgentRun ($name)', (mode) => {
  it('sendMessage streams the reply in; mounting runs nothing', async () => {
    const agent = createScriptedAgent(
      (input) => [started(input), ...text('a1', ['Hello', ' ', 'world']), finished(input)],
      { delayMs: 15 },
    )
    renderIn(
      mode,
      <AgentProvider agent={agent}>
        <Controls />
        <Transcript />
      </AgentProvider>,
    )
    await sleep(20)
    expect(agent.inputs).toHaveLength(0)
    expect(screen.getByTestId('status').textContent).toBe('idle')

    fireEvent.click(screen.getByText('send'))
    expect(screen.getByTestId('running').textContent).toBe('true')
    await waitFor(() => expect(screen.getByText('Hello world')).toBeTruthy())
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('finished'))
    expect(screen.getByTestId('running').textContent).toBe('false')
    expect(screen.getByText('Hi').dataset.role).toBe('user')
    expect(agent.inputs).toHaveLength(1)
  })

  it('a run started from an effect runs once (StrictMode double effects hit the busy rule)', async () => {
    const agent = createScriptedAgent(
      (input) => [started(input), ...text('a1', ['once']), finished(input)],
      { delayMs: 5 },
    )
    function AutoStart() {
      const { sendMessage } = useAgentRun()
      useEffect(() => {
        void sendMessage('auto')
      }, [sendMessage])
      return null
    }
    renderIn(
      mode,
      <AgentProvider agent={agent}>
        <AutoStart />
        <Controls />
        <Transcript />
      </AgentProvider>,
    )
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('finished'))
    expect(agent.inputs).toHaveLength(1)
    expect(screen.getAllByText('auto')).toHaveLength(1)
  })

  it('stop ends the run cancelled and keeps the partial reply; retry runs again', async () => {
    let attempt = 0
    const agent = createScriptedAgent((input) =>
      attempt++ === 0
        ? [started(input), ...text('a1', ['partial']).slice(0, 2), { delayMs: 10_000 }]
        : [started(input), ...text('a2', ['second']), finished(input)],
    )
    renderIn(
      mode,
      <AgentProvider agent={agent}>
        <Controls />
        <Transcript />
      </AgentProvider>,
    )
    fireEvent.click(screen.getByText('send'))
    await waitFor(() => expect(screen.getByText('partial')).toBeTruthy())
    fireEvent.click(screen.getByText('stop'))
    expect(screen.getByTestId('status').textContent).toBe('cancelled')
    expect(screen.getByTestId('error').textContent).toBe('aborted')
    expect(screen.getByText('partial')).toBeTruthy()

    fireEvent.click(screen.getByText('retry'))
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('finished'))
    expect(screen.getByText('second')).toBeTruthy()
    expect(agent.inputs).toHaveLength(2)
    expect(agent.inputs[1].messages.filter((m) => m.role === 'user')).toHaveLength(1)
  })

  it('returns stable function identities across renders', async () => {
    const seen: Array<ReturnType<typeof useAgentRun>> = []
    function Probe() {
      const controls = useAgentRun()
      seen.push(controls)
      return null
    }
    renderIn(
      mode,
      <AgentProvider agent={slowReply}>
        <Probe />
      </AgentProvider>,
    )
    const first = seen[0]
    await act(() => first.sendMessage('x'))
    expect(seen.length).toBeGreaterThan(1)
    for (const controls of seen) {
      expect(controls.run).toBe(first.run)
      expect(controls.sendMessage).toBe(first.sendMessage)
      expect(controls.retry).toBe(first.retry)
      expect(controls.stop).toBe(first.stop)
    }
    expect(seen.at(-1)?.status).toBe('finished')
  })
})

describe.each(modes)('AgentProvider ($name)', (mode) => {
  it('destroys the store it created on unmount, not on StrictMode remount', async () => {
    const agent = createScriptedAgent((input) => [started(input), finished(input)])
    const stores: Array<ReturnType<typeof useAgentStore>> = []
    function Grab() {
      stores.push(useAgentStore())
      return null
    }
    const view = renderIn(
      mode,
      <AgentProvider agent={agent}>
        <Grab />
      </AgentProvider>,
    )
    await sleep(10) // past any deferred destroy
    const store = stores[0]
    expect(new Set(stores).size).toBe(1) // one store, even with StrictMode's double render
    let final: AgentSnapshot | undefined
    await act(async () => {
      final = await store.run({ message: 'alive?' })
    })
    expect(final?.run.status).toBe('finished')
    expect(agent.inputs).toHaveLength(1)

    view.unmount()
    await sleep(10)
    await store.run({ message: 'after unmount' })
    expect(agent.inputs).toHaveLength(1) // destroyed: runs nothing
  })

  it('shares a store passed in and leaves its lifetime to the owner', async () => {
    const agent = createScriptedAgent((input) => [started(input), finished(input)])
    const store = createAgentStore({ agent })
    const seen: unknown[] = []
    function Grab() {
      seen.push(useAgentStore())
      return null
    }
    const view = renderIn(
      mode,
      <AgentProvider store={store}>
        <Grab />
      </AgentProvider>,
    )
    expect(seen[0]).toBe(store)
    view.unmount()
    await sleep(10)
    await store.run()
    expect(agent.inputs).toHaveLength(1)
  })

  it('throws without agent or store', () => {
    const spy = console.error
    console.error = () => {}
    try {
      expect(() => renderIn(mode, <AgentProvider>{null}</AgentProvider>)).toThrow(/agent.*store/)
    } finally {
      console.error = spy
    }
  })
})
