import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import { createAgentStore } from '../../src/core/store'
import { createScriptedAgent, type ScriptStep } from '../../src/testing'
import { loadRecorded } from '../conformance/fixtures'
import { until } from '../core/store/hitlTestUtils'

const recorded = new Map(loadRecorded().map((r) => [r.name, r.events as ScriptStep[]]))

/** Both turns of a recorded-dotnet conversation, as one scripted agent (run 0, run 1). */
function conversation(step: string) {
  const turns = [1, 2].map((n) => {
    const name = [...recorded.keys()].find((k) => k.startsWith(step) && k.includes(`Turn_0${n}`))
    if (!name) throw new Error(`no recorded turn ${n} for ${step}`)
    return recorded.get(name)!
  })
  return createScriptedAgent((_input, index) => turns[index] ?? [])
}

const user = { id: 'u1', role: 'user' as const, content: 'Hello' }

describe('recorded-dotnet human in the loop, replayed through the store', () => {
  it('Step03 frontend tool: runs the handler, sends its result and the follow-up turn', async () => {
    const agent = conversation('Step03_FrontendTools')
    const store = createAgentStore({ agent, threadId: 'thread_Id_1' })
    const handler = vi.fn(() => 'Amsterdam, The Netherlands')
    store.registerTool({
      name: 'GetUserLocation',
      description: "Get the user's location",
      parameters: z.object({}),
      handler,
    })
    await store.run({ message: user })
    const final = await until(
      store,
      (s) => agent.inputs.length === 2 && s.run.status === 'finished',
    )

    const tool = {
      name: 'GetUserLocation',
      description: "Get the user's location",
      parameters: { type: 'object', properties: {} },
    }
    expect(agent.inputs[0].tools).toEqual([tool])
    expect(handler).toHaveBeenCalledOnce()
    expect(handler).toHaveBeenCalledWith({}, expect.objectContaining({ toolCallId: 'call_Id_1' }))
    const second = agent.inputs[1]
    expect(second.tools).toEqual([tool])
    expect(second.resume).toBeUndefined()
    expect(second.messages).toEqual([
      user,
      {
        id: 'call_Id_1',
        role: 'assistant',
        toolCalls: [
          {
            id: 'call_Id_1',
            type: 'function',
            function: { name: 'GetUserLocation', arguments: '{}' },
          },
        ],
      },
      {
        id: expect.any(String),
        role: 'tool',
        toolCallId: 'call_Id_1',
        content: 'Amsterdam, The Netherlands',
      },
    ])
    expect(final.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant'])
    expect(final.messages[3].content).toMatch(/^Great/)
    expect(final.approvals).toEqual({})
  })

  it('Step04 approval pattern: the decision goes back as the request_approval tool message', async () => {
    const agent = conversation('Step04_HumanInLoop')
    const store = createAgentStore({ agent, threadId: 'thread_Id_1' })
    store.registerTool({ name: 'request_approval', requiresApproval: true })
    const first = await store.run({ message: user })

    // The run ended with the call unanswered: the approval waits for a person.
    expect(first.run.status).toBe('finished')
    const pending = first.approvals.call_Id_1
    expect(pending).toMatchObject({ toolName: 'request_approval', state: 'pending' })
    expect(pending.parsedArgs).toMatchObject({
      request: {
        function_name: 'ApproveExpenseReport',
        function_arguments: { expenseReportId: 'EXP-2024-001' },
      },
    })
    expect(agent.inputs).toHaveLength(1)

    store.approve('call_Id_1')
    store.approve('call_Id_1') // double click: one result
    const final = await until(
      store,
      (s) => agent.inputs.length === 2 && s.run.status === 'finished',
    )

    const second = agent.inputs[1]
    expect(second.tools).toEqual([]) // a backend tool is never sent in tools
    expect(second.resume).toBeUndefined()
    expect(second.messages.slice(1)).toEqual([
      {
        id: 'call_Id_1',
        role: 'assistant',
        toolCalls: [
          {
            id: 'call_Id_1',
            type: 'function',
            function: { name: 'request_approval', arguments: first.toolCalls.call_Id_1.args },
          },
        ],
      },
      {
        id: expect.any(String),
        role: 'tool',
        toolCallId: 'call_Id_1',
        content: '{"approved":true}',
      },
    ])
    expect(final.approvals.call_Id_1).toMatchObject({
      state: 'resolved',
      toolName: 'request_approval',
      result: { approved: true },
      decision: { type: 'approved', by: 'user' },
    })
    expect(final.messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: expect.stringMatching(/^Done/),
    })
  })

  it('Step04 denied with a reason: the reason is the tool result', async () => {
    const agent = conversation('Step04_HumanInLoop')
    const store = createAgentStore({ agent })
    store.registerTool({ name: 'request_approval', requiresApproval: true })
    await store.run({ message: user })
    store.deny('call_Id_1', 'Over budget')
    await until(store, (s) => agent.inputs.length === 2 && s.run.status === 'finished')
    expect(agent.inputs[1].messages.at(-1)).toMatchObject({
      role: 'tool',
      toolCallId: 'call_Id_1',
      content: '{"approved":false,"reason":"Over budget"}',
    })
  })

  it('Step09 tool-approval interrupt: approve answers it in resume[] of the second turn', async () => {
    const agent = conversation('Step09_InterruptsApproval')
    const store = createAgentStore({ agent, threadId: 'thread_Id_1' })
    store.registerTool({ name: 'delete_file', requiresApproval: true })
    const first = await store.run({ message: user })

    expect(first.run.status).toBe('interrupted')
    expect(first.interrupts).toEqual([
      expect.objectContaining({
        id: 'ficc_Id_1',
        reason: 'tool_call',
        toolCallId: 'call_Id_1',
        state: 'open',
      }),
    ])
    expect(first.approvals.call_Id_1).toMatchObject({
      state: 'pending',
      interruptId: 'ficc_Id_1',
      parsedArgs: { filename: 'report-draft.txt' },
    })

    store.approve('call_Id_1')
    const final = await until(
      store,
      (s) => agent.inputs.length === 2 && s.run.status === 'finished',
    )

    const second = agent.inputs[1]
    expect(second.resume).toEqual([
      { interruptId: 'ficc_Id_1', status: 'resolved', payload: { approved: true } },
    ])
    // The interrupt is answered by resume[], not by a tool message.
    expect(second.messages).toEqual([
      user,
      {
        id: 'call_Id_1',
        role: 'assistant',
        toolCalls: [
          {
            id: 'call_Id_1',
            type: 'function',
            function: { name: 'delete_file', arguments: '{"filename":"report-draft.txt"}' },
          },
        ],
      },
    ])
    expect(second.tools).toEqual([])
    expect(final.interrupts).toEqual([])
    expect(final.approvals.call_Id_1).toMatchObject({
      state: 'resolved',
      decision: { type: 'approved' },
    })
    expect(final.messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: expect.stringMatching(/^Done/),
    })
  })

  it('Step09 without registering the tool: the interrupt alone gates the call; edit sends editedArgs', async () => {
    const agent = conversation('Step09_InterruptsApproval')
    const store = createAgentStore({ agent })
    await store.run({ message: user })
    expect(store.getSnapshot().approvals.call_Id_1?.state).toBe('pending')
    expect(store.editArgs('call_Id_1', { filename: 'old-draft.txt' })).toBeUndefined()
    await until(store, (s) => agent.inputs.length === 2 && s.run.status === 'finished')
    expect(agent.inputs[1].resume).toEqual([
      {
        interruptId: 'ficc_Id_1',
        status: 'resolved',
        payload: { approved: true, editedArgs: { filename: 'old-draft.txt' } },
      },
    ])
  })

  it('Step10 input interrupt: the payload is validated against responseSchema, then resumed', async () => {
    const agent = conversation('Step10_InterruptsUserInput')
    const store = createAgentStore({ agent, threadId: 'thread_Id_1' })
    const first = await store.run({ message: user })
    expect(first.interrupts).toEqual([
      expect.objectContaining({
        id: 'call_Id_1',
        reason: 'input_required',
        message: 'What username would you like to use?',
        state: 'open',
      }),
    ])
    expect(first.approvals).toEqual({})

    const invalid = store.respondToInterrupt('call_Id_1', { response: 42 })
    expect(invalid?.code).toBe('invalid_payload')
    expect(invalid?.message).toMatch(/response/)
    expect(store.getSnapshot().interrupts[0]).toMatchObject({ state: 'open', error: invalid })
    expect(agent.inputs).toHaveLength(1)

    expect(store.respondToInterrupt('call_Id_1', { response: 'johndoe42' })).toBeUndefined()
    const final = await until(
      store,
      (s) => agent.inputs.length === 2 && s.run.status === 'finished',
    )
    expect(agent.inputs[1].resume).toEqual([
      { interruptId: 'call_Id_1', status: 'resolved', payload: { response: 'johndoe42' } },
    ])
    expect(agent.inputs[1].messages).toEqual([user])
    expect(final.interrupts).toEqual([])
    expect(final.messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: 'Your account has been created with the username johndoe42.',
    })
  })
})
