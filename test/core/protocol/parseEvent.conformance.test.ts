/**
 * Every fixture of the conformance corpus (spec-1.1, spec-1.0, spec-draft) streamed through one
 * `createEventParser` per fixture. Per-event matters (validation, stripping, compatibility
 * translation, version warnings) are this layer's and are asserted fully; ordering and lifecycle
 * matters belong to the reducer's pipeline, so for those fixtures this test only asserts that
 * the parser lets every event through quietly.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createEventParser } from '../../../src/core/protocol/parseEvent'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import type { AgentError } from '../../../src/core/protocol/AgentError'

const ROOT = fileURLToPath(new URL('../../../../shared/conformance/', import.meta.url))

interface Fixture {
  file: string
  client?: { maxProtocolVersion?: string }
  stream: unknown[]
  expect: {
    outcome: 'completed' | 'failed'
    errorContains?: string
    eventTypes?: string[]
    eventTypesAbsent?: string[]
    eventPaths?: Record<string, unknown>
    eventAbsentPaths?: string[]
    warnings?: string[]
    noWarnings?: boolean
  }
}

const fixtures: Fixture[] = ['spec-1.1', 'spec-1.0', 'spec-draft'].flatMap((folder) =>
  readdirSync(ROOT + folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      file: `${folder}/${f.slice(0, -5)}`,
      ...JSON.parse(readFileSync(`${ROOT}${folder}/${f}`, 'utf8')),
    })),
)

/** Fixtures a malformed single event fails: the parser must reject them. */
const PER_EVENT_FATAL = new Set([
  'malformed-known-field-fatal',
  'unknown-enum-value-role-fatal',
  'reasoning-message-wrong-role-fatal',
  'unknown-outcome-array-fatal',
  'subagent-started-missing-name-fatal',
  'duplicate-interrupt-id-fatal',
])
/** Fixtures whose `expect.warnings` are per-event diagnostics (the parser must emit them). */
const PER_EVENT_WARNINGS = new Set([
  'unknown-event-dropped',
  'unknown-property-stripped',
  'unknown-outcome-stripped',
  'unknown-part-in-message-list',
  'state-delta-unknown-op-dropped',
  'era-0-0-45-thinking-translated',
  'era-0-0-57-subagent-dropped-with-warning',
  'producer-declares-newer-version-warns',
  'producer-declares-uninterpretable-version-warns',
])
/** Draft fixtures written for a 1.0 client: run with the peer ceiling they assume. */
const CLIENT_CEILING: Record<string, string> = {
  'spec-draft/producer-declares-newer-version-warns': '1.0',
}

function at(value: unknown, path: string): unknown {
  let cur = value
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return MISSING
    cur = (cur as Record<string, unknown>)[key]
  }
  return cur
}
const MISSING = Symbol('missing')

function run(fixture: Fixture) {
  const ceiling = CLIENT_CEILING[fixture.file] ?? fixture.client?.maxProtocolVersion
  const parser = createEventParser(ceiling === undefined ? {} : { maxProtocolVersion: ceiling })
  const events: Array<Record<string, unknown>> = []
  const diagnostics: Diagnostic[] = []
  let error: AgentError | undefined
  for (const raw of fixture.stream) {
    const r = parser.parse(raw)
    diagnostics.push(...r.diagnostics)
    if (r.ok) events.push(r.event as unknown as Record<string, unknown>)
    else if (!r.dropped) {
      error = r.error
      break
    }
  }
  return { events, diagnostics, error }
}

describe('parseEvent over the conformance corpus', () => {
  for (const fixture of fixtures) {
    const name = fixture.file.split('/')[1]
    const x = fixture.expect
    it(fixture.file, () => {
      const { events, diagnostics, error } = run(fixture)
      if (PER_EVENT_FATAL.has(name)) {
        expect(error?.code).toBe('invalid_event')
        expect(error?.message).toContain(x.errorContains)
      } else {
        expect(error).toBeUndefined()
      }
      const said = diagnostics.map((d) => d.message)
      if (PER_EVENT_WARNINGS.has(name)) {
        for (const w of x.warnings ?? [])
          expect(
            said.some((m) => m.includes(w)),
            `a diagnostic mentions ${w}: ${JSON.stringify(said)}`,
          ).toBe(true)
      }
      if (x.noWarnings) expect(diagnostics.filter((d) => d.level === 'warning')).toEqual([])
      // Delivered-event clauses, where no chunk expansion (the pipeline's) changes the list.
      const expands = fixture.stream.some((e) =>
        /_CHUNK$/.test(String((e as { type?: unknown }).type)),
      )
      if (expands || (x.outcome === 'failed' && !PER_EVENT_FATAL.has(name))) return
      if (x.eventTypes) expect(events.map((e) => e.type)).toEqual(x.eventTypes)
      for (const t of x.eventTypesAbsent ?? []) expect(events.map((e) => e.type)).not.toContain(t)
      for (const [path, value] of Object.entries(x.eventPaths ?? {}))
        expect(at(events, path)).toEqual(value)
      for (const path of x.eventAbsentPaths ?? []) expect(at(events, path)).toBe(MISSING)
    })
  }
})
