import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Root of the shared conformance corpus (`../shared/conformance` beside the repo). */
export const CONFORMANCE_DIR = fileURLToPath(
  new URL('../../../shared/conformance/', import.meta.url),
)

export interface Fixture {
  file: string
  name: string
  area?: string
  description: string
  client?: { maxProtocolVersion?: string }
  input?: { messages?: unknown[]; tools?: unknown[] }
  stream: unknown[]
  expect: {
    outcome: 'completed' | 'failed'
    errorContains?: string
    runError?: string
    eventTypes?: string[]
    eventTypesAbsent?: string[]
    eventPaths?: Record<string, unknown>
    eventAbsentPaths?: string[]
    messageCount?: number
    messages?: unknown[]
    state?: unknown
    request?: Record<string, unknown>
    requestAbsentPaths?: string[]
    warnings?: string[]
    noWarnings?: boolean
  }
}

/** Every fixture of a corpus folder (`spec-1.1`, `spec-1.0`, `spec-draft`), sorted by name. */
export function loadFixtures(folder: string): Fixture[] {
  const dir = `${CONFORMANCE_DIR}${folder}/`
  if (!existsSync(dir))
    throw new Error(`Conformance corpus not found at ${dir} (expected ../shared beside the repo)`)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `${folder}/${f}`, ...JSON.parse(readFileSync(dir + f, 'utf8')) }))
}

/** Recorded event streams of `recorded-dotnet/`, by file name. */
export function loadRecorded(): Array<{ name: string; events: Array<Record<string, unknown>> }> {
  const dir = `${CONFORMANCE_DIR}recorded-dotnet/`
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      name: f,
      events: JSON.parse(readFileSync(dir + f, 'utf8').replace(/^\uFEFF/, '')),
    }))
}

/** Value at a dotted path (`a.b.0.c`), or the `MISSING` symbol. */
export const MISSING = Symbol('missing')
export function at(value: unknown, path: string): unknown {
  let cur: unknown = value
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) return MISSING
    cur = (cur as Record<string, unknown>)[key]
  }
  return cur
}

/**
 * The corpus's partial match: objects compare only the keys `expected` names, arrays must have
 * the same length and match element-wise, anything else must be equal. Returns the first
 * mismatch as a readable path, or undefined.
 */
export function partialMismatch(
  actual: unknown,
  expected: unknown,
  path = '$',
): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${JSON.stringify(actual)}`
    if (actual.length !== expected.length)
      return `${path}: expected length ${expected.length}, got ${actual.length}`
    for (let i = 0; i < expected.length; i++) {
      const m = partialMismatch(actual[i], expected[i], `${path}[${i}]`)
      if (m) return m
    }
    return undefined
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return `${path}: expected an object, got ${JSON.stringify(actual)}`
    }
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in (actual as object))) return `${path}.${k}: missing`
      const m = partialMismatch((actual as Record<string, unknown>)[k], v, `${path}.${k}`)
      if (m) return m
    }
    return undefined
  }
  return Object.is(actual, expected)
    ? undefined
    : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`
}
