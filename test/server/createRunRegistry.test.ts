import { afterEach, describe, expect, it } from 'vitest'
import { reduceEvents } from '../../src/core/reducer/reduceEvents'
import type { RunAgentInput } from '../../src/core/protocol/types'
import { createRunRegistry, type RunRegistry } from '../../src/server/createRunRegistry'
import type { ReplayEntry } from '../../src/server/createReplayBuffer'
import type { RunCursor } from '../../src/server/RunCursor'
import { createGatedAgent } from './gatedAgent'
import { waitFor } from './httpServer'

const input = (runId = 'run-1'): RunAgentInput =>
  ({ threadId: 'thread-1', runId, messages: [], tools: [], context: [] }) as RunAgentInput

async function drain(cursor: RunCursor): Promise<ReplayEntry[]> {
  const out: ReplayEntry[] = []
  for await (const entry of cursor) out.push(entry)
  return out
}

function listen(registry: RunRegistry, runId: string, lastEventId = 0): RunCursor {
  const result = registry.get(runId)!.listen(lastEventId)
  if (!result.ok) throw new Error(`listen refused: ${result.code}`)
  return result.cursor
}

let registry: RunRegistry | undefined
afterEach(() => registry?.close())

describe('createRunRegistry', () => {
  it('keeps the run going without listeners; a late listener gets every event, ids 1..n', async () => {
    registry = createRunRegistry()
    const gated = createGatedAgent(5)
    gated.releaseAll()
    const run = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    await run.done
    expect(run.status).toBe('finished')
    const entries = await drain(listen(registry, 'run-1'))
    expect(entries.map((e) => e.id)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1))
    expect(entries.at(-1)?.event).toMatchObject({ type: 'RUN_FINISHED' })
  })

  it('detach (cursor.return) keeps the run going; attach from an id replays then follows live', async () => {
    registry = createRunRegistry()
    const gated = createGatedAgent(6)
    const run = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    const first = listen(registry, 'run-1')
    const seen: ReplayEntry[] = []
    gated.release(2)
    while (seen.length < 5) seen.push((await first.next()).value as ReplayEntry)
    await first.return()
    expect(run.listenerCount).toBe(0)
    gated.release(2) // produced while nobody listens
    await waitFor(() => run.buffer.lastId === 7)
    const second = listen(registry, 'run-1', seen.at(-1)!.id)
    gated.releaseAll()
    const rest = await drain(second)
    const ids = [...seen, ...rest].map((e) => e.id)
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    expect(gated.signals.get('run-1')?.aborted).toBe(false)
    expect(reduceEvents([...seen, ...rest].map((e) => e.event)).run.status).toBe('finished')
  })

  it('serves several listeners the same entries, each at its own pace', async () => {
    registry = createRunRegistry()
    const gated = createGatedAgent(3)
    registry.start(input(), (signal) => gated.agent(input(), { signal }))
    const a = drain(listen(registry, 'run-1'))
    const b = drain(listen(registry, 'run-1'))
    gated.releaseAll()
    const [ea, eb] = await Promise.all([a, b])
    expect(ea.length).toBe(9)
    expect(eb).toEqual(ea)
  })

  it('cancel fires the agent signal, closes what is open, then RUN_FINISHED cancelled', async () => {
    registry = createRunRegistry()
    const gated = createGatedAgent(10)
    const run = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    const cursor = listen(registry, 'run-1')
    gated.release(2)
    await waitFor(() => run.buffer.lastId === 5)
    expect(registry.cancel('run-1')).toBe(true)
    const entries = await drain(cursor)
    expect(gated.signals.get('run-1')?.aborted).toBe(true)
    expect(entries.slice(5).map((e) => e.event.type)).toEqual([
      'TEXT_MESSAGE_END',
      'STEP_FINISHED',
      'RUN_FINISHED',
    ])
    expect(entries.at(-1)?.event).toEqual({
      type: 'RUN_FINISHED',
      threadId: 'thread-1',
      runId: 'run-1',
      outcome: { type: 'cancelled' },
    })
    expect(run.status).toBe('cancelled')
    const snapshot = reduceEvents(entries.map((e) => e.event))
    expect(snapshot.run.status).toBe('cancelled')
    expect(snapshot.run.error).toBeUndefined() // no protocol violation
    expect(registry.cancel('run-1')).toBe(false) // already over
    expect(registry.cancel('nope')).toBe(false)
  })

  it('cancel before the agent sent anything still gives a well-formed run (agent ignores signal)', async () => {
    registry = createRunRegistry()
    const silent = { [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => {}) }) }
    const run = registry.start(input(), () => silent)
    registry.cancel('run-1')
    await run.done
    const entries = await drain(listen(registry, 'run-1'))
    expect(entries.map((e) => e.event.type)).toEqual(['RUN_STARTED', 'RUN_FINISHED'])
  })

  it('stops a run nobody listens to after idleTimeoutMs with RUN_ERROR idle_timeout', async () => {
    registry = createRunRegistry({ idleTimeoutMs: 20 })
    const gated = createGatedAgent(10)
    const run = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    await run.done
    expect(run.status).toBe('idle_timeout')
    expect(gated.signals.get('run-1')?.aborted).toBe(true)
    const entries = await drain(listen(registry, 'run-1'))
    expect(entries.at(-1)?.event).toMatchObject({ type: 'RUN_ERROR', code: 'idle_timeout' })
  })

  it('holds the agent back while an attached listener would lose events: a slow reader loses nothing', async () => {
    registry = createRunRegistry({ maxEvents: 4 })
    const gated = createGatedAgent(30)
    const run = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    const cursor = listen(registry, 'run-1')
    gated.releaseAll()
    const ids: number[] = []
    for await (const entry of cursor) {
      ids.push(entry.id)
      // The producer is at most the buffer's size ahead of this reader.
      expect(gated.produced.get('run-1')!).toBeLessThanOrEqual(entry.id + 5)
      await new Promise((r) => setImmediate(r))
    }
    expect(ids).toEqual(Array.from({ length: 36 }, (_, i) => i + 1))
    expect(run.status).toBe('finished')
  })

  it('a listener stuck longer than idleTimeoutMs is left behind and gets replay_gap', async () => {
    registry = createRunRegistry({ maxEvents: 4, idleTimeoutMs: 20 })
    const gated = createGatedAgent(10)
    const run = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    const cursor = listen(registry, 'run-1')
    expect((await cursor.next()).value?.id).toBe(1)
    gated.releaseAll()
    await run.done
    await expect(cursor.next()).rejects.toMatchObject({ code: 'replay_gap', firstId: 13 })
    expect(run.listenerCount).toBe(0)
    expect(run.listen(3)).toEqual({ ok: false, code: 'replay_gap', firstId: 13 })
    expect(run.listen(99)).toEqual({ ok: false, code: 'bad_last_event_id' })
  })

  it('takeReady hands out what is buffered without waiting, and reports a gap the same way', async () => {
    registry = createRunRegistry({ maxEvents: 6, idleTimeoutMs: 20 })
    const gated = createGatedAgent(10)
    const run = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    const cursor = listen(registry, 'run-1')
    gated.release(2)
    await waitFor(() => run.buffer.lastId === 5)
    expect(cursor.takeReady(3).map((e) => e.id)).toEqual([1, 2, 3])
    expect(cursor.takeReady(10).map((e) => e.id)).toEqual([4, 5])
    expect(cursor.takeReady(10)).toEqual([])
    gated.releaseAll()
    await run.done
    expect(() => cursor.takeReady(1)).toThrow(expect.objectContaining({ code: 'replay_gap' }))
    expect(run.listenerCount).toBe(0)
  })

  it('turns an agent failure into RUN_ERROR with its code', async () => {
    registry = createRunRegistry()
    const run = registry.start(input(), async function* () {
      yield { type: 'RUN_STARTED', threadId: 'thread-1', runId: 'run-1' } as never
      throw Object.assign(new Error('model overloaded'), { code: 'overloaded' })
    })
    await run.done
    expect(run.status).toBe('error')
    const entries = await drain(listen(registry, 'run-1'))
    expect(entries.at(-1)?.event).toEqual({
      type: 'RUN_ERROR',
      message: 'model overloaded',
      code: 'overloaded',
    })
  })

  it('refuses a second run with a running runId (busy), replaces a finished one', async () => {
    registry = createRunRegistry()
    const gated = createGatedAgent(1)
    const first = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    expect(() => registry!.start(input(), (signal) => gated.agent(input(), { signal }))).toThrow(
      expect.objectContaining({ code: 'busy' }),
    )
    gated.releaseAll()
    await first.done
    const second = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    expect(registry.get('run-1')).toBe(second)
  })

  it('forgets an ended run ttlMs after it ended (injected clock)', async () => {
    let now = 0
    registry = createRunRegistry({ ttlMs: 1000, now: () => now })
    const gated = createGatedAgent(0)
    const run = registry.start(input(), (signal) => gated.agent(input(), { signal }))
    await run.done
    now += 999
    expect(registry.get('run-1')).toBe(run)
    now += 1
    expect(registry.get('run-1')).toBeUndefined()
    expect(registry.size).toBe(0)
  })

  it('close() cancels every running run', async () => {
    registry = createRunRegistry()
    const gated = createGatedAgent(5)
    const runs = ['a', 'b'].map((id) =>
      registry!.start(input(id), (signal) => gated.agent(input(id), { signal })),
    )
    registry.close()
    await Promise.all(runs.map((r) => r.done))
    expect(runs.map((r) => r.status)).toEqual(['cancelled', 'cancelled'])
    expect(registry.size).toBe(0)
  })

  it('propagates a synchronous throw of the source and validates options', () => {
    registry = createRunRegistry()
    expect(() =>
      registry!.start(input(), () => {
        throw new Error('misconfigured')
      }),
    ).toThrow('misconfigured')
    expect(registry.get('run-1')).toBeUndefined()
    expect(() => createRunRegistry({ idleTimeoutMs: 0 })).toThrow(TypeError)
    expect(() => createRunRegistry({ maxEvents: 0 })).toThrow(TypeError)
  })
})
