import { describe, expect, it } from 'vitest'
import { AgentError } from '../../../src/core/protocol/AgentError'
import type { Interrupt, Message, RunAgentInput } from '../../../src/core/protocol/types'
import type { AgentSnapshot } from '../../../src/core/reducer/AgentSnapshot'
import { createAgentStore } from '../../../src/core/store'
import { createScriptedAgent } from '../../../src/testing'
import { agentOf, runOf, textReply, toolCall, until } from './hitlTestUtils'

/** The run a thread edit started; fails the test when the edit was refused. */
function ran(result: AgentError | Promise<AgentSnapshot>): Promise<AgentSnapshot> {
  if (result instanceof AgentError) throw result
  return result
}

const roles = (s: { messages: readonly Message[] }) => s.messages.map((m) => m.role)
const texts = (s: { messages: readonly Message[] }) => s.messages.map((m) => m.content)

/** The i-th run answers "reply <i>". */
const numbered = () =>
  createScriptedAgent((input: RunAgentInput, index) => textReply(input, `reply ${index}`))

async function twoTurns() {
  const agent = numbered()
  const store = createAgentStore({ agent })
  await store.run({ message: 'first' })
  await store.run({ message: 'second' })
  return { agent, store }
}

describe('store.regenerate', () => {
  it('drops the last reply and re-runs from the user message before it (same message)', async () => {
    const { agent, store } = await twoTurns()
    const userId = store.getSnapshot().messages[2].id
    const result = store.regenerate()
    expect(result).toBeInstanceOf(Promise)
    const final = await ran(result)
    expect(texts(final)).toEqual(['first', 'reply 0', 'second', 'reply 2'])
    expect(final.messages[2].id).toBe(userId)
    // The agent received the thread up to and including that user message, nothing after.
    expect(texts(agent.inputs[2])).toEqual(['first', 'reply 0', 'second'])
    expect(final.run.status).toBe('finished')
  })

  it('regenerates an earlier reply by id: everything after its user message goes', async () => {
    const { agent, store } = await twoTurns()
    const firstReply = store.getSnapshot().messages[1].id
    const final = await ran(store.regenerate(firstReply))
    expect(texts(final)).toEqual(['first', 'reply 2'])
    expect(texts(agent.inputs[2])).toEqual(['first'])
  })

  it('drops a reply made of several messages (tool call, tool result, text)', async () => {
    const agent = agentOf((input) =>
      runOf(input, [
        ...toolCall('c1', 'search', '{}', 'a1'),
        { type: 'TOOL_CALL_RESULT', messageId: 't1', toolCallId: 'c1', content: 'found' },
        { type: 'TEXT_MESSAGE_START', messageId: 'a2', role: 'assistant' },
        { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a2', delta: 'done' },
        { type: 'TEXT_MESSAGE_END', messageId: 'a2' },
      ]),
    )
    const store = createAgentStore({ agent })
    const first = await store.run({ message: 'go' })
    expect(roles(first)).toEqual(['user', 'assistant', 'tool', 'assistant'])
    const final = await ran(store.regenerate())
    expect(roles(final)).toEqual(['user', 'assistant'])
    expect(final.toolCalls).toEqual({})
    expect(roles(agent.inputs[1])).toEqual(['user'])
  })

  it('refuses while a run is running with AgentError busy, changing nothing', async () => {
    const agent = createScriptedAgent((input, index) =>
      index === 0 ? textReply(input, 'a') : [{ delayMs: 30 }, ...textReply(input, 'b')],
    )
    const store = createAgentStore({ agent })
    await store.run({ message: 'one' })
    const running = store.run({ message: 'two' })
    const before = store.getSnapshot()
    const refused = store.regenerate()
    expect(refused).toBeInstanceOf(AgentError)
    expect((refused as AgentError).code).toBe('busy')
    const edit = store.editAndResend(before.messages[0].id, 'x')
    expect((edit as AgentError).code).toBe('busy')
    expect(store.getSnapshot()).toBe(before)
    await running
    expect(agent.inputs).toHaveLength(2)
  })

  it('answers not_found for an unknown id, an empty thread, or no user message before', async () => {
    const store = createAgentStore({
      agent: numbered(),
      initialMessages: [{ id: 'a0', role: 'assistant', content: 'Welcome' }],
    })
    expect((store.regenerate('nope') as AgentError).code).toBe('not_found')
    expect((store.regenerate() as AgentError).code).toBe('not_found')
    const empty = createAgentStore({ agent: numbered() })
    expect((empty.regenerate() as AgentError).code).toBe('not_found')
    expect(store.getSnapshot().messages).toHaveLength(1)
  })

  it('refuses after destroy()', () => {
    const store = createAgentStore({ agent: numbered() })
    store.destroy()
    expect((store.regenerate() as AgentError).code).toBe('busy')
  })

  it('sends open interrupts as cancelled, like a new user message', async () => {
    const ask: Interrupt = { id: 'i1', reason: 'input_required', message: 'Which?' }
    const agent = agentOf(
      (input) => textReply(input, 'hi'),
      (input) => runOf(input, [], { type: 'interrupt', interrupts: [ask] }),
    )
    const store = createAgentStore({ agent })
    await store.run({ message: 'one' })
    const interrupted = await store.run({ message: 'two' })
    expect(interrupted.run.status).toBe('interrupted')
    const final = await ran(store.regenerate())
    expect(agent.inputs[2].resume).toEqual([{ interruptId: 'i1', status: 'cancelled' }])
    expect(final.interrupts).toEqual([])
    expect(final.run.status).toBe('finished')
  })
})

describe('store.editAndResend', () => {
  it('replaces the user message (new id), drops what follows and runs again', async () => {
    const { agent, store } = await twoTurns()
    const first = store.getSnapshot().messages[0]
    const final = await ran(
      store.editAndResend(first.id, 'first, edited', { forwardedProps: { x: 1 } }),
    )
    expect(texts(final)).toEqual(['first, edited', 'reply 2'])
    expect(final.messages[0].id).not.toBe(first.id)
    expect(final.messages[0].role).toBe('user')
    expect(texts(agent.inputs[2])).toEqual(['first, edited'])
    expect(agent.inputs[2].forwardedProps).toEqual({ x: 1 })
  })

  it('takes content parts', async () => {
    const { store } = await twoTurns()
    const second = store.getSnapshot().messages[2]
    const parts = [{ type: 'text' as const, text: 'parts' }]
    const final = await ran(store.editAndResend(second.id, parts))
    expect(final.messages[2]).toMatchObject({ role: 'user', content: parts })
    expect(final.messages).toHaveLength(4)
  })

  it('refuses a message that is not a user message, changing nothing', async () => {
    const { store } = await twoTurns()
    const before = store.getSnapshot()
    const error = store.editAndResend(before.messages[1].id, 'x')
    expect(error).toBeInstanceOf(AgentError)
    expect((error as AgentError).code).toBe('not_found')
    expect((store.editAndResend('missing', 'x') as AgentError).code).toBe('not_found')
    expect(store.getSnapshot()).toBe(before)
  })

  it('waits for nothing: the run is published running at once', async () => {
    const { store } = await twoTurns()
    const pending = store.editAndResend(store.getSnapshot().messages[0].id, 'again')
    expect(store.getSnapshot().run.status).toBe('running')
    expect(texts(store.getSnapshot())).toEqual(['again'])
    await ran(pending)
    await until(store, (s) => s.run.status === 'finished')
  })
})
