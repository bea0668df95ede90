import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import type { Message } from '../../../src/core/protocol/types'
import { createAgentStore, createMemoryPolicyStore, hashArgs } from '../../../src/core/store'
import { createManualAgent } from '../../react/harness'
import { agentOf, runOf, textReply, toolCall, toolMessages, until } from './hitlTestUtils'

const idle = (agent: { inputs: unknown[] }, runs: number) => (s: { run: { status: string } }) =>
  agent.inputs.length === runs && s.run.status !== 'running'

const addTool = (handler: (args: { a: number }) => unknown = vi.fn((args) => args.a * 2)) => ({
  name: 'double',
  parameters: z.object({ a: z.number() }),
  requiresApproval: true,
  handler,
})

describe('approvals', () => {
  it('RUN_FINISHED 1 ms after TOOL_CALL_END: the approval stays pending until answered', async () => {
    const agent = agentOf((input) => [
      ...runOf(input, []).slice(0, 1),
      ...toolCall('c1', 'double', '{"a":21}'),
      { delayMs: 1 },
      runOf(input, [])[1],
    ])
    const store = createAgentStore({ agent })
    const handler = vi.fn((args: { a: number }) => args.a * 2)
    store.registerTool(addTool(handler))
    const seen: string[] = []
    store.onEvent((e, s) => {
      if (e.type === 'TOOL_CALL_END' || e.type === 'RUN_FINISHED')
        seen.push(`${e.type}:${s.approvals.c1?.state}`)
    })
    const first = await store.run({ message: 'go' })
    expect(seen).toEqual(['TOOL_CALL_END:pending', 'RUN_FINISHED:pending'])
    expect(first.approvals.c1.state).toBe('pending')
    await Promise.resolve()
    expect(store.getSnapshot().approvals.c1.state).toBe('pending') // still there after the run
    expect(handler).not.toHaveBeenCalled()

    store.approve('c1')
    store.approve('c1') // double click
    const final = await until(store, idle(agent, 2))
    expect(handler).toHaveBeenCalledOnce()
    expect(toolMessages(agent.inputs[1]).map((m) => m.content)).toEqual(['42'])
    expect(final.approvals.c1).toMatchObject({
      state: 'resolved',
      result: 42,
      decision: { type: 'approved', argsHash: hashArgs('{"a":21}'), by: 'user' },
    })
  })

  it('goes awaiting_args → pending → approved → executing → resolved', async () => {
    const manual = createManualAgent()
    const store = createAgentStore({ agent: manual.agent, scheduler: (f) => f() })
    let release: (v: unknown) => void = () => {}
    store.registerTool(addTool(vi.fn(() => new Promise((r) => (release = r)))))
    void store.run({ message: 'go' })
    manual.emit({ type: 'RUN_STARTED', threadId: manual.inputs[0].threadId, runId: 'r1' })
    manual.emit({ type: 'TOOL_CALL_START', toolCallId: 'c1', toolCallName: 'double' })
    manual.emit({ type: 'TOOL_CALL_ARGS', toolCallId: 'c1', delta: '{"a":' })
    expect(store.getSnapshot().approvals.c1).toMatchObject({
      state: 'awaiting_args',
      parsedArgs: {},
    })
    manual.emit({ type: 'TOOL_CALL_ARGS', toolCallId: 'c1', delta: '4}' })
    manual.emit({ type: 'TOOL_CALL_END', toolCallId: 'c1' })
    expect(store.getSnapshot().approvals.c1).toMatchObject({
      state: 'pending',
      parsedArgs: { a: 4 },
    })
    store.approve('c1') // decided while the run still runs: delivery waits for its end
    expect(store.getSnapshot().approvals.c1.state).toBe('approved')
    manual.emit({ type: 'RUN_FINISHED', threadId: manual.inputs[0].threadId, runId: 'r1' })
    manual.complete()
    await Promise.resolve()
    expect(store.getSnapshot().approvals.c1.state).toBe('executing')
    release(8)
    await until(store, (s) => s.approvals.c1.state === 'resolved')
    expect(manual.inputs).toHaveLength(2) // the follow-up
  })

  it('stop while pending: the approval stays; answering later sends the result and follows up', async () => {
    const manual = createManualAgent()
    const store = createAgentStore({ agent: manual.agent })
    const handler = vi.fn(() => 'done')
    store.registerTool(addTool(handler))
    const first = store.run({ message: 'go' })
    manual.emit({ type: 'RUN_STARTED', threadId: manual.inputs[0].threadId, runId: 'r1' })
    for (const e of toolCall('c1', 'double', '{"a":1}')) manual.emit(e)
    store.stop()
    const stopped = await first
    expect(stopped.run.status).toBe('cancelled')
    expect(stopped.approvals.c1.state).toBe('pending')
    await Promise.resolve()
    expect(handler).not.toHaveBeenCalled()
    expect(manual.inputs).toHaveLength(1)

    store.approve('c1')
    await until(store, () => manual.inputs.length === 2)
    expect(handler).toHaveBeenCalledOnce()
    expect(toolMessages(manual.inputs[1])).toEqual([
      expect.objectContaining({ toolCallId: 'c1', content: 'done' }),
    ])
  })

  it('reload: a new store rebuilds the pending approval from the messages; approving sends the result', async () => {
    const history: Message[] = [
      { id: 'u1', role: 'user', content: 'delete it' },
      {
        id: 'a1',
        role: 'assistant',
        toolCalls: [
          {
            id: 'old',
            type: 'function',
            function: { name: 'delete_file', arguments: '{"f":"a"}' },
          },
          { id: 'c1', type: 'function', function: { name: 'delete_file', arguments: '{"f":"b"}' } },
        ],
      },
      { id: 't-old', role: 'tool', toolCallId: 'old', content: '{"approved":true}' },
    ]
    const agent = agentOf(textReply)
    const store = createAgentStore({ agent, initialMessages: history })
    expect(store.getSnapshot().approvals).toEqual({}) // nothing known about the tool yet
    store.registerTool({ name: 'delete_file', requiresApproval: true })
    const s = store.getSnapshot()
    expect(Object.keys(s.approvals)).toEqual(['c1']) // the answered call needs nothing
    expect(s.approvals.c1).toMatchObject({ state: 'pending', parsedArgs: { f: 'b' } })
    expect(agent.inputs).toHaveLength(0) // creating/registering runs nothing

    store.deny('c1', 'keep it')
    await until(store, idle(agent, 1))
    expect(toolMessages(agent.inputs[0]).at(-1)).toMatchObject({
      toolCallId: 'c1',
      content: '{"approved":false,"reason":"keep it"}',
    })
  })

  it('edit: invalid edited args are rejected with a message; valid ones run the handler with them', async () => {
    const agent = agentOf((input) => runOf(input, toolCall('c1', 'double', '{"a":1}')))
    const store = createAgentStore({ agent })
    const handler = vi.fn((args: { a: number }) => args.a * 2)
    store.registerTool(addTool(handler))
    await store.run({ message: 'go' })

    const error = store.editArgs('c1', { a: 'ten' })
    expect(error?.code).toBe('invalid_args')
    expect(error?.message).toMatch(/^Invalid arguments for tool 'double': a: /)
    const rejected = store.getSnapshot().approvals.c1
    expect(rejected).toMatchObject({ state: 'pending', error })
    expect(rejected.decision).toBeUndefined()
    expect(store.editArgs('nope', {})?.code).toBe('not_found')

    expect(store.editArgs('c1', { a: 10 })).toBeUndefined()
    await until(store, idle(agent, 2))
    expect(handler).toHaveBeenCalledWith({ a: 10 }, expect.anything())
    const approval = store.getSnapshot().approvals.c1
    expect(approval).toMatchObject({
      state: 'resolved',
      result: 20,
      decision: { type: 'edited', args: { a: 10 }, argsHash: hashArgs({ a: 10 }) },
    })
    expect(approval.error).toBeUndefined()
  })

  it('args that change after a decision void it (back to pending, diagnostic)', async () => {
    const manual = createManualAgent()
    const store = createAgentStore({ agent: manual.agent })
    const handler = vi.fn(() => 'x')
    store.registerTool(addTool(handler))
    void store.run({ message: 'go' })
    manual.emit({ type: 'RUN_STARTED', threadId: manual.inputs[0].threadId, runId: 'r1' })
    for (const e of toolCall('c1', 'double', '{"a":1}')) manual.emit(e)
    store.approve('c1')
    expect(store.getSnapshot().approvals.c1.state).toBe('approved')
    for (const e of toolCall('c1', 'double', '{"a":999}')) manual.emit(e) // re-streamed
    manual.emit({ type: 'RUN_FINISHED', threadId: manual.inputs[0].threadId, runId: 'r1' })
    manual.complete()
    await Promise.resolve()
    const s = store.getSnapshot()
    expect(s.approvals.c1).toMatchObject({ state: 'pending', parsedArgs: { a: 999 } })
    expect(s.approvals.c1.decision).toBeUndefined()
    expect(s.diagnostics.map((d) => d.code)).toContain('approval_voided')
    expect(handler).not.toHaveBeenCalled()
  })

  it('requiresApproval as a predicate on the complete args', async () => {
    const agent = agentOf((input) =>
      runOf(input, [
        ...toolCall('small', 'pay', '{"amount":5}', 'a1'),
        ...toolCall('big', 'pay', '{"amount":500}', 'a1'),
      ]),
    )
    const store = createAgentStore({ agent })
    const handler = vi.fn(() => 'paid')
    store.registerTool({
      name: 'pay',
      handler,
      requiresApproval: (args: unknown) => (args as { amount: number }).amount > 100,
    })
    await store.run({ message: 'pay' })
    await Promise.resolve()
    expect(Object.keys(store.getSnapshot().approvals)).toEqual(['big'])
    // The small one ran; the follow-up waits for the big one's decision.
    await until(store, (s) => toolMessages(s).length === 1)
    expect(agent.inputs).toHaveLength(1)
    store.approve('big')
    await until(store, idle(agent, 2))
    expect(toolMessages(agent.inputs[1]).map((m) => m.toolCallId)).toEqual(['small', 'big'])
  })

  it('"always allow" through the policy store approves later calls by policy', async () => {
    const call = (id: string) => (input: Parameters<typeof textReply>[0]) =>
      runOf(input, toolCall(id, 'double', '{"a":1}'))
    const agent = agentOf(call('c1'), textReply, call('c2'))
    const policyStore = createMemoryPolicyStore()
    const store = createAgentStore({ agent, policyStore })
    store.registerTool(addTool())
    await store.run({ message: 'one' })
    store.approve('c1', { always: true })
    expect(policyStore.list()).toEqual(['double'])
    await until(store, idle(agent, 2))
    await store.run({ message: 'two' })
    const final = await until(store, idle(agent, 4))
    expect(final.approvals.c2).toMatchObject({ state: 'resolved', decision: { by: 'policy' } })
  })

  it('a new user message answers pending approvals and owed frontend calls with "cancelled"', async () => {
    const agent = agentOf((input) => runOf(input, toolCall('c1', 'double', '{"a":1}')))
    const store = createAgentStore({ agent })
    store.registerTool(addTool())
    await store.run({ message: 'go' })
    await store.run({ message: 'never mind' })
    const input = agent.inputs[1]
    expect(input.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'user'])
    expect(toolMessages(input)[0]).toMatchObject({
      toolCallId: 'c1',
      content: '{"cancelled":true,"reason":"The user sent a new message."}',
      error: 'The user sent a new message.',
    })
    expect(store.getSnapshot().approvals.c1.state).toBe('cancelled')
    store.approve('c1') // too late: nothing happens
    expect(store.getSnapshot().approvals.c1.state).toBe('cancelled')
  })
})
