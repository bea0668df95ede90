// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { createAgentStore } from '../../src/core/store'
import { ToolCall } from '../../src/primitives'
import type { ToolCallState } from '../../src/react'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, modes, renderWithAgent } from '../components/chatTestUtils'

afterEach(cleanup)

const base: ToolCallState = {
  id: 'c1',
  name: 'get_weather',
  messageId: 'a1',
  status: 'complete',
  args: '{"city":"Paris"}',
  parsedArgs: { city: 'Paris' },
}

function Card({ call }: { call: ToolCallState }) {
  return (
    <ToolCall.Root call={call} aria-label="Tool call">
      <ToolCall.Name />
      <ToolCall.Status />
      <ToolCall.Args />
      <ToolCall.Result />
      <ToolCall.Error />
    </ToolCall.Root>
  )
}

const root = () => document.querySelector<HTMLElement>('[data-awr="tool-call"]')!
const part = (name: string) => root().querySelector<HTMLElement>(`[data-awr="tool-call-${name}"]`)

describe('ToolCall primitives (plain call)', () => {
  it('running while unanswered: name, status, pretty arguments; no result', async () => {
    const { container } = render(<Card call={base} />)
    expect(root().getAttribute('data-status')).toBe('running')
    expect(root().getAttribute('data-state')).toBe('complete')
    expect(root().getAttribute('data-tool-name')).toBe('get_weather')
    expect(part('name')!.textContent).toBe('get_weather')
    expect(part('status')!.textContent).toBe('Running')
    expect(part('args')!.textContent).toBe('{\n  "city": "Paris"\n}')
    expect(part('args')!.tabIndex).toBe(0)
    expect(part('result')).toBeNull()
    expect(part('error')).toBeNull()
    expect(await axeViolations(container)).toEqual([])
  })

  it('streaming arguments show the partial parse; empty arguments render no Args', () => {
    const { rerender } = render(
      <Card
        call={{ ...base, status: 'streaming', args: '{"city":"Pa', parsedArgs: { city: 'Pa' } }}
      />,
    )
    expect(root().getAttribute('aria-busy')).toBe('true')
    expect(part('args')!.textContent).toBe('{\n  "city": "Pa"\n}')
    expect(part('args')!.getAttribute('data-state')).toBe('streaming')
    rerender(<Card call={{ ...base, status: 'streaming', args: '', parsedArgs: undefined }} />)
    expect(part('args')).toBeNull()
  })

  it('done with a result, failed with an error; Status labels can be replaced', () => {
    const result = { id: 't1', role: 'tool' as const, toolCallId: 'c1', content: '{"temp":21}' }
    const { rerender } = render(<Card call={{ ...base, status: 'resolved', result }} />)
    expect(root().getAttribute('data-status')).toBe('done')
    expect(part('result')!.textContent).toBe('{\n  "temp": 21\n}')
    rerender(
      <ToolCall.Root
        call={{ ...base, status: 'resolved', result: { ...result, error: 'timeout' } }}
      >
        <ToolCall.Status labels={{ failed: 'Échec' }} />
        <ToolCall.Error />
      </ToolCall.Root>,
    )
    expect(root().getAttribute('data-status')).toBe('failed')
    expect(part('status')!.textContent).toBe('Échec')
    expect(part('error')!.textContent).toBe('timeout')
  })

  it('asChild: the Root and Name render the given elements', () => {
    render(
      <ToolCall.Root call={base} asChild>
        <section className="mine">
          <ToolCall.Name asChild>
            <h3 />
          </ToolCall.Name>
        </section>
      </ToolCall.Root>,
    )
    const section = document.querySelector('section.mine')!
    expect(section.getAttribute('data-status')).toBe('running')
    expect(screen.getByRole('heading', { name: 'get_weather' })).toBeTruthy()
  })

  it('parts outside a Root throw an error naming the part', () => {
    expect(() => render(<ToolCall.Args />)).toThrow(
      '<ToolCall.Args> must be used inside <ToolCall.Root>.',
    )
  })
})

describe.each(modes)('ToolCall.Root connected ($name)', ({ strict }) => {
  it('follows the call by toolCallId as its arguments stream and its result arrives', async () => {
    const agent = createScriptedAgent((input) => [
      { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
      {
        type: 'TOOL_CALL_START',
        toolCallId: 'c1',
        toolCallName: 'get_weather',
        parentMessageId: 'a1',
      },
      { type: 'TOOL_CALL_ARGS', toolCallId: 'c1', delta: '{"city":"Pa' },
      { delayMs: 60_000 },
    ])
    const store = createAgentStore({ agent, threadId: 't' })
    renderWithAgent(
      <ToolCall.Root toolCallId="c1">
        <ToolCall.Args />
        <ToolCall.Result />
      </ToolCall.Root>,
      { strict, store },
    )
    expect(document.querySelector('[data-awr="tool-call"]')).toBeNull()
    act(() => void store.run())
    await waitFor(() => expect(part('args')?.textContent).toBe('{\n  "city": "Pa"\n}'))
    expect(root().getAttribute('data-state')).toBe('streaming')
    act(() => store.stop())
    store.destroy()
  })
})
