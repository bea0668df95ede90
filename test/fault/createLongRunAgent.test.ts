import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BaseEvent } from '../../src/core/protocol/types'
import { reduceEvents } from '../../src/core/reducer/reduceEvents'
import type { Agent } from '../../src/core/transport/Agent'
import { createObservable } from '../../src/core/transport/createObservable'
import { createFaultProxy, type FaultProxy } from './createFaultProxy'
import { createLongRunAgent, longRunEvents } from './createLongRunAgent'
import {
  expectedSnapshot,
  httpAgentAt,
  runStore,
  startFaultServer,
  tally,
  USER_MESSAGE,
  wsAgentAt,
  type FaultServer,
} from './faultHarness'
import { problemsOf } from './faultScenarios'

/** Wraps `agent` so the first text delta from event 100 on is dropped or delivered twice. */
function faulty(agent: Agent, fault: 'drop' | 'repeat'): Agent {
  return {
    validatesEvents: agent.validatesEvents,
    run: (input, options) =>
      createObservable<BaseEvent>((sink) => {
        let done = false
        const subscription = agent.run(input, options).subscribe({
          next: (event) => {
            const target =
              !done && event.type === 'TEXT_MESSAGE_CONTENT' && (event.timestamp ?? 0) >= 100
            if (target) done = true
            if (!target || fault === 'repeat') sink.next(event)
            if (target && fault === 'repeat') sink.next(event)
          },
          error: (e) => sink.error(e),
          complete: () => sink.complete(),
        })
        return () => subscription.unsubscribe()
      }),
  }
}

const agent = createLongRunAgent({ events: 3000, seed: 7 })
const input = (runId: string) => ({
  threadId: 't',
  runId,
  messages: [USER_MESSAGE],
  tools: [],
  context: [],
})

describe('createLongRunAgent', () => {
  it('streams a few thousand valid events numbered 1..n that reduce to a finished run', async () => {
    const events = await longRunEvents(agent, input('r1'))
    expect(events.length).toBeGreaterThanOrEqual(3000)
    expect(events.length).toBeLessThan(3200)
    expect(events.map((e) => e.timestamp)).toEqual(events.map((_, i) => i + 1))
    const types = new Set(events.map((e) => e.type))
    for (const type of [
      'TEXT_MESSAGE_CONTENT',
      'TOOL_CALL_ARGS',
      'TOOL_CALL_RESULT',
      'STATE_DELTA',
    ])
      expect(types).toContain(type)
    const snapshot = reduceEvents(events, { messages: [USER_MESSAGE] })
    expect(snapshot.run.status).toBe('finished')
    expect(snapshot.messages.length).toBeGreaterThan(50)
    expect((snapshot.state as { counter: number }).counter).toBeGreaterThan(20)
  })

  it('is deterministic per seed and independent of the input ids', async () => {
    const strip = (events: Array<Record<string, unknown>>) =>
      events.map(({ runId: _r, threadId: _t, ...rest }) => rest)
    const a = await longRunEvents(agent, input('r1'))
    const b = await longRunEvents(agent, input('r2'))
    expect(strip(a)).toEqual(strip(b))
    const other = await longRunEvents(createLongRunAgent({ events: 3000, seed: 8 }), input('r1'))
    expect(strip(other)).not.toEqual(strip(a))
  })
})

describe('fault harness: uncut runs through the real server (no faults)', () => {
  let server: FaultServer
  let proxy: FaultProxy
  beforeAll(async () => {
    server = await startFaultServer(agent)
    proxy = await createFaultProxy({ target: server.port, seed: 1 })
  })
  afterAll(async () => {
    await proxy.close()
    await server.close()
  })

  it('the SSE answer head says X-AWR-Resumable and is shorter than 800 bytes (so some POST cuts in 0-24 kB land inside it: the lost-head attach is exercised)', async () => {
    const head = await new Promise<string>((resolve, reject) => {
      const body = JSON.stringify(input('head-run'))
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(
          `POST /agent HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        ),
      )
      let text = ''
      socket.on('data', (d) => {
        text += d.toString('latin1')
        const end = text.indexOf('\r\n\r\n')
        if (end >= 0) {
          socket.destroy()
          resolve(text.slice(0, end + 4))
        }
      })
      socket.on('error', reject)
    })
    expect(head).toMatch(/x-awr-resumable: 1/i)
    expect(head.length).toBeLessThan(800)
  })

  it.each(['http', 'ws'] as const)(
    'a store run over %s, direct and through the transparent proxy, equals the in-process reduction',
    async (transport) => {
      const expected = await expectedSnapshot(agent)
      for (const port of [server.port, proxy.port]) {
        const client = transport === 'http' ? httpAgentAt(port) : wsAgentAt(port)
        const run = await runStore(client)
        if (transport === 'ws') (client as ReturnType<typeof wsAgentAt>).close()
        expect(run.snapshot.run.status).toBe('finished')
        expect(run.snapshot.messages).toEqual(expected.messages)
        expect(run.snapshot.state).toEqual(expected.state)
        expect(tally(run.seqs, expected.events)).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 })
        expect(run.ids).toEqual(run.seqs)
      }
      expect(proxy.stats.cuts).toBe(0)
    },
  )

  it.each(['drop', 'repeat'] as const)(
    'the checks catch a transport that %ss one event',
    async (fault) => {
      const expected = await expectedSnapshot(agent)
      const run = await runStore(faulty(httpAgentAt(server.port), fault))
      const problems = problemsOf(run, expected, 'faulty').join('\n')
      expect(problems).toContain(fault === 'drop' ? 'lost 1, duplicated 0' : 'lost 0, duplicated 1')
      expect(problems).toContain('messages differ from the uncut run')
    },
  )
})
