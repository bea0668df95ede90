import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createReplayBuffer } from '../../src/server/createReplayBuffer'

const custom = (value: unknown) => ({ type: 'CUSTOM', name: 'n', value }) as never

describe('createReplayBuffer', () => {
  it('gives ids 1, 2, 3, … and keeps each event with its JSON and byte size', () => {
    const buffer = createReplayBuffer()
    expect(buffer.lastId).toBe(0)
    expect(buffer.firstId).toBe(1)
    const entries = ['a', 'é', '漢字'].map((v) => buffer.append(custom(v)))
    expect(entries.map((e) => e.id)).toEqual([1, 2, 3])
    expect(entries[1].json).toBe(JSON.stringify(custom('é')))
    expect(entries[2].bytes).toBe(Buffer.byteLength(entries[2].json))
    expect(entries[2].bytes).toBeGreaterThan(entries[2].json.length) // UTF-8, not UTF-16 units
    expect(buffer.get(2)).toBe(entries[1])
    expect(buffer.get(0)).toBeUndefined()
    expect(buffer.get(4)).toBeUndefined()
    expect(buffer.get(1.5)).toBeUndefined()
    expect(buffer.bytes).toBe(entries.reduce((n, e) => n + e.bytes, 0))
  })

  it('drops the oldest events beyond maxEvents and reports the gap with the first id held', () => {
    const buffer = createReplayBuffer({ maxEvents: 4 })
    for (let i = 1; i <= 10; i++) buffer.append(custom(i))
    expect(buffer.size).toBe(4)
    expect(buffer.firstId).toBe(7)
    expect(buffer.lastId).toBe(10)
    expect(buffer.get(6)).toBeUndefined()
    expect(buffer.get(7)?.event).toEqual(custom(7))
    expect(buffer.check(5)).toEqual({ ok: false, code: 'replay_gap', firstId: 7 })
    expect(buffer.check(6)).toEqual({ ok: true })
    expect(buffer.check(10)).toEqual({ ok: true })
  })

  it('refuses a lastEventId beyond the last id, negative or not an integer', () => {
    const buffer = createReplayBuffer()
    expect(buffer.check(0)).toEqual({ ok: true })
    buffer.append(custom(1))
    for (const id of [2, -1, 0.5, Number.NaN])
      expect(buffer.check(id)).toEqual({ ok: false, code: 'bad_last_event_id' })
  })

  it('drops the oldest events beyond maxBytes but always keeps the newest', () => {
    const size = Buffer.byteLength(JSON.stringify(custom('xxxx')))
    const buffer = createReplayBuffer({ maxBytes: size * 3 })
    for (let i = 0; i < 5; i++) buffer.append(custom('xxxx'))
    expect(buffer.size).toBe(3)
    expect(buffer.bytes).toBe(size * 3)
    buffer.append(custom('y'.repeat(size * 5)))
    expect(buffer.size).toBe(1)
    expect(buffer.firstId).toBe(6)
    expect(buffer.bytes).toBeGreaterThan(size * 3)
  })

  it('expires ttlMs after end() on the injected clock, never while the run goes on', () => {
    let now = 1_000
    const buffer = createReplayBuffer({ ttlMs: 500, now: () => now })
    buffer.append(custom(1))
    now += 10_000
    expect(buffer.isExpired()).toBe(false)
    buffer.end()
    expect(buffer.endedAt).toBe(now)
    now += 499
    expect(buffer.isExpired()).toBe(false)
    buffer.end() // idempotent: does not restart the clock
    now += 1
    expect(buffer.isExpired()).toBe(true)
    expect(buffer.get(1)?.id).toBe(1) // still readable until its owner drops it
  })

  it('throws on append after end, on an event that is not JSON, and on bad bounds', () => {
    const buffer = createReplayBuffer()
    expect(() => buffer.append({ type: 'CUSTOM', value: 1n } as never)).toThrow(TypeError)
    expect(buffer.lastId).toBe(0) // the failed append took no id
    buffer.end()
    expect(() => buffer.append(custom(1))).toThrow(/after end/)
    expect(() => createReplayBuffer({ maxEvents: 0 })).toThrow(TypeError)
    expect(() => createReplayBuffer({ maxBytes: -1 })).toThrow(TypeError)
    expect(() => createReplayBuffer({ ttlMs: Number.NaN })).toThrow(TypeError)
  })

  it('keeps its invariants for any sequence of event sizes and bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 3000 }),
        (maxEvents, maxBytes, sizes) => {
          const buffer = createReplayBuffer({ maxEvents, maxBytes })
          for (const [i, n] of sizes.entries()) {
            const entry = buffer.append(custom('x'.repeat(n)))
            expect(entry.id).toBe(i + 1)
            expect(buffer.size).toBeLessThanOrEqual(maxEvents)
            if (buffer.size > 1) expect(buffer.bytes).toBeLessThanOrEqual(maxBytes)
            expect(buffer.size).toBe(buffer.lastId - buffer.firstId + 1)
            expect(buffer.get(buffer.lastId)).toBe(entry)
          }
          let held = 0
          for (let id = buffer.firstId; id <= buffer.lastId; id++) held += buffer.get(id)!.bytes
          expect(held).toBe(buffer.bytes)
        },
      ),
      { numRuns: 60, seed: 6 },
    )
  })
})
