// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Message } from '../../src/core/protocol/types'
import { createAgentStore, type Scheduler } from '../../src/core/store'
import { AgentProvider, useMessageIds } from '../../src/react'
import { createManualAgent, expectThrowsOutsideProvider, modes, renderIn } from './harness'

afterEach(cleanup)

const history: Message[] = [
  { id: 's1', role: 'system', content: 'be brief' },
  { id: 'u1', role: 'user', content: 'first question' },
  { id: 'a1', role: 'assistant', content: 'first answer' },
]

describe.each(modes)('useMessageIds ($name)', (mode) => {
  it('lists the shown messages and re-renders when one is added, not per token', async () => {
    const frames: Array<() => void> = []
    const scheduler: Scheduler = (flush) => frames.push(flush)
    const { agent, emit, complete, inputs } = createManualAgent()
    const store = createAgentStore({ agent, initialMessages: history, scheduler })
    const nextFrame = () => act(() => frames.splice(0).forEach((flush) => flush()))
    let renders = 0
    function Ids() {
      const ids = useMessageIds()
      renders++
      return <output data-testid="ids">{ids.join(',')}</output>
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Ids />
      </AgentProvider>,
    )
    expect(screen.getByTestId('ids').textContent).toBe('u1,a1')

    let done: Promise<unknown> = Promise.resolve()
    act(() => {
      done = store.run()
    })
    const input = inputs[0]
    emit({ type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId })
    emit({ type: 'TEXT_MESSAGE_START', messageId: 'a2', role: 'assistant' })
    await nextFrame()
    expect(screen.getByTestId('ids').textContent).toBe('u1,a1,a2')
    const afterAdd = renders
    for (const delta of ['a', 'b', 'c', 'd']) {
      emit({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'a2', delta })
      await nextFrame()
    }
    expect(renders).toBe(afterAdd)
    emit({ type: 'TEXT_MESSAGE_END', messageId: 'a2' })
    emit({ type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId })
    act(() => complete())
    await act(() => done)
    expect(renders).toBe(afterAdd)
    expect(screen.getByTestId('ids').textContent).toBe('u1,a1,a2')
    store.destroy()
  })
})

it('useMessageIds throws outside AgentProvider', () => {
  expectThrowsOutsideProvider('useMessageIds', useMessageIds)
})
