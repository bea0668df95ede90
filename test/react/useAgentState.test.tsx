// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createAgentStore } from '../../src/core/store'
import { AgentProvider, useAgentState } from '../../src/react'
import { createScriptedAgent } from '../../src/testing'
import { finished, started } from '../testing/scripts'
import { modes, renderIn, expectThrowsOutsideProvider } from './harness'

afterEach(cleanup)

interface Counter {
  count: number
  label: string
}

describe.each(modes)('useAgentState ($name)', (mode) => {
  it('round-trips setState through the store, into the next run and back from the agent', async () => {
    const agent = createScriptedAgent((input) => [
      started(input),
      {
        type: 'STATE_SNAPSHOT',
        snapshot: { ...(input.state as Counter), count: (input.state as Counter).count * 10 },
      },
      finished(input),
    ])
    const store = createAgentStore({ agent, initialState: { count: 1, label: 'n' } })
    let labelRenders = 0
    function Count() {
      const [count, setState] = useAgentState((s: Counter) => s.count)
      return (
        <button onClick={() => setState((s) => ({ ...s, count: s.count + 1 }))}>
          count {count}
        </button>
      )
    }
    function Label() {
      const [label] = useAgentState((s: Counter) => s.label)
      labelRenders++
      return <output data-testid="label">{label}</output>
    }
    function Whole() {
      const [state, setState] = useAgentState<Counter>()
      return (
        <button onClick={() => setState({ count: 0, label: 'reset' })}>
          whole {JSON.stringify(state)}
        </button>
      )
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Count />
        <Label />
        <Whole />
      </AgentProvider>,
    )
    const labelBaseline = labelRenders
    fireEvent.click(screen.getByText('count 1'))
    expect(screen.getByText('count 2')).toBeTruthy()
    expect(store.getSnapshot().state).toEqual({ count: 2, label: 'n' })
    expect(labelRenders).toBe(labelBaseline) // the selected label did not change

    await act(() => store.run())
    expect(agent.inputs[0].state).toEqual({ count: 2, label: 'n' })
    await waitFor(() => expect(screen.getByText('count 20')).toBeTruthy())

    fireEvent.click(screen.getByText(/^whole/))
    expect(screen.getByText('count 0')).toBeTruthy()
    expect(screen.getByTestId('label').textContent).toBe('reset')
  })

  it('keeps setState stable across renders', () => {
    const store = createAgentStore({ agent: createScriptedAgent([]), initialState: { count: 0 } })
    const setters: unknown[] = []
    function Probe() {
      const [count, setState] = useAgentState((s: Counter) => s.count)
      setters.push(setState)
      return (
        <button onClick={() => setState((s) => ({ ...s, count: s.count + 1 }))}>{count}</button>
      )
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Probe />
      </AgentProvider>,
    )
    fireEvent.click(screen.getByText('0'))
    fireEvent.click(screen.getByText('1'))
    expect(screen.getByText('2')).toBeTruthy()
    expect(new Set(setters).size).toBe(1)
  })
})

it('useAgentState throws an error naming AgentProvider outside it', () => {
  expectThrowsOutsideProvider('useAgentState', () => useAgentState())
})
