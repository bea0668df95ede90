import type { AgentSnapshot } from '../../src/core/reducer'
import { at, type Fixture, MISSING, partialMismatch } from './fixtures'

/** What one lane (reducer, or HTTP transport + store) observed for a fixture. */
export interface Observed {
  snapshot: AgentSnapshot
  /** Events delivered to the application (after chunk expansion), in order. */
  events: Array<Record<string, unknown>>
  /** The RunAgentInput the client sent (transport lane only). */
  request?: Record<string, unknown>
}

/** Checks an observation against `fixture.expect`; returns the list of failed clauses. */
export function checkFixture(
  fixture: Fixture,
  observed: Observed,
  lane: 'reducer' | 'transport',
): string[] {
  const x = fixture.expect
  const { snapshot, events } = observed
  const failures: string[] = []
  const error = snapshot.run.error
  const rejected = error !== undefined && error.code !== 'run_error'
  if (x.outcome === 'failed' && !rejected)
    failures.push(`expected the stream to be rejected, run is ${snapshot.run.status}`)
  if (x.outcome === 'completed' && rejected)
    failures.push(`expected completion, got ${error!.code}: ${error!.message}`)
  if (x.errorContains !== undefined && !error?.message.includes(x.errorContains)) {
    failures.push(
      `error message should contain ${JSON.stringify(x.errorContains)}, got ${JSON.stringify(error?.message)}`,
    )
  }
  if (x.runError !== undefined) {
    const runErrors = events.filter((e) => e.type === 'RUN_ERROR').map((e) => e.message)
    if (!runErrors.includes(x.runError))
      failures.push(`RUN_ERROR ${JSON.stringify(x.runError)} not delivered`)
  }
  const types = events.map((e) => e.type)
  if (x.eventTypes && JSON.stringify(types) !== JSON.stringify(x.eventTypes)) {
    failures.push(`eventTypes ${JSON.stringify(types)} != ${JSON.stringify(x.eventTypes)}`)
  }
  for (const t of x.eventTypesAbsent ?? [])
    if (types.includes(t)) failures.push(`event ${t} should be absent`)
  for (const [path, value] of Object.entries(x.eventPaths ?? {})) {
    const m = partialMismatch(at(events, path), value, `events.${path}`)
    if (m) failures.push(m)
  }
  for (const path of x.eventAbsentPaths ?? []) {
    if (at(events, path) !== MISSING) failures.push(`events.${path} should be absent`)
  }
  if (x.messageCount !== undefined && snapshot.messages.length !== x.messageCount) {
    failures.push(`messageCount ${snapshot.messages.length} != ${x.messageCount}`)
  }
  if (x.messages) {
    const m = partialMismatch(snapshot.messages, x.messages, 'messages')
    if (m) failures.push(m)
  }
  if ('state' in x) {
    const m = partialMismatch(snapshot.state, x.state, 'state')
    if (m) failures.push(m)
  }
  if (lane === 'transport') {
    if (x.request) {
      const m = partialMismatch(observed.request, x.request, 'request')
      if (m) failures.push(m)
    }
    for (const path of x.requestAbsentPaths ?? []) {
      if (at(observed.request, path) !== MISSING) failures.push(`request.${path} should be absent`)
    }
  }
  const warnings = snapshot.diagnostics.filter((d) => d.level === 'warning').map((d) => d.message)
  const said = snapshot.diagnostics.map((d) => d.message)
  // Outgoing translation for an older peer (era-* fixtures with input) happens when a request is
  // built, so only the transport lane can see its warnings.
  const outgoingOnly =
    lane === 'reducer' &&
    fixture.client?.maxProtocolVersion !== undefined &&
    fixture.input !== undefined
  for (const w of outgoingOnly ? [] : (x.warnings ?? [])) {
    if (!said.some((m) => m.includes(w)))
      failures.push(`no diagnostic mentions ${JSON.stringify(w)} (got ${JSON.stringify(said)})`)
  }
  if (x.noWarnings && warnings.length)
    failures.push(`expected no warnings, got ${JSON.stringify(warnings)}`)
  return failures
}
