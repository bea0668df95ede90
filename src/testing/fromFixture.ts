import {
  createScriptedAgent,
  type ScriptStep,
  type ScriptedAgent,
  type ScriptedAgentOptions,
} from './createScriptedAgent'

/**
 * A recorded fixture: an array of events (e.g. `conformance/recorded-dotnet/*.json`), or a
 * conformance test case with a `stream` array (`conformance/spec-1.1/*.json`).
 */
export type Fixture = readonly ScriptStep[] | { readonly stream: readonly unknown[] }

/**
 * Replays a recorded fixture as an agent: {@link createScriptedAgent} over the fixture's
 * events, verbatim (malformed events included, so the store's validation sees them).
 *
 * @example
 * const agent = fromFixture(JSON.parse(readFileSync('fixture.json', 'utf8')), { delayMs: 20 })
 */
export function fromFixture(fixture: Fixture, options?: ScriptedAgentOptions): ScriptedAgent {
  const steps = (
    Array.isArray(fixture) ? fixture : (fixture as { stream: unknown[] }).stream
  ) as ScriptStep[]
  return createScriptedAgent(steps, options)
}
