/**
 * WebSocketAgent with the event validator not loaded yet (issue 7: a lazy chunk, loaded while
 * the connection opens): the run's frames are held in order until it is there, then validated
 * and delivered; a chunk that fails ends the run with `load_failed`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import { gateEventParser, turns } from '../protocol/gateEventParser'
import { collect, replyEvents, startWsTestServer, until, type WsTestServer } from './wsTestServer'

let server: WsTestServer
beforeAll(async () => {
  server = await startWsTestServer()
})
afterAll(() => server.close())

let gate: ReturnType<typeof gateEventParser> | undefined
const closers: Array<() => void> = []
afterEach(() => {
  closers.splice(0).forEach((close) => close())
  gate?.restore()
})

const input: RunAgentInput = { threadId: 't1', runId: 'r1', messages: [], tools: [], context: [] }

async function freshAgent() {
  const { WebSocketAgent } = await import('../../../src/core/transport/WebSocketAgent')
  const agent = new WebSocketAgent({
    url: server.url,
    WebSocket: WebSocket as never,
    window: null,
    document: null,
  })
  closers.push(() => agent.close())
  return agent
}

describe('WebSocketAgent: the event validator loads while the connection opens', () => {
  it("holds the run's frames (events, end) until it is there, then delivers every event once, in order", async () => {
    gate = gateEventParser()
    const agent = await freshAgent()
    let delivered = 0
    const result = collect(agent.run(input))
    const counted = agent.run({ ...input, runId: 'r2' }).subscribe({ next: () => delivered++ })
    closers.push(() => counted.unsubscribe())
    // Both runs were answered in full (events and `end`) while the chunk was still loading.
    await until(() =>
      server.connections.some((c) => c.frames.filter((f) => f.type === 'run').length === 2),
    )
    await turns(5)
    expect(delivered).toBe(0)
    gate.open()
    const { events, completed } = await result
    expect(completed).toBe(true)
    expect(events).toEqual(replyEvents('t1', 'r1'))
  })

  it('a validator chunk that fails to load ends the run with load_failed', async () => {
    gate = gateEventParser('fail')
    const agent = await freshAgent()
    const { events, error } = await collect(agent.run(input))
    expect(events).toEqual([])
    expect(error).toMatchObject({ name: 'AgentError', code: 'load_failed', retryable: true })
  })
})
