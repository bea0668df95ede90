import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBackoff, DEFAULT_BACKOFF } from '../../../src/core/transport/createBackoff'

describe('createBackoff', () => {
  it('full jitter: attempt n waits random × min(cap, base × 2^(n-1)), floored', () => {
    const backoff = createBackoff({}, { random: () => 0.5, now: () => 0 })
    const delays = Array.from({ length: 10 }, () => backoff.next()!.delayMs)
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 15000, 15000, 15000, 15000])
    expect(DEFAULT_BACKOFF).toEqual({
      baseMs: 500,
      capMs: 30_000,
      maxAttempts: 10,
      maxElapsedMs: 300_000,
    })
  })

  it('stops after maxAttempts (undefined), and reset() starts a new series', () => {
    const backoff = createBackoff({ maxAttempts: 3 }, { random: () => 0, now: () => 0 })
    expect([backoff.next(), backoff.next(), backoff.next()].map((s) => s!.attempt)).toEqual([
      1, 2, 3,
    ])
    expect(backoff.next()).toBeUndefined()
    expect(backoff.attempt).toBe(3)
    backoff.reset()
    expect(backoff.next()).toEqual({ attempt: 1, delayMs: 0 })
  })

  it('stops once maxElapsedMs passed since the first attempt, and never schedules past it', () => {
    let now = 1000
    const backoff = createBackoff(
      { baseMs: 1000, capMs: 1000, maxElapsedMs: 2500, maxAttempts: 100 },
      { random: () => 0.99, now: () => now },
    )
    expect(backoff.next()).toEqual({ attempt: 1, delayMs: 990 })
    now += 2000
    expect(backoff.next()).toEqual({ attempt: 2, delayMs: 500 }) // shortened to the deadline
    now += 500
    expect(backoff.next()).toBeUndefined()
  })

  it('exactMs replaces the jitter (retry-after), minMs raises it (rate limit floor)', () => {
    const backoff = createBackoff({}, { random: () => 0.5, now: () => 0 })
    expect(backoff.next({ exactMs: 12_000 })).toEqual({ attempt: 1, delayMs: 12_000 })
    expect(backoff.next({ minMs: 30_000 })).toEqual({ attempt: 2, delayMs: 30_000 })
    expect(backoff.next({ exactMs: 0 })).toEqual({ attempt: 3, delayMs: 0 })
  })

  it('property: every delay is within [0, min(cap, base × 2^(n-1))) and attempts never exceed the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), {
          minLength: 30,
          maxLength: 30,
        }),
        (baseMs, capMs, maxAttempts, randoms) => {
          let i = 0
          const backoff = createBackoff(
            { baseMs, capMs, maxAttempts, maxElapsedMs: Infinity },
            { random: () => randoms[i++], now: () => 0 },
          )
          let steps = 0
          for (let step = backoff.next(); step; step = backoff.next()) {
            steps++
            expect(step.attempt).toBe(steps)
            expect(step.delayMs).toBeGreaterThanOrEqual(0)
            expect(step.delayMs).toBeLessThan(
              Math.max(1, Math.min(capMs, baseMs * 2 ** (steps - 1))),
            )
          }
          expect(steps).toBe(maxAttempts)
        },
      ),
    )
  })
})
