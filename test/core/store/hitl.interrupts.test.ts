import { describe, expect, it } from 'vitest'
import type { Interrupt, RunAgentInput } from '../../../src/core/protocol/types'
import { createAgentStore, snapshotToPersisted } from '../../../src/core/store'
import { createScriptedAgent } from '../../../src/testing'
import { agentOf, runOf, textReply, toolCall, until } from './hitlTestUtils'

const NOW = Date.parse('2025-01-01T12:00:00Z')
const ask = (id: string, extra: Partial<Interrupt> = {}): Interrupt => ({
  id,
  reason: 'input_required',
  message: `Question ${id}`,
  responseSchema: {
    type: 'object',
    properties: { answer: { type: 'string', enum: ['yes', 'no'] } },
    required: ['answer'],
  },
  ...extra,
})
const interruptRun =
  (...interrupts: Interrupt[]) =>
  (input: RunAgentInput) =>
    runOf(input, [], { type: 'interrupt', interrupts })
const idle = (agent: { inputs: unknown[] }, runs: number) => (s: { run: { status: string } }) =>
  agent.inputs.length === runs && s.run.status !== 'running'

describe('interrupts', () => {
  it('waits until every open interrupt is answered or cancelled, then one resume[] covers all', async () => {
    const agent = agentOf(interruptRun(ask('i1'), ask('i2'), ask('i3')))
    const store = createAgentStore({ agent })
    const first = await store.run({ message: 'setup' })
    expect(first.run.status).toBe('interrupted')
    expect(first.interrupts.map((i) => [i.id, i.state])).toEqual([
      ['i1', 'open'],
      ['i2', 'open'],
      ['i3', 'open'],
    ])
    expect(store.respondToInterrupt('i1', { answer: 'yes' })).toBeUndefined()
    expect(store.getSnapshot().interrupts[0]).toMatchObject({
      state: 'answered',
      response: { interruptId: 'i1', status: 'resolved', payload: { answer: 'yes' } },
    })
    store.cancelInterrupt('i2')
    await Promise.resolve()
    expect(agent.inputs).toHaveLength(1) // i3 is still open
    expect(store.respondToInterrupt('i3', { answer: 'maybe' })?.code).toBe('invalid_payload')
    expect(store.respondToInterrupt('zz', {})?.code).toBe('not_found')
    expect(store.respondToInterrupt('i3', { answer: 'no' })).toBeUndefined()
    const final = await until(store, idle(agent, 2))
    expect(agent.inputs[1].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: { answer: 'yes' } },
      { interruptId: 'i2', status: 'cancelled' },
      { interruptId: 'i3', status: 'resolved', payload: { answer: 'no' } },
    ])
    expect(final.interrupts).toEqual([])
  })

  it('respondToAllInterrupts is all or nothing; a function payload answers each', async () => {
    const agent = agentOf(interruptRun(ask('i1'), ask('i2')))
    const store = createAgentStore({ agent })
    await store.run({ message: 'x' })
    const error = store.respondToAllInterrupts((i: { id: string }) => ({
      answer: i.id === 'i1' ? 'yes' : 'bad',
    }))
    expect(error?.code).toBe('invalid_payload')
    expect(store.getSnapshot().interrupts.map((i) => i.state)).toEqual(['open', 'open'])
    expect(store.respondToAllInterrupts({ answer: 'no' })).toBeUndefined()
    await until(store, idle(agent, 2))
    expect(agent.inputs[1].resume?.map((r) => r.payload)).toEqual([
      { answer: 'no' },
      { answer: 'no' },
    ])
  })

  it('an interrupt past expiresAt can only be cancelled', async () => {
    const agent = agentOf(
      interruptRun(
        ask('late', { expiresAt: '2025-01-01T11:59:00Z' }),
        ask('fine', { expiresAt: '2025-01-01T13:00:00Z' }),
      ),
    )
    const store = createAgentStore({ agent, now: () => NOW })
    const first = await store.run({ message: 'x' })
    expect(first.interrupts.map((i) => [i.id, i.state, i.expiresAtMs])).toEqual([
      ['late', 'expired', Date.parse('2025-01-01T11:59:00Z')],
      ['fine', 'open', Date.parse('2025-01-01T13:00:00Z')],
    ])
    const error = store.respondToInterrupt('late', { answer: 'yes' })
    expect(error?.code).toBe('interrupt_expired')
    expect(error?.message).toMatch(/can only be cancelled/)
    expect(store.respondToInterrupt('fine', { answer: 'yes' })).toBeUndefined()
    await Promise.resolve()
    expect(agent.inputs).toHaveLength(1) // the expired one still needs a person's cancel
    store.cancelInterrupt('late')
    await until(store, idle(agent, 2))
    expect(agent.inputs[1].resume).toEqual([
      { interruptId: 'late', status: 'cancelled' },
      { interruptId: 'fine', status: 'resolved', payload: { answer: 'yes' } },
    ])
  })

  it('an interrupt expiring while open turns expired (timer) and its approval too', async () => {
    let now = NOW
    const expiresAt = new Date(NOW + 30).toISOString()
    const agent = agentOf((input) =>
      runOf(input, toolCall('c1', 'rm', '{}'), {
        type: 'interrupt',
        interrupts: [{ id: 'i1', reason: 'tool_call', toolCallId: 'c1', expiresAt }],
      }),
    )
    const store = createAgentStore({ agent, now: () => now })
    const first = await store.run({ message: 'x' })
    expect(first.approvals.c1).toMatchObject({
      state: 'pending',
      interruptId: 'i1',
      expiresAt: NOW + 30,
    })
    now = NOW + 31
    const s = await until(store, (x) => x.interrupts[0]?.state === 'expired')
    expect(s.approvals.c1.state).toBe('expired')
    store.approve('c1') // not pending: ignored
    expect(store.getSnapshot().interrupts[0].state).toBe('expired')
  })

  it('a resume the server rejects keeps the interrupts open with resume_rejected; the thread stays usable', async () => {
    let index = 0
    const agent = createScriptedAgent((input) => {
      index++
      if (index === 1) return interruptRun(ask('i1'))(input)
      if (index === 2)
        return [
          { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
          { type: 'RUN_ERROR', message: 'unknown interrupt', code: 'bad_resume' },
        ]
      return textReply(input)
    })
    const store = createAgentStore({ agent })
    await store.run({ message: 'x' })
    store.respondToInterrupt('i1', { answer: 'yes' })
    const rejected = await until(store, idle(agent, 2))
    expect(rejected.run.status).toBe('error')
    expect(rejected.interrupts[0]).toMatchObject({
      id: 'i1',
      state: 'open',
      response: { payload: { answer: 'yes' } },
      error: { code: 'resume_rejected', message: expect.stringMatching(/unknown interrupt/) },
    })
    // resume() re-sends the kept answer.
    const final = await store.resume()
    expect(agent.inputs[2].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: { answer: 'yes' } },
    ])
    expect(final.run.status).toBe('finished')
    expect(final.interrupts).toEqual([])
  })

  it('an HTTP failure of the resume run is a rejection too; answering again resumes', async () => {
    let index = 0
    const agent = {
      run(input: RunAgentInput, options: never) {
        index++
        if (index === 2)
          return {
            subscribe(o: { error?: (e: unknown) => void }) {
              queueMicrotask(() =>
                o.error?.(
                  Object.assign(new Error('503'), { name: 'AgentError', code: 'http_error' }),
                ),
              )
              return { unsubscribe() {} }
            },
          }
        return scripted.run(input, options)
      },
    }
    const scripted = createScriptedAgent((input) =>
      index === 1 ? interruptRun(ask('i1'))(input) : textReply(input),
    )
    const store = createAgentStore({ agent: agent as never })
    await store.run({ message: 'x' })
    store.respondToInterrupt('i1', { answer: 'no' })
    const rejected = await until(store, (s) => index === 2 && s.run.status === 'error')
    expect(rejected.interrupts[0]).toMatchObject({
      state: 'open',
      error: { code: 'resume_rejected' },
    })
    store.respondToInterrupt('i1', { answer: 'yes' })
    const final = await until(store, (s) => index === 3 && s.run.status === 'finished')
    expect(final.interrupts).toEqual([])
  })

  it('a new user message sends open interrupts as cancelled resume entries', async () => {
    const agent = agentOf(interruptRun(ask('i1'), ask('i2')))
    const store = createAgentStore({ agent })
    await store.run({ message: 'x' })
    store.respondToInterrupt('i1', { answer: 'yes' })
    await store.run({ message: 'something else' })
    expect(agent.inputs[1].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: { answer: 'yes' } },
      { interruptId: 'i2', status: 'cancelled' },
    ])
  })

  it('autoResume: false waits for resume()', async () => {
    const agent = agentOf(interruptRun(ask('i1')))
    const store = createAgentStore({ agent, autoResume: false })
    await store.run({ message: 'x' })
    store.respondToInterrupt('i1', { answer: 'yes' })
    await Promise.resolve()
    expect(agent.inputs).toHaveLength(1)
    await store.resume()
    expect(agent.inputs[1].resume).toHaveLength(1)
  })

  it('an interrupt without id fails the run with an explained invalid_event', async () => {
    const agent = createScriptedAgent((input) =>
      runOf(input, [], { type: 'interrupt', interrupts: [{ reason: 'input_required' }] }),
    )
    const store = createAgentStore({ agent })
    const final = await store.run({ message: 'x' })
    expect(final.run.status).toBe('error')
    expect(final.run.error?.code).toBe('invalid_event')
    expect(final.run.error?.message).toMatch(/interrupts/)
    expect(final.run.error?.message).toMatch(/id/)
    expect(final.interrupts).toEqual([])
    // The thread stays usable.
    const agent2 = createAgentStore({
      agent: agentOf(textReply),
      initialMessages: [...final.messages],
    })
    expect((await agent2.run({ message: 'again' })).run.status).toBe('finished')
  })

  it('reload: snapshotToPersisted round-trips interrupts and pending approvals', async () => {
    const agent = agentOf((input) =>
      runOf(input, toolCall('c1', 'rm', '{"f":"x"}'), {
        type: 'interrupt',
        interrupts: [{ id: 'i1', reason: 'tool_call', toolCallId: 'c1' }, ask('i2')],
      }),
    )
    const store = createAgentStore({ agent, threadId: 't1' })
    await store.run({ message: 'x' })
    store.respondToInterrupt('i2', { answer: 'yes' })
    const saved = JSON.parse(JSON.stringify(snapshotToPersisted(store.getSnapshot())))
    expect(saved.interrupts).toEqual([
      { id: 'i1', reason: 'tool_call', toolCallId: 'c1' },
      ask('i2'),
    ])

    const next = agentOf(textReply)
    const restored = createAgentStore({
      agent: next,
      threadId: saved.threadId,
      initialMessages: saved.messages,
      initialInterrupts: saved.interrupts,
    })
    const s = restored.getSnapshot()
    expect(s.interrupts.map((i) => i.state)).toEqual(['open', 'open'])
    expect(s.approvals.c1).toMatchObject({
      state: 'pending',
      interruptId: 'i1',
      parsedArgs: { f: 'x' },
    })
    restored.deny('c1', 'no')
    restored.respondToInterrupt('i2', { answer: 'no' })
    await until(restored, idle(next, 1))
    expect(next.inputs[0].threadId).toBe('t1')
    expect(next.inputs[0].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: { approved: false, reason: 'no' } },
      { interruptId: 'i2', status: 'resolved', payload: { answer: 'no' } },
    ])
  })
  it('reload: staged answers survive (validated again: one expired meanwhile is refused)', async () => {
    const soon = new Date(NOW + 60_000).toISOString()
    const agent = agentOf(interruptRun(ask('i1'), ask('i2'), ask('i3', { expiresAt: soon })))
    const store = createAgentStore({ agent, threadId: 't1', now: () => NOW, autoResume: false })
    await store.run({ message: 'x' })
    store.respondToInterrupt('i1', { answer: 'yes' })
    store.cancelInterrupt('i2')
    store.respondToInterrupt('i3', { answer: 'no' })
    const saved = JSON.parse(JSON.stringify(snapshotToPersisted(store.getSnapshot())))
    expect(saved.resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: { answer: 'yes' } },
      { interruptId: 'i2', status: 'cancelled' },
      { interruptId: 'i3', status: 'resolved', payload: { answer: 'no' } },
    ])

    const next = agentOf(textReply)
    const restored = createAgentStore({
      agent: next,
      threadId: saved.threadId,
      initialMessages: saved.messages,
      initialInterrupts: saved.interrupts,
      initialResume: saved.resume,
      now: () => NOW + 120_000, // i3's deadline passed while the page was away
    })
    const s = restored.getSnapshot()
    expect(s.interrupts.map((i) => [i.id, i.state])).toEqual([
      ['i1', 'answered'],
      ['i2', 'cancelled'],
      ['i3', 'expired'],
    ])
    expect(s.interrupts[2]!.error?.code).toBe('interrupt_expired')
    expect(next.inputs).toHaveLength(0)
    restored.cancelInterrupt('i3')
    await until(restored, idle(next, 1))
    expect(next.inputs[0].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: { answer: 'yes' } },
      { interruptId: 'i2', status: 'cancelled' },
      { interruptId: 'i3', status: 'cancelled' },
    ])
  })
})
