import { describe, expect, it, vi } from 'vitest'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import { createAgentStore, type Scheduler } from '../../../src/core/store'
import { createScriptedAgent, type ScriptStep } from '../../../src/testing'
import { finished, sleep, started, text, textRun } from '../../testing/scripts'

/** A scheduler whose frames the test fires by hand. */
function manualFrames() {
  const frames: Array<() => void> = []
  const scheduler: Scheduler = (flush) => frames.push(flush)
  return { frames, scheduler }
}

const assistantText = (snapshot: { messages: readonly { role: string; content?: unknown }[] }) =>
  snapshot.messages.filter((m) => m.role === 'assistant').map((m) => m.content)

describe('createAgentStore: run', () => {
  it('appends the user message, sends a complete RunAgentInput and resolves finished', async () => {
    const agent = createScriptedAgent(textRun('a1', ['Hel', 'lo']))
    const tools = [{ name: 'search', description: 'Search', parameters: {} }]
    const context = [{ description: 'user', value: 'Ada' }]
    const store = createAgentStore({
      agent,
      threadId: 't-1',
      tools,
      context,
      initialState: { n: 1 },
    })
    expect(store.getSnapshot().run.status).toBe('idle')

    const pending = store.run({ message: 'Hi', forwardedProps: { x: 1 } })
    expect(store.getSnapshot().run.status).toBe('running') // published at once
    const final = await pending

    const [input] = agent.inputs
    expect(input).toMatchObject({
      threadId: 't-1',
      protocolVersion: '1.1',
      state: { n: 1 },
      tools,
      context,
      forwardedProps: { x: 1 },
    })
    expect(input.runId).toMatch(/[0-9a-f-]{36}/)
    expect(input.messages).toHaveLength(1)
    expect(input.messages[0]).toMatchObject({ role: 'user', content: 'Hi' })
    expect(final.run.status).toBe('finished')
    expect(final.run.runId).toBe(input.runId)
    expect(final.messages.map((m) => m.role)).toEqual(['user', 'assistant'])
    expect(assistantText(final)).toEqual(['Hello'])
    expect(store.getSnapshot()).toBe(final)
  })

  it('accepts content parts and a complete UserMessage', async () => {
    const agent = createScriptedAgent((input) => [started(input), finished(input)])
    const store = createAgentStore({ agent })
    await store.run({ message: [{ type: 'text', text: 'parts' }] })
    await store.run({ message: { id: 'u-2', role: 'user', content: 'own id' } })
    const messages = store.getSnapshot().messages
    expect(messages[0]).toMatchObject({ role: 'user', content: [{ type: 'text', text: 'parts' }] })
    expect(messages[1]).toEqual({ id: 'u-2', role: 'user', content: 'own id' })
    expect(agent.inputs[1].messages).toHaveLength(2)
  })

  it('publishes at most once per frame under a burst of 1,000 events', async () => {
    const { frames, scheduler } = manualFrames()
    const deltas = Array.from({ length: 1000 }, () => 'x')
    const agent = createScriptedAgent((input) => [
      started(input),
      { type: 'TEXT_MESSAGE_START', messageId: 'a1', role: 'assistant' },
      ...deltas.map((delta) => ({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'a1', delta })),
      { delayMs: 50 },
      { type: 'TEXT_MESSAGE_END', messageId: 'a1' },
      finished(input),
    ])
    const store = createAgentStore({ agent, scheduler })
    let notifications = 0
    store.subscribe(() => notifications++)
    let applied = 0
    store.onEvent(() => applied++)

    const pending = store.run({ message: 'go' })
    expect(notifications).toBe(1) // the run's start
    const atStart = store.getSnapshot()
    await sleep(0) // the burst has been delivered
    expect(applied).toBe(1002)
    expect(frames).toHaveLength(1) // one flush scheduled for the whole burst
    expect(notifications).toBe(1)
    expect(store.getSnapshot()).toBe(atStart) // nothing published between frames

    frames[0]()
    expect(notifications).toBe(2)
    expect(assistantText(store.getSnapshot())).toEqual(['x'.repeat(1000)])

    const final = await pending
    expect(final.run.status).toBe('finished')
    expect(notifications).toBe(3) // the run's end published at once
    for (const frame of frames.slice(1)) frame()
    expect(notifications).toBe(3) // a late frame with nothing new does not notify
  })

  it('flush() publishes pending events immediately', async () => {
    const { scheduler } = manualFrames()
    const agent = createScriptedAgent((input) => [
      started(input),
      ...text('a1', ['a']),
      { delayMs: 20 },
      finished(input),
    ])
    const store = createAgentStore({ agent, scheduler })
    const pending = store.run()
    await sleep(0)
    expect(store.getSnapshot().messages).toHaveLength(0)
    store.flush()
    expect(assistantText(store.getSnapshot())).toEqual(['a'])
    await pending
  })

  it('busy: a run while another runs starts nothing and resolves with the current snapshot', async () => {
    const agent = createScriptedAgent((input) => [started(input), { delayMs: 20 }, finished(input)])
    const store = createAgentStore({ agent })
    const first = store.run({ message: 'one' })
    const before = store.getSnapshot()
    const second = await store.run({ message: 'two' })
    expect(second).toBe(before)
    expect(await store.retry()).toBe(before)
    expect(agent.inputs).toHaveLength(1)
    expect((await first).messages.filter((m) => m.role === 'user')).toHaveLength(1)
  })

  it('an empty runs list: run() without a message sends the thread as is', async () => {
    const agent = createScriptedAgent((input) => [started(input), finished(input)])
    const initialMessages = [{ id: 'u0', role: 'user' as const, content: 'restored' }]
    const store = createAgentStore({ agent, initialMessages })
    await store.run()
    expect(agent.inputs[0].messages).toEqual(initialMessages)
  })
})

