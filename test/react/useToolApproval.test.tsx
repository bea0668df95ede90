// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import type { AgentError } from '../../src/core/protocol/AgentError'
import { createAgentStore } from '../../src/core/store'
import {
  AgentProvider,
  type ToolApprovalControls,
  type ToolApprovalList,
  useFrontendTool,
  useToolApproval,
  useToolCall,
  useToolCalls,
} from '../../src/react'
import { agentOf, runOf, toolCall, toolMessages } from '../core/store/hitlTestUtils'
import { expectThrowsOutsideProvider, modes, renderIn } from './harness'

afterEach(cleanup)

const microtask = (flush: () => void) => queueMicrotask(flush)

function setup() {
  const agent = agentOf((input) =>
    runOf(input, [
      ...toolCall('c1', 'transfer', '{"amount":10}', 'a1'),
      ...toolCall('c2', 'transfer', '{"amount":99}', 'a1'),
    ]),
  )
  const store = createAgentStore({ agent, scheduler: microtask })
  const handler = vi.fn(({ amount }: { amount: number }) => `sent ${amount}`)
  function Tool() {
    useFrontendTool({
      name: 'transfer',
      parameters: z.object({ amount: z.number().max(50) }),
      requiresApproval: true,
      handler,
    })
    return null
  }
  return { agent, store, handler, Tool }
}

describe.each(modes)('useToolApproval ($name)', (mode) => {
  it('lists pending approvals; approve and deny by id; one follow-up with both results', async () => {
    const { agent, store, handler, Tool } = setup()
    let api: ToolApprovalList | undefined
    function List() {
      api = useToolApproval()
      return (
        <ul>
          {api.approvals.map((a) => (
            <li key={a.toolCallId}>{`${a.toolCallId}:${a.state}`}</li>
          ))}
        </ul>
      )
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Tool />
        <List />
      </AgentProvider>,
    )
    await act(async () => {
      await store.run({ message: 'pay' })
    })
    await screen.findByText('c2:pending')
    expect(api!.pending.map((a) => a.toolCallId)).toEqual(['c1', 'c2'])
    expect(api!.policy).toBe(store.policyStore)

    act(() => api!.approve('c1'))
    expect(screen.getByText(/^c1:(approved|executing|resolved)$/)).toBeTruthy()
    expect(agent.inputs).toHaveLength(1) // c2 still waits
    act(() => api!.deny('c2', 'too much'))
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    await screen.findByText('c2:resolved')
    expect(handler).toHaveBeenCalledOnce()
    expect(toolMessages(agent.inputs[1]).map((m) => m.content)).toEqual([
      'sent 10',
      '{"approved":false,"reason":"too much"}',
    ])
  })

  it('with an id: the approval and bound actions; edit returns invalid_args; useToolCalls carry it', async () => {
    const { agent, store, handler, Tool } = setup()
    let one: ToolApprovalControls | undefined
    let editError: AgentError | undefined
    function Card({ id }: { id: string }) {
      one = useToolApproval(id)
      const call = useToolCall(id)
      return (
        <p
          data-testid={id}
        >{`${one.approval?.state ?? 'none'}|${call?.approval?.state ?? 'none'}`}</p>
      )
    }
    function Calls() {
      const calls = useToolCalls()
      return <p data-testid="calls">{calls.map((c) => c.approval?.state ?? '-').join(',')}</p>
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Tool />
        <Card id="c2" />
        <Calls />
      </AgentProvider>,
    )
    expect(screen.getByTestId('c2').textContent).toBe('none|none')
    await act(async () => {
      await store.run({ message: 'pay' })
    })
    await waitFor(() => expect(screen.getByTestId('c2').textContent).toBe('pending|pending'))
    expect(screen.getByTestId('calls').textContent).toBe('pending,pending')
    expect(one!.approval?.error?.message).toMatch(/amount/) // 99 > max 50: explained on the card

    act(() => {
      editError = one!.edit({ amount: 500 })
    })
    expect(editError?.code).toBe('invalid_args')
    act(() => {
      editError = one!.edit({ amount: 40 })
    })
    expect(editError).toBeUndefined()
    act(() => store.approve('c1'))
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    // c2 ran first (decided first); the results still follow call order.
    expect(handler.mock.calls.map((c) => c[0])).toEqual([{ amount: 40 }, { amount: 10 }])
    expect(toolMessages(agent.inputs[1]).map((m) => [m.toolCallId, m.content])).toEqual([
      ['c1', 'sent 10'],
      ['c2', 'sent 40'],
    ])
    await waitFor(() => expect(screen.getByTestId('c2').textContent).toBe('resolved|resolved'))
  })

  it('throws outside a provider', () => {
    expectThrowsOutsideProvider('useToolApproval', () => useToolApproval())
  })
})
