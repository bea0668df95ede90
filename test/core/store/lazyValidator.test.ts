import { describe, expect, it, vi } from 'vitest'
import type { Interrupt } from '../../../src/core/protocol/types'
import { agentOf, textReply, until } from './hitlTestUtils'

/** An interrupt whose answer must be `'yes'` or `'no'`. */
const yesNo = (id: string): Interrupt => ({
  id,
  reason: 'confirm',
  responseSchema: { enum: ['yes', 'no'] },
})

/** The store from fresh modules: its responseSchema validator chunk not loaded yet. */
async function freshStore(interrupts: Interrupt[]) {
  vi.resetModules()
  const { createAgentStore } = await import('../../../src/core/store')
  const agent = agentOf(textReply)
  const store = createAgentStore({ agent, threadId: 't1', initialInterrupts: interrupts })
  return { agent, store }
}

describe('answers given while the responseSchema validator is loading (a reload, a fast click)', () => {
  it('are judged once it is loaded: a valid answer is staged then, and the resume run goes', async () => {
    const { agent, store } = await freshStore([yesNo('i1')])
    expect(store.respondToInterrupt('i1', 'yes')).toBeUndefined()
    expect(store.getSnapshot().interrupts[0].state).toBe('open') // not judged yet
    await until(store, (s) => agent.inputs.length === 1 && s.run.status === 'finished')
    expect(agent.inputs[0].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: 'yes' },
    ])
  })

  it('an invalid one is refused once loaded: the interrupt stays open with invalid_payload', async () => {
    const { agent, store } = await freshStore([yesNo('i1')])
    expect(store.respondToInterrupt('i1', 'maybe')).toBeUndefined()
    const s = await until(store, (s) => s.interrupts[0].error !== undefined)
    expect(s.interrupts[0]).toMatchObject({ state: 'open', error: { code: 'invalid_payload' } })
    expect(agent.inputs).toHaveLength(0)
    expect(store.respondToInterrupt('i1', 'no')).toBeUndefined() // loaded: at once
    expect(store.getSnapshot().interrupts[0].state).not.toBe('open')
    await until(store, (s) => agent.inputs.length === 1 && s.run.status === 'finished')
    expect(agent.inputs[0].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: 'no' },
    ])
  })
})
