// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import { createAgentStore } from '../../src/core/store'
import {
  AgentProvider,
  useBackendTool,
  useFrontendTool,
  useToolApproval,
  useToolRenderer,
} from '../../src/react'
import { agentOf, runOf, toolCall, toolMessages } from '../core/store/hitlTestUtils'
import { expectThrowsOutsideProvider, modes, renderIn } from './harness'

afterEach(cleanup)

const microtask = (flush: () => void) => queueMicrotask(flush)

describe.each(modes)('useFrontendTool / useBackendTool / useToolRenderer ($name)', (mode) => {
  it('registers with the component life, sends the schema, runs the latest handler, follows up', async () => {
    const agent = agentOf((input) => runOf(input, toolCall('c1', 'set_theme', '{"theme":"dark"}')))
    const store = createAgentStore({ agent, scheduler: microtask })
    const seen: string[] = []
    function Tool({ label }: { label: string }) {
      useFrontendTool({
        name: 'set_theme',
        description: 'Switch the theme',
        parameters: z.object({ theme: z.enum(['light', 'dark']) }),
        handler: ({ theme }) => {
          seen.push(`${label}:${theme}`)
          return { ok: true }
        },
        render: (call) => <span data-testid="rendered">{call.name}</span>,
      })
      return null
    }
    function Renderer() {
      const render = useToolRenderer('set_theme')
      return (
        <div data-testid="renderer">{render ? render({ name: 'set_theme' } as never) : 'none'}</div>
      )
    }
    function App() {
      const [show, setShow] = useState(true)
      const [label, setLabel] = useState('first')
      return (
        <AgentProvider store={store}>
          {show && <Tool label={label} />}
          <Renderer />
          <button onClick={() => setLabel('second')}>relabel</button>
          <button onClick={() => setShow(false)}>hide</button>
        </AgentProvider>
      )
    }
    const register = vi.spyOn(store, 'registerTool')
    renderIn(mode, <App />)
    expect(store.getTool('set_theme')?.description).toBe('Switch the theme')
    await waitFor(() => expect(screen.getByTestId('renderer').textContent).toBe('set_theme'))

    act(() => screen.getByText('relabel').click()) // a re-render does not re-register
    const registrations = register.mock.calls.length
    await act(async () => {
      await store.run({ message: 'dark please' })
    })
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(agent.inputs[0].tools).toEqual([
      {
        name: 'set_theme',
        description: 'Switch the theme',
        parameters: {
          type: 'object',
          properties: { theme: { type: 'string', enum: ['light', 'dark'] } },
          required: ['theme'],
        },
      },
    ])
    expect(seen).toEqual(['second:dark']) // the latest props' handler
    expect(toolMessages(agent.inputs[1])[0].content).toBe('{"ok":true}')
    expect(register.mock.calls.length).toBe(registrations)

    act(() => screen.getByText('hide').click())
    expect(store.getTool('set_theme')).toBeUndefined()
    await waitFor(() => expect(screen.getByTestId('renderer').textContent).toBe('none'))
    await act(async () => {
      await store.run({ message: 'again' })
    })
    expect(agent.inputs.at(-1)?.tools).toEqual([])
  })

  it('useBackendTool gates a backend tool with approval and is never sent in tools', async () => {
    const agent = agentOf((input) => runOf(input, toolCall('c1', 'delete_file', '{"f":"a"}')))
    const store = createAgentStore({ agent, scheduler: microtask })
    function App() {
      useBackendTool({ name: 'delete_file', requiresApproval: true })
      const { pending } = useToolApproval()
      return (
        <ul>
          {pending.map((a) => (
            <li key={a.toolCallId}>{`${a.toolName}:${a.state}`}</li>
          ))}
        </ul>
      )
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <App />
      </AgentProvider>,
    )
    await act(async () => {
      await store.run({ message: 'delete a' })
    })
    expect(await screen.findByText('delete_file:pending')).toBeTruthy()
    expect(agent.inputs[0].tools).toEqual([])
  })

  it('throws outside a provider', () => {
    expectThrowsOutsideProvider('useFrontendTool', () =>
      useFrontendTool({ name: 'x', handler: () => 1 }),
    )
    expectThrowsOutsideProvider('useBackendTool', () => useBackendTool({ name: 'x' }))
    expectThrowsOutsideProvider('useToolRenderer', () => useToolRenderer('x'))
  })
})
