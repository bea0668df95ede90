import { describe, expect, it } from 'vitest'
import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'
import { createReplayBuffer } from '../../src/server/createReplayBuffer'
import { createResyncStore } from '../../src/server/createResyncStore'

const input = (threadId: string, runId: string): RunAgentInput => ({
  threadId,
  runId,
  messages: [{ id: 'u', role: 'user', content: 'hi' }],
  tools: [],
  context: [],
  state: { n: 0 },
})

/** An ended run's buffer: RUN_STARTED, a whole text message, a state delta, RUN_FINISHED. */
function endedBuffer(threadId: string, runId: string, maxEvents = 100) {
  const buffer = createReplayBuffer({ maxEvents })
  const events = [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
    { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'hello' },
    { type: 'TEXT_MESSAGE_END', messageId: 'm' },
    { type: 'STATE_DELTA', delta: [{ op: 'replace', path: '/n', value: 1 }] },
    { type: 'RUN_FINISHED', threadId, runId },
  ]
  for (const e of events) buffer.append(e as unknown as BaseEvent)
  buffer.end()
  return buffer
}

const parsed = (frames: ReadonlyArray<{ json: string }>) =>
  frames.map((f) => JSON.parse(f.json) as Record<string, unknown>)

describe('createResyncStore', () => {
  it('keeps the reduced messages and state of an ended run, framed after its last id', () => {
    const store = createResyncStore()
    store.keep(input('t', 'r'), endedBuffer('t', 'r'))
    const resync = store.get('r', 6)!
    expect(resync.frames.map((f) => f.id)).toEqual([7, 8, 9])
    const [messages, state, terminal] = parsed(resync.frames)
    expect(messages).toEqual({
      type: 'MESSAGES_SNAPSHOT',
      messages: [
        { id: 'u', role: 'user', content: 'hi' },
        { id: 'm', role: 'assistant', content: 'hello' },
      ],
    })
    expect(state).toEqual({ type: 'STATE_SNAPSHOT', snapshot: { n: 1 } })
    expect(terminal.type).toBe('RUN_FINISHED')
  })

  it('closes what was open at the client id, after the messages snapshot', () => {
    const store = createResyncStore()
    store.keep(input('t', 'r'), endedBuffer('t', 'r'))
    expect(parsed(store.get('r', 3)!.frames).map((e) => e.type)).toEqual([
      'MESSAGES_SNAPSHOT',
      'TEXT_MESSAGE_END',
      'STATE_SNAPSHOT',
      'RUN_FINISHED',
    ])
  })

  it('keeps one run per thread (the latest), at most maxThreads threads, for ttlMs', () => {
    let now = 0
    const store = createResyncStore({ maxThreads: 2, ttlMs: 1000, now: () => now })
    store.keep(input('t1', 'a'), endedBuffer('t1', 'a'))
    store.keep(input('t1', 'b'), endedBuffer('t1', 'b'))
    expect(store.get('a', 0)).toBeUndefined()
    expect(store.get('b', 0)?.runId).toBe('b')
    store.keep(input('t2', 'c'), endedBuffer('t2', 'c'))
    store.keep(input('t3', 'd'), endedBuffer('t3', 'd'))
    expect(store.get('b', 0)).toBeUndefined() // t1 was the oldest thread
    expect(store.get('c', 0)?.runId).toBe('c')
    now += 1000
    expect(store.get('d', 0)).toBeUndefined()
  })

  it('keeps nothing for a run whose buffer had dropped its first events', () => {
    const store = createResyncStore()
    store.keep(input('t', 'r'), endedBuffer('t', 'r', 3))
    expect(store.get('r', 0)).toBeUndefined()
  })
})
