import { describe, expect, it } from 'vitest'
import { createEventPipeline, createSnapshot, type AgentSnapshot } from '../../src/core/reducer'
import { createEventParser } from '../../src/core/protocol/parseEvent'
import type { Message } from '../../src/core/protocol/types'
import { ALLOWLIST } from './allowlist'
import { checkFixture } from './checkFixture'
import { loadFixtures } from './fixtures'

const fixtures = ['spec-1.1', 'spec-1.0', 'spec-draft'].flatMap(loadFixtures)

describe('conformance corpus: reducer lane (createEventPipeline, as reduceEvents runs it)', () => {
  it('finds the whole corpus', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(68 + 4 + 15)
  })
  for (const fixture of fixtures) {
    const allowed = ALLOWLIST[fixture.file]?.lanes.includes('reducer')
    it(`${fixture.file}${allowed ? ' (allowlisted deviation)' : ''}`, () => {
      const events: Array<Record<string, unknown>> = []
      // Raw corpus JSON: validated at this edge, as the store does for agents that do not.
      const pipeline = createEventPipeline({
        parser: createEventParser(
          fixture.client?.maxProtocolVersion
            ? { maxProtocolVersion: fixture.client.maxProtocolVersion }
            : {},
        ),
        onEvent: (e) => events.push(e as unknown as Record<string, unknown>),
      })
      let snapshot: AgentSnapshot = createSnapshot({
        messages: (fixture.input?.messages ?? []) as Message[],
      })
      for (const raw of fixture.stream) snapshot = pipeline.push(snapshot, raw)
      snapshot = pipeline.end(snapshot)
      const failures = checkFixture(fixture, { snapshot, events }, 'reducer')
      if (allowed)
        expect(
          failures,
          'allowlisted fixture now passes: remove it from the allowlist',
        ).not.toEqual([])
      else expect(failures).toEqual([])
    })
  }
})
