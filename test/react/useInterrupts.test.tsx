// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AgentError } from '../../src/core/protocol/AgentError'
import type { Interrupt } from '../../src/core/protocol/types'
import { createAgentStore } from '../../src/core/store'
import { AgentProvider, useInterrupts } from '../../src/react'
import { agentOf, runOf } from '../core/store/hitlTestUtils'
import { expectThrowsOutsideProvider, modes, renderIn } from './harness'

afterEach(cleanup)

const microtask = (flush: () => void) => queueMicrotask(flush)
const ask = (id: string): Interrupt => ({
  id,
  reason: 'input_required',
  message: `Name for ${id}?`,
  responseSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
})

describe.each(modes)('useInterrupts ($name)', (mode) => {
  it('lists open interrupts, validates answers, resumes once all are answered or cancelled', async () => {
    const agent = agentOf((input) =>
      runOf(input, [], { type: 'interrupt', interrupts: [ask('i1'), ask('i2')] }),
    )
    const store = createAgentStore({ agent, scheduler: microtask })
    let api: ReturnType<typeof useInterrupts> | undefined
    function Prompts() {
      api = useInterrupts()
      return (
        <ul>
          {api.interrupts.map((i) => (
            <li key={i.id}>{`${i.id}:${i.state}:${i.error?.code ?? ''}`}</li>
          ))}
          <li>open={api.open.length}</li>
        </ul>
      )
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Prompts />
      </AgentProvider>,
    )
    expect(screen.getByText('open=0')).toBeTruthy()
    await act(async () => {
      await store.run({ message: 'sign me up' })
    })
    await screen.findByText('open=2')

    let error: AgentError | undefined
    act(() => {
      error = api!.respond('i1', { name: 7 })
    })
    expect(error?.code).toBe('invalid_payload')
    await screen.findByText('i1:open:invalid_payload')
    act(() => {
      error = api!.respond('i1', { name: 'Ada' })
    })
    expect(error).toBeUndefined()
    await screen.findByText('i1:answered:')
    expect(agent.inputs).toHaveLength(1)
    act(() => api!.cancel('i2'))
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(agent.inputs[1].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: { name: 'Ada' } },
      { interruptId: 'i2', status: 'cancelled' },
    ])
    await screen.findByText('open=0')
  })

  it('respondAll answers every open interrupt; resume() without autoResume', async () => {
    const agent = agentOf((input) =>
      runOf(input, [], { type: 'interrupt', interrupts: [ask('i1'), ask('i2')] }),
    )
    const store = createAgentStore({ agent, scheduler: microtask, autoResume: false })
    let api: ReturnType<typeof useInterrupts> | undefined
    function Prompts() {
      api = useInterrupts()
      return <p>{api.interrupts.map((i) => i.state).join(',')}</p>
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Prompts />
      </AgentProvider>,
    )
    await act(async () => {
      await store.run({ message: 'x' })
    })
    await screen.findByText('open,open')
    act(() => {
      expect(api!.respondAll({ name: 'Bo' })).toBeUndefined()
    })
    await screen.findByText('answered,answered')
    await act(() => api!.resume())
    expect(agent.inputs[1].resume?.map((r) => r.payload)).toEqual([{ name: 'Bo' }, { name: 'Bo' }])
  })

  it('throws outside a provider', () => {
    expectThrowsOutsideProvider('useInterrupts', () => useInterrupts())
  })
})
