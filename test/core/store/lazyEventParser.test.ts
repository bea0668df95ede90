/**
 * The store validates the events of agents that do not (`validatesEvents` unset) with the event
 * validator it loads lazily (issue 7): what the agent delivers before the chunk is there is
 * held, in order, not lost; a chunk that fails to load ends the run with `load_failed`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Agent } from '../../../src/core/transport/Agent'
import { gateEventParser, turns } from '../protocol/gateEventParser'

let gate: ReturnType<typeof gateEventParser> | undefined
afterEach(() => gate?.restore())

const reply = [
  { type: 'RUN_STARTED', threadId: 't1', runId: 'r' },
  { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
  { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'a' },
  { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'b' },
  { type: 'TEXT_MESSAGE_END', messageId: 'm' },
  { type: 'RUN_FINISHED', threadId: 't1', runId: 'r' },
]

/** An agent that delivers `events` synchronously on subscribe, then completes (a cache, a replay). */
function syncAgent(events: unknown[]) {
  const signals: AbortSignal[] = []
  const agent: Agent = {
    run: (_input, options) => ({
      subscribe(observer) {
        const o = observer as { next(e: unknown): void; complete(): void }
        if (options?.signal) signals.push(options.signal)
        for (const e of events) o.next(e)
        o.complete()
        return { unsubscribe() {} }
      },
    }),
  }
  return { agent, signals }
}

async function freshStore(events: unknown[]) {
  const { createAgentStore } = await import('../../../src/core/store')
  const { agent, signals } = syncAgent(events)
  return { store: createAgentStore({ agent, threadId: 't1' }), signals }
}

describe('store: events that arrive while the event validator loads', () => {
  it('are held, then validated and applied in order once it is there', async () => {
    gate = gateEventParser()
    const { store } = await freshStore(reply)
    const done = store.run({ message: 'hi' })
    await turns()
    expect(store.getSnapshot().run.status).toBe('running')
    expect(store.getSnapshot().messages.map((m) => m.role)).toEqual(['user'])
    gate.open()
    const s = await done
    expect(s.run.status).toBe('finished')
    expect(s.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'hi'],
      ['assistant', 'ab'],
    ])
  })

  it('are validated: an invalid one ends the run with invalid_event, what came before kept', async () => {
    gate = gateEventParser()
    const bad = { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 42 }
    const { store } = await freshStore([...reply.slice(0, 3), bad, ...reply.slice(4)])
    const done = store.run({ message: 'hi' })
    gate.open()
    const s = await done
    expect(s.run.status).toBe('error')
    expect(s.run.error).toMatchObject({ code: 'invalid_event' })
    expect(s.messages[1]).toMatchObject({ role: 'assistant', content: 'a' })
  })

  it('a chunk that fails to load ends the run with load_failed (source aborted), never throws', async () => {
    gate = gateEventParser('fail')
    const { store, signals } = await freshStore(reply)
    const s = await store.run({ message: 'hi' })
    expect(s.run.status).toBe('error')
    expect(s.run.error).toMatchObject({ code: 'load_failed', retryable: true })
    expect(signals[0].aborted).toBe(true)
    expect(s.messages.map((m) => m.role)).toEqual(['user'])
  })

  it('stop() while loading ends the run cancelled; the load finishing later changes nothing', async () => {
    gate = gateEventParser()
    const { store } = await freshStore(reply)
    const done = store.run({ message: 'hi' })
    store.stop()
    const s = await done
    expect(s.run.status).toBe('cancelled')
    gate.open()
    await turns()
    expect(store.getSnapshot()).toBe(s)
  })
})
