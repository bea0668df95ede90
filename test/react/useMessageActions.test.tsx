// @vitest-environment jsdom
import { act, cleanup } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AgentError } from '../../src/core/protocol/AgentError'
import type { Message } from '../../src/core/protocol/types'
import { createAgentStore, type Scheduler } from '../../src/core/store'
import { AgentProvider, useMessageActions, type MessageActionsControls } from '../../src/react'
import { createManualAgent, expectThrowsOutsideProvider, modes, renderIn } from './harness'

afterEach(cleanup)

const history: Message[] = [
  { id: 'u1', role: 'user', content: 'first question' },
  { id: 'a1', role: 'assistant', content: 'first answer' },
  { id: 'u2', role: 'user', content: 'second question' },
  { id: 'a2', role: 'assistant', content: 'second answer' },
]

/** A store over a manual agent whose frames the test fires by hand. */
function manualStore() {
  const frames: Array<() => void> = []
  const scheduler: Scheduler = (flush) => frames.push(flush)
  const manual = createManualAgent()
  const store = createAgentStore({ agent: manual.agent, initialMessages: history, scheduler })
  const nextFrame = () => act(() => frames.splice(0).forEach((flush) => flush()))
  return { store, nextFrame, ...manual }
}

describe.each(modes)('useMessageActions ($name)', (mode) => {
  it('flags per message; re-renders only when a flag flips, not per token', async () => {
    const { store, nextFrame, emit, complete, inputs } = manualStore()
    const seen: Record<string, MessageActionsControls> = {}
    const renders: Record<string, number> = {}
    function Probe({ id }: { id: string }) {
      seen[id] = useMessageActions(id)
      renders[id] = (renders[id] ?? 0) + 1
      return null
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        {['u1', 'a1', 'u2', 'a2', 'a3'].map((id) => (
          <Probe key={id} id={id} />
        ))}
      </AgentProvider>,
    )
    expect(seen.a2).toMatchObject({ canRegenerate: true, canEdit: false, isRunning: false })
    expect(seen.a1.canRegenerate).toBe(false) // not the last reply
    expect(seen.u1).toMatchObject({ canRegenerate: false, canEdit: true })
    expect(seen.a3).toMatchObject({ canRegenerate: false, canEdit: false, isStreaming: false })

    let done: Promise<unknown> = Promise.resolve()
    act(() => {
      done = store.run({ message: 'third' })
    })
    expect(seen.u1.isRunning).toBe(true)
    const input = inputs[0]
    emit({ type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId })
    emit({ type: 'TEXT_MESSAGE_START', messageId: 'a3', role: 'assistant' })
    emit({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'a3', delta: 'x' })
    nextFrame()
    expect(seen.a3.isStreaming).toBe(true)
    expect(seen.a3.canRegenerate).toBe(false)
    expect(seen.a2.canRegenerate).toBe(false) // a later reply exists
    const before = { ...renders }
    for (const delta of ['y', 'z', 'w']) {
      emit({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'a3', delta })
      nextFrame()
    }
    expect(renders).toEqual(before) // tokens flip no flag
    emit({ type: 'TEXT_MESSAGE_END', messageId: 'a3' })
    emit({ type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId })
    complete()
    await act(async () => {
      await done
    })
    nextFrame()
    expect(seen.a3).toMatchObject({ canRegenerate: true, isStreaming: false, isRunning: false })
    store.destroy()
  })

  it('bound actions call the store; refusals come back as AgentError', () => {
    const { store, inputs } = manualStore()
    let controls!: MessageActionsControls
    function Probe() {
      controls = useMessageActions('u2')
      return null
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Probe />
      </AgentProvider>,
    )
    const started = controls.regenerate() // u2 re-runs from itself: allowed
    expect(started).toBeInstanceOf(Promise)
    expect(inputs[0].messages.map((m) => m.id)).toEqual(['u1', 'a1', 'u2'])
    const busy = controls.editAndResend('changed')
    expect(busy).toBeInstanceOf(AgentError)
    expect((busy as AgentError).code).toBe('busy')
    store.destroy()
  })

  it('throws outside AgentProvider', () => {
    expectThrowsOutsideProvider('useMessageActions', () => useMessageActions('x'))
  })
})
