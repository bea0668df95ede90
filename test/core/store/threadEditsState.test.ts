/**
 * Thread edits and retry rewind the agent state: a regenerated or edited turn runs from the
 * state its user message was sent with, and a retry from the state its failed run started from,
 * so the agent never applies a turn's state changes twice.
 */
import { describe, expect, it } from 'vitest'
import { AgentError } from '../../../src/core/protocol/AgentError'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import type { AgentSnapshot } from '../../../src/core/reducer/AgentSnapshot'
import { createAgentStore } from '../../../src/core/store'
import { createScriptedAgent } from '../../../src/testing'
import { runOf } from './hitlTestUtils'

/** The run a thread edit started; fails the test when the edit was refused. */
function ran(result: AgentError | Promise<AgentSnapshot>): Promise<AgentSnapshot> {
  if (result instanceof AgentError) throw result
  return result
}

interface Tasks {
  tasks: string[]
}

/**
 * An agent that adds the task named by the last user message to the state it was sent
 * (`STATE_DELTA` append) and replies "added <task>".
 */
function taskAgent() {
  return createScriptedAgent((input: RunAgentInput, index) => {
    const last = input.messages.at(-1)
    const task = typeof last?.content === 'string' ? last.content : '?'
    return runOf(input, [
      { type: 'STATE_DELTA', delta: [{ op: 'add', path: '/tasks/-', value: task }] },
      { type: 'TEXT_MESSAGE_START', messageId: `r${index}`, role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: `r${index}`, delta: `added ${task}` },
      { type: 'TEXT_MESSAGE_END', messageId: `r${index}` },
    ])
  })
}

const tasks = (s: AgentSnapshot) => (s.state as Tasks).tasks

async function twoTasks() {
  const agent = taskAgent()
  const store = createAgentStore({ agent, initialState: { tasks: [] } })
  await store.run({ message: 'a' })
  await store.run({ message: 'b' })
  expect(tasks(store.getSnapshot())).toEqual(['a', 'b'])
  return { agent, store }
}

describe('thread edits rewind the agent state', () => {
  it('regenerate runs from the state its user message was sent with: the task is not added twice', async () => {
    const { agent, store } = await twoTasks()
    const final = await ran(store.regenerate())
    expect((agent.inputs[2].state as Tasks).tasks).toEqual(['a'])
    expect(tasks(final)).toEqual(['a', 'b'])
  })

  it('regenerating an earlier reply goes back to the state before that turn', async () => {
    const { agent, store } = await twoTasks()
    const firstReply = store.getSnapshot().messages[1].id
    const final = await ran(store.regenerate(firstReply))
    expect((agent.inputs[2].state as Tasks).tasks).toEqual([])
    expect(tasks(final)).toEqual(['a'])
  })

  it('editAndResend runs from the state the edited message was sent with', async () => {
    const { agent, store } = await twoTasks()
    const first = store.getSnapshot().messages[0].id
    const final = await ran(store.editAndResend(first, 'c'))
    expect((agent.inputs[2].state as Tasks).tasks).toEqual([])
    expect(tasks(final)).toEqual(['c'])
    // The edited turn is the thread's first again: regenerating it rewinds to the same state.
    await ran(store.regenerate())
    expect((agent.inputs[3].state as Tasks).tasks).toEqual([])
  })

  it('a state given with the edit wins over the rewind', async () => {
    const { agent, store } = await twoTasks()
    await ran(store.regenerate(undefined, { state: { tasks: ['kept'] } }))
    expect((agent.inputs[2].state as Tasks).tasks).toEqual(['kept'])
  })

  it('setState before a message is part of the state that message was sent with', async () => {
    const agent = taskAgent()
    const store = createAgentStore({ agent, initialState: { tasks: [] } })
    store.setState({ tasks: ['mine'] })
    await store.run({ message: 'a' })
    await ran(store.regenerate())
    expect((agent.inputs[1].state as Tasks).tasks).toEqual(['mine'])
  })

  it('a thread restored without its history (initialMessages) keeps the current state', async () => {
    const agent = taskAgent()
    const store = createAgentStore({
      agent,
      initialMessages: [
        { id: 'u1', role: 'user', content: 'a' },
        { id: 'r1', role: 'assistant', content: 'added a' },
      ],
      initialState: { tasks: ['a'] },
    })
    await ran(store.regenerate())
    expect((agent.inputs[0].state as Tasks).tasks).toEqual(['a'])
  })
})

describe('retry rewinds the agent state', () => {
  it('a failed run that changed the state is retried from the state it started from', async () => {
    let attempt = 0
    const agent = createScriptedAgent((input: RunAgentInput) => {
      attempt++
      const added = { type: 'STATE_DELTA', delta: [{ op: 'add', path: '/tasks/-', value: 'x' }] }
      return attempt === 1
        ? [
            { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
            added,
            { type: 'RUN_ERROR', message: 'model overloaded' },
          ]
        : runOf(input, [added])
    })
    const store = createAgentStore({ agent, initialState: { tasks: [] } })
    const failed = await store.run({ message: 'add x' })
    expect(failed.run.status).toBe('error')
    expect(tasks(failed)).toEqual(['x'])
    const final = await store.retry()
    expect((agent.inputs[1].state as Tasks).tasks).toEqual([])
    expect(tasks(final)).toEqual(['x'])
  })
})