describe('createAgentStore: stop and retry', () => {
  it('stop() aborts, calls abortRun, keeps partial messages and ends cancelled', async () => {
    const agent = createScriptedAgent((input) => [
      started(input),
      { type: 'TEXT_MESSAGE_START', messageId: 'a1', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a1', delta: 'Partial' },
      { delayMs: 1000 },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a1', delta: ' never' },
      finished(input),
    ])
    const abortRun = vi.fn()
    const runSpy = vi.spyOn(agent, 'run')
    const store = createAgentStore({ agent: Object.assign(agent, { abortRun }) })
    const pending = store.run({ message: 'Hi' })
    await sleep(0)
    store.stop()
    const final = await pending
    expect(final.run.status).toBe('cancelled')
    expect(final.run.error?.code).toBe('aborted')
    expect(assistantText(final)).toEqual(['Partial'])
    expect(final.streamingMessageIds).toEqual([])
    expect(abortRun).toHaveBeenCalledTimes(1)
    expect(runSpy.mock.calls[0][1]?.signal?.aborted).toBe(true)
    expect(store.getSnapshot()).toBe(final)
    store.stop() // no run: no-op
    expect(abortRun).toHaveBeenCalledTimes(1)
  })

  it('retry() re-sends the failed run request: same tools/forwardedProps, the thread as that run started', async () => {
    let attempt = 0
    const agent = createScriptedAgent((input): ScriptStep[] =>
      attempt++ === 0
        ? [started(input), ...text('a1', ['cut'])] // truncated
        : [started(input), ...text('a2', ['ok']), finished(input)],
    )
    const tools = [{ name: 't', description: 'd', parameters: {} }]
    const store = createAgentStore({ agent })
    const first = await store.run({ message: 'Q', tools, forwardedProps: { p: 1 } })
    expect(first.run.status).toBe('truncated')
    expect(first.run.error?.code).toBe('truncated')

    const second = await store.retry()
    expect(second.run.status).toBe('finished')
    const [one, two] = agent.inputs as [RunAgentInput, RunAgentInput]
    expect(two.runId).not.toBe(one.runId)
    expect(two.tools).toEqual(tools)
    expect(two.forwardedProps).toEqual({ p: 1 })
    expect(two.messages.filter((m) => m.role === 'user')).toHaveLength(1) // no new user message
    expect(first.messages.map((m) => m.role)).toEqual(['user', 'assistant']) // partial 'cut' kept for display
    expect(two.messages).toEqual(one.messages) // ...but the retry starts from where the failed run did
    expect(second.messages.map((m) => m.id)).toEqual([one.messages[0].id, 'a2'])
    expect(second.run.error).toBeUndefined()
  })
})
