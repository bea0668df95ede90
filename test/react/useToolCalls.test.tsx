// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createAgentStore, type Scheduler } from '../../src/core/store'
import { AgentProvider, parsePartialArgs, useToolCall, useToolCalls } from '../../src/react'
import { createManualAgent, modes, renderIn, expectThrowsOutsideProvider } from './harness'

afterEach(cleanup)

function setup() {
  const frames: Array<() => void> = []
  const scheduler: Scheduler = (flush) => frames.push(flush)
  const manual = createManualAgent()
  const store = createAgentStore({ agent: manual.agent, scheduler })
  const nextFrame = () => act(() => frames.splice(0).forEach((flush) => flush()))
  return { store, nextFrame, ...manual }
}

describe.each(modes)('useToolCalls / useToolCall ($name)', (mode) => {
  it('exposes partially parsed arguments while they stream, then the result', async () => {
    const { store, nextFrame, emit, complete, inputs } = setup()
    let listRenders = 0
    function List() {
      const calls = useToolCalls()
      listRenders++
      return (
        <ul>
          {calls.map((c) => (
            <li key={c.id} data-testid={`list-${c.id}`} data-status={c.status}>
              {c.name} {JSON.stringify(c.parsedArgs)}
            </li>
          ))}
        </ul>
      )
    }
    function One({ id }: { id: string }) {
      const call = useToolCall(id)
      return (
        <output data-testid={`one-${id}`} data-status={call?.status ?? 'none'}>
          {call ? JSON.stringify(call.parsedArgs) : ''}
          {call?.result ? ` -> ${call.result.content}` : ''}
        </output>
      )
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <List />
        <One id="tc1" />
      </AgentProvider>,
    )
    expect(screen.getByTestId('one-tc1').dataset.status).toBe('none')

    let done: Promise<unknown> = Promise.resolve()
    act(() => {
      done = store.run({ message: 'weather?' })
    })
    const { threadId, runId } = inputs[0]
    emit({ type: 'RUN_STARTED', threadId, runId })
    emit({
      type: 'TOOL_CALL_START',
      toolCallId: 'tc1',
      toolCallName: 'weather',
      parentMessageId: 'a1',
    })
    emit({ type: 'TOOL_CALL_ARGS', toolCallId: 'tc1', delta: '{"city":"Par' })
    await nextFrame()
    expect(screen.getByTestId('one-tc1').dataset.status).toBe('streaming')
    expect(screen.getByTestId('one-tc1').textContent).toBe('{"city":"Par"}')
    expect(screen.getByTestId('list-tc1').textContent).toBe('weather {"city":"Par"}')

    emit({ type: 'TOOL_CALL_ARGS', toolCallId: 'tc1', delta: 'is","days":[1,' })
    await nextFrame()
    expect(screen.getByTestId('one-tc1').textContent).toBe('{"city":"Paris","days":[1]}')

    emit({ type: 'TOOL_CALL_ARGS', toolCallId: 'tc1', delta: '2]}' })
    emit({ type: 'TOOL_CALL_END', toolCallId: 'tc1' })
    await nextFrame()
    expect(screen.getByTestId('one-tc1').dataset.status).toBe('complete')
    expect(screen.getByTestId('one-tc1').textContent).toBe('{"city":"Paris","days":[1,2]}')

    const rendersBefore = listRenders
    emit({ type: 'STATE_SNAPSHOT', snapshot: { unrelated: true } })
    await nextFrame()
    expect(listRenders).toBe(rendersBefore) // tool calls unchanged: no render

    emit({ type: 'TOOL_CALL_RESULT', messageId: 'r1', toolCallId: 'tc1', content: 'sunny' })
    emit({ type: 'RUN_FINISHED', threadId, runId })
    act(() => complete())
    await act(() => done)
    expect(screen.getByTestId('one-tc1').dataset.status).toBe('resolved')
    expect(screen.getByTestId('one-tc1').textContent).toContain('-> sunny')
    expect(screen.getByTestId('list-tc1').dataset.status).toBe('resolved')
  })
})

describe('parsePartialArgs', () => {
  it('parses partial JSON, returns undefined for empty or malformed text, and caches', () => {
    expect(parsePartialArgs('')).toBeUndefined()
    expect(parsePartialArgs('{"a":[1,{"b":"x')).toEqual({ a: [1, { b: 'x' }] })
    expect(parsePartialArgs('{"a":tr')).toEqual({ a: true })
    expect(parsePartialArgs('}{')).toBeUndefined()
    expect(parsePartialArgs('{"same":1}')).toBe(parsePartialArgs('{"same":1}'))
  })
})

const outside: Array<[string, () => unknown]> = [
  ['useToolCalls', () => useToolCalls()],
  ['useToolCall', () => useToolCall('x')],
]
it.each(outside)('%s throws an error naming AgentProvider outside it', (name, hook) =>
  expectThrowsOutsideProvider(name, hook),
)
