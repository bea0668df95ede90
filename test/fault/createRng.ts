/** A small seeded pseudo-random generator (sfc32), so every fault plan is reproducible from its seed. */
export interface Rng {
  /** The seed this generator started from (a uint32). */
  readonly seed: number
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  /** True with probability `p` (0..1). */
  chance(p: number): boolean
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T
  /** A new independent generator derived from this one and `label` (same seed + label → same stream). */
  fork(label: string | number): Rng
}

/** FNV-1a of a string, as a uint32 (to turn labels and ids into seeds). */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * Creates a seeded generator (sfc32 by Chris Doty-Humphrey, seeded through splitmix32). The same
 * seed always gives the same sequence.
 */
export function createRng(seed: number): Rng {
  const root = seed >>> 0
  let s = root
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = splitmix()
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  const rng: Rng = {
    seed: root,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    fork: (label) => createRng((hashSeed(String(label)) ^ Math.imul(root, 0x9e3779b1)) >>> 0),
  }
  return rng
}

/**
 * The seed of a fault test run: `FAULT_SEED` from the environment when set (to reproduce a
 * failure), else a fresh one. Tests print it in their summary line and failure messages.
 */
export function faultSeed(): number {
  const fromEnv = process.env.FAULT_SEED
  if (fromEnv !== undefined && fromEnv !== '') return Number(fromEnv) >>> 0
  return (Date.now() ^ Math.floor(Math.random() * 0xffffffff)) >>> 0
}
