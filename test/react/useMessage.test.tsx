// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Message } from '../../src/core/protocol/types'
import { createAgentStore, type Scheduler } from '../../src/core/store'
import {
  AgentProvider,
  useAgentRun,
  useAgentSelector,
  useAgentStore,
  useIsStreaming,
  useMessage,
  useMessages,
} from '../../src/react'
import { createScriptedAgent } from '../../src/testing'
import { finished, started, text } from '../testing/scripts'
import { createManualAgent, modes, renderIn, expectThrowsOutsideProvider } from './harness'

afterEach(cleanup)

const history: Message[] = [
  { id: 'u1', role: 'user', content: 'first question' },
  { id: 'a1', role: 'assistant', content: 'first answer' },
]

/** A store whose frames the test fires by hand (inside act), over a manual agent. */
function manualStore() {
  const frames: Array<() => void> = []
  const scheduler: Scheduler = (flush) => frames.push(flush)
  const manual = createManualAgent()
  const store = createAgentStore({ agent: manual.agent, initialMessages: history, scheduler })
  const nextFrame = () => act(() => frames.splice(0).forEach((flush) => flush()))
  return { store, nextFrame, ...manual }
}

describe.each(modes)('useMessage / useMessages / useIsStreaming ($name)', (mode) => {
  it('useMessage re-renders only the row whose message changed', async () => {
    const { store, nextFrame, emit, complete, inputs } = manualStore()
    const renders: Record<string, number> = {}
    function Row({ id }: { id: string }) {
      const message = useMessage(id)
      const streaming = useIsStreaming(id)
      renders[id] = (renders[id] ?? 0) + 1
      return (
        <li data-testid={id} data-streaming={String(streaming)}>
          {message ? String(message.content) : '(none)'}
        </li>
      )
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Row id="u1" />
        <Row id="a1" />
        <Row id="a2" />
      </AgentProvider>,
    )
    expect(screen.getByTestId('a2').textContent).toBe('(none)')
    const before = { ...renders }

    let done: Promise<unknown> = Promise.resolve()
    act(() => {
      done = store.run()
    })
    const input = inputs[0]
    emit({ type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId })
    emit({ type: 'TEXT_MESSAGE_START', messageId: 'a2', role: 'assistant' })
    for (const [delta, expected] of [
      ['a', 'a'],
      ['b', 'ab'],
      ['c', 'abc'],
    ]) {
      emit({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'a2', delta })
      await nextFrame()
      expect(screen.getByTestId('a2').textContent).toBe(expected)
      expect(screen.getByTestId('a2').dataset.streaming).toBe('true')
    }
    emit({ type: 'TEXT_MESSAGE_END', messageId: 'a2' })
    emit({ type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId })
    act(() => complete())
    await act(() => done)
    expect(screen.getByTestId('a2').dataset.streaming).toBe('false')
    expect(renders.u1).toBe(before.u1)
    expect(renders.a1).toBe(before.a1)
    expect(renders.a2).toBeGreaterThan(before.a2 + 2)
  })

  it('useMessages returns the list, and a selection re-renders only when it changes', async () => {
    const agent = createScriptedAgent(
      (input) => [started(input), ...text('a2', ['x', 'y', 'z']), finished(input)],
      { delayMs: 5 },
    )
    let countRenders = 0
    function Count() {
      const count = useMessages((messages) => messages.length)
      countRenders++
      return <output data-testid="count">{count}</output>
    }
    function Last() {
      const messages = useMessages()
      return <output data-testid="last">{String(messages.at(-1)?.content)}</output>
    }
    let selectorRenders = 0
    function Roles() {
      const roles = useAgentSelector(
        (s) => s.messages.map((m) => m.role),
        (a, b) => a.join() === b.join(),
      )
      selectorRenders++
      return <output data-testid="roles">{roles.join(',')}</output>
    }
    const store = createAgentStore({ agent, initialMessages: history })
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Count />
        <Last />
        <Roles />
      </AgentProvider>,
    )
    const perCommit = mode.name === 'StrictMode' ? 2 : 1
    expect(screen.getByTestId('count').textContent).toBe('2')
    await act(() => store.run({ message: 'again' }))
    await waitFor(() => expect(screen.getByTestId('last').textContent).toBe('xyz'))
    expect(screen.getByTestId('count').textContent).toBe('4')
    expect(screen.getByTestId('roles').textContent).toBe('user,assistant,user,assistant')
    // mount + user message + assistant message: 3 commits at most, whatever the token count
    expect(countRenders).toBeLessThanOrEqual(3 * perCommit)
    expect(selectorRenders).toBeLessThanOrEqual(3 * perCommit)
  })
})

describe.each(modes)('useMessage with an id shared by a call and its result ($name)', (mode) => {
  it('returns the assistant message, streamed or restored, and an orphan result by its id', async () => {
    // As Microsoft's .NET AG-UI server streams it: `parentMessageId: ""`, result id = call id.
    const { store, nextFrame, emit, complete, inputs } = manualStore()
    function Row({ id }: { id: string }) {
      const message = useMessage(id)
      return <li data-testid={id}>{message ? message.role : '(none)'}</li>
    }
    renderIn(
      mode,
      <AgentProvider store={store}>
        <Row id="call_1" />
      </AgentProvider>,
    )
    let done: Promise<unknown> = Promise.resolve()
    act(() => {
      done = store.run()
    })
    const input = inputs[0]
    emit({ type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId })
    emit({ type: 'TOOL_CALL_START', toolCallId: 'call_1', toolCallName: 'f', parentMessageId: '' })
    emit({ type: 'TOOL_CALL_END', toolCallId: 'call_1' })
    await nextFrame()
    expect(screen.getByTestId('call_1').textContent).toBe('assistant')
    emit({ type: 'TOOL_CALL_RESULT', messageId: 'call_1', toolCallId: 'call_1', content: 'ok' })
    await nextFrame()
    expect(store.getSnapshot().messages.filter((m) => m.id === 'call_1')).toHaveLength(2)
    expect(screen.getByTestId('call_1').textContent).toBe('assistant')
    emit({ type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId })
    act(() => complete())
    await act(() => done)
    cleanup()

    // The same thread restored (plain messages, no hint yet), plus an orphan result.
    const restored = createAgentStore({
      agent: createManualAgent().agent,
      initialMessages: [
        ...store.getSnapshot().messages,
        { id: 'orphan', role: 'tool', toolCallId: 'unknown', content: 'lost' },
      ],
    })
    renderIn(
      mode,
      <AgentProvider store={restored}>
        <Row id="call_1" />
        <Row id="orphan" />
      </AgentProvider>,
    )
    expect(screen.getByTestId('call_1').textContent).toBe('assistant')
    expect(screen.getByTestId('orphan').textContent).toBe('tool')
  })
})

describe('hooks outside <AgentProvider>', () => {
  const hooks: Array<[string, () => unknown]> = [
    ['useAgentStore', () => useAgentStore()],
    ['useAgentSelector', () => useAgentSelector((s) => s.run.status)],
    ['useMessages', () => useMessages()],
    ['useMessage', () => useMessage('x')],
    ['useIsStreaming', () => useIsStreaming('x')],
    ['useAgentRun', () => useAgentRun()],
  ]
  it.each(hooks)('%s throws an error naming AgentProvider', (name, hook) =>
    expectThrowsOutsideProvider(name, hook),
  )
})
