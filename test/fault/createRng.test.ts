import { describe, expect, it } from 'vitest'
import { createRng, hashSeed } from './createRng'

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const take = (seed: number) => Array.from({ length: 20 }, createRng(seed).next)
    expect(take(1)).toEqual(take(1))
    expect(take(1)).not.toEqual(take(2))
  })

  it('int() stays within its inclusive bounds and reaches both ends', () => {
    const rng = createRng(9)
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 7)
      expect(n).toBeGreaterThanOrEqual(3)
      expect(n).toBeLessThanOrEqual(7)
      seen.add(n)
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7])
  })

  it('fork(label) is reproducible and independent of how much the parent was used', () => {
    const a = createRng(5)
    const b = createRng(5)
    b.next()
    b.next()
    expect(a.fork('x').next()).toBe(b.fork('x').next())
    expect(a.fork('x').next()).not.toBe(a.fork('y').next())
    expect(hashSeed('abc')).toBe(hashSeed('abc'))
  })
})
