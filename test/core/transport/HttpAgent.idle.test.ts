/**
 * HttpAgent read-idle timeout (issue 6 "a server that accepts then never sends"; fault-findings
 * F3) against a real node:http server; time is a manual clock, so nothing here is timed.
 */
import type { ServerResponse } from 'node:http'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import type { AgentEvent, RunAgentInput } from '../../../src/core/protocol/types'
import { HttpAgent } from '../../../src/core/transport/HttpAgent'
import { createManualClock } from './manualClock'
import { sse, startTestServer, type TestServer } from './testServer'
import { replyEvents, until } from './wsTestServer'

let server: TestServer
const opened: ServerResponse[] = []
beforeAll(async () => {
  server = await startTestServer()
})
afterEach(() => opened.splice(0).forEach((res) => res.destroy()))
afterAll(() => server.close())

const input: RunAgentInput = { threadId: 't1', runId: 'r1', messages: [], tools: [], context: [] }
const events = replyEvents('t1', 'r1')
const IDLE = 5000
/** Lets the reader finish the chunk it is on (it may yield between events) and re-arm. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

/** Answers the POST with the first `n` events, then keeps the response open and silent. */
function silentAfter(n: number) {
  server.handle((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' })
    res.write(sse(events.slice(0, n)))
    opened.push(res)
  })
}

/** Subscribes to a run and exposes what it delivered so far and how it ended. */
function watch(agent: HttpAgent, diagnostics: Diagnostic[]) {
  const seen = { events: [] as AgentEvent[], error: undefined as any, completed: false }
  agent.run(input, { onDiagnostic: (d) => diagnostics.push(d) }).subscribe({
    next: (e) => seen.events.push(e),
    error: (e) => (seen.error = e),
    complete: () => (seen.completed = true),
  })
  return seen
}

it('a silent non-resumable stream ends `truncated` (cause heartbeat_timeout) after idleTimeoutMs, keeping what it delivered', async () => {
  const clock = createManualClock()
  silentAfter(3)
  const diagnostics: Diagnostic[] = []
  const seen = watch(new HttpAgent({ url: server.url, clock, idleTimeoutMs: IDLE }), diagnostics)
  await until(() => seen.events.length === 3)
  await settle()
  clock.advance(IDLE - 1)
  await settle()
  expect(seen.error).toBeUndefined()
  clock.advance(IDLE) // (not 1: the reader may re-arm after the 3rd event a little later)
  await until(() => seen.error !== undefined)
  expect(seen.events).toEqual(events.slice(0, 3))
  expect(seen.error.code).toBe('truncated')
  expect(seen.error.cause?.code).toBe('heartbeat_timeout')
  expect(diagnostics.map((d) => d.code)).toContain('heartbeat_timeout')
  await until(() => opened[0]?.destroyed === true) // the silent connection was let go
})

it('`: ping` comments reset the timeout: a run that only pings between events is not dropped', async () => {
  const clock = createManualClock()
  silentAfter(3)
  const diagnostics: Diagnostic[] = []
  const seen = watch(new HttpAgent({ url: server.url, clock, idleTimeoutMs: IDLE }), diagnostics)
  await until(() => seen.events.length === 3)
  await settle()
  for (let i = 0; i < 3; i++) {
    const armed = clock.delays.length
    clock.advance(IDLE - 1)
    opened[0].write(': ping\n\n')
    await until(() => clock.delays.length > armed) // the bytes re-armed the timer
  }
  opened[0].end(sse(events.slice(3)))
  await until(() => seen.completed || seen.error !== undefined)
  expect(seen.error).toBeUndefined()
  expect(seen.events).toEqual(events)
  expect(diagnostics.map((d) => d.code)).not.toContain('heartbeat_timeout')
})

it('idleTimeoutMs 0 disables it: no timer is set', async () => {
  const clock = createManualClock()
  silentAfter(3)
  const seen = watch(new HttpAgent({ url: server.url, clock, idleTimeoutMs: 0 }), [])
  await until(() => seen.events.length === 3)
  expect(clock.pending()).toBe(0)
  opened[0].end(sse(events.slice(3)))
  await until(() => seen.completed)
  expect(seen.events).toEqual(events)
})
