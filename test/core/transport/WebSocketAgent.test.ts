import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import type { ConnectionState } from '../../../src/core/transport/ConnectionState'
import { WebSocketAgent } from '../../../src/core/transport/WebSocketAgent'
import type { WebSocketAgentOptions } from '../../../src/core/transport/WebSocketAgentOptions'
import { collect, replyEvents, startWsTestServer, until, type WsTestServer } from './wsTestServer'

let server: WsTestServer
beforeAll(async () => {
  server = await startWsTestServer()
})
afterAll(() => server.close())

const agents: WebSocketAgent[] = []
afterEach(() => {
  agents.splice(0).forEach((a) => a.close())
  server.intercept = undefined
  server.onConnection = undefined
  server.script = (input) => replyEvents(input.threadId, input.runId)
})

function makeAgent(options: Partial<WebSocketAgentOptions> = {}) {
  const agent = new WebSocketAgent({
    url: server.url,
    WebSocket: WebSocket as never,
    window: null,
    document: null,
    ...options,
  })
  agents.push(agent)
  return agent
}

let n = 0
const input = (runId = `r${++n}`): RunAgentInput => ({
  threadId: 't1',
  runId,
  messages: [{ id: 'u', role: 'user', content: 'hi' }],
  tools: [],
  context: [],
})

describe('WebSocketAgent: runs', () => {
  it('sends the run as a frame after the auth frame, and delivers validated events until end', async () => {
    const agent = makeAgent({ auth: 'secret' })
    expect(agent.validatesEvents).toBe(true)
    const ids: number[] = []
    const run = input()
    const { events, completed } = await collect(agent.run(run, { onEventId: (id) => ids.push(id) }))
    expect(completed).toBe(true)
    expect(events).toEqual(replyEvents('t1', run.runId))
    expect(ids).toEqual(events.map((_, i) => i + 1))
    const conn = server.connections.at(-1)!
    expect(conn.offered).toEqual(['awr.v1'])
    expect(conn.url).toBe('/agent')
    expect(conn.frames[0]).toEqual({ type: 'auth', token: 'secret' })
    expect(conn.frames[1]).toMatchObject({ type: 'ping' })
    expect(conn.frames[2]).toEqual({ type: 'run', input: { ...run, protocolVersion: '1.1' } })
  })

  it('multiplexes several runs over one connection, each getting only its own events', async () => {
    const agent = makeAgent()
    const before = server.connections.length
    const runs = [input(), input(), input()]
    server.script = (i) => replyEvents(i.threadId, i.runId, `reply ${i.runId}`)
    const results = await Promise.all(runs.map((r) => collect(agent.run(r))))
    expect(server.connections.length - before).toBe(1)
    results.forEach((result, i) => {
      expect(result.completed).toBe(true)
      expect(result.events).toEqual(replyEvents('t1', runs[i].runId, `reply ${runs[i].runId}`))
    })
  })

  it('reports connection states: idle → connecting → open (with latency)', async () => {
    const agent = makeAgent()
    const states: ConnectionState[] = []
    expect(agent.getConnectionState()).toEqual({ status: 'idle' })
    agent.subscribeConnection((s) => states.push(s))
    await collect(agent.run(input()))
    expect(states.map((s) => s.status).slice(0, 2)).toEqual(['connecting', 'open'])
    expect(states.some((s) => s.status === 'open' && typeof s.latencyMs === 'number')).toBe(true)
    expect(agent.getConnectionState()).toBe(states.at(-1))
    agent.close()
    expect(agent.getConnectionState()).toEqual({ status: 'closed' })
  })

  it('validates events: a schema failure ends that run with invalid_event, detaching it; others go on', async () => {
    const agent = makeAgent()
    const bad = input()
    const good = input()
    server.script = (i) =>
      i.runId === bad.runId
        ? [
            { type: 'RUN_STARTED', threadId: 't1', runId: bad.runId },
            { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 42 },
          ]
        : replyEvents('t1', i.runId)
    const [b, g] = await Promise.all([collect(agent.run(bad)), collect(agent.run(good))])
    expect(b.events.map((e) => e.type)).toEqual(['RUN_STARTED'])
    expect(b.error).toMatchObject({ code: 'invalid_event' })
    expect(g.completed).toBe(true)
    const frames = server.connections.at(-1)!.frames
    await until(() => frames.some((f) => f.type === 'detach'))
    expect(frames.filter((f) => f.type === 'detach')).toEqual([
      { type: 'detach', runId: bad.runId },
    ])
  })

  it('an end frame without a terminal event → truncated', async () => {
    const agent = makeAgent()
    server.script = (i) => [{ type: 'RUN_STARTED', threadId: 't1', runId: i.runId }]
    const { events, error } = await collect(agent.run(input()))
    expect(events).toHaveLength(1)
    expect(error).toMatchObject({ code: 'truncated' })
  })

  it('completes terminalGraceMs after the terminal event when the server sends no end', async () => {
    const agent = makeAgent({ terminalGraceMs: 20 })
    server.intercept = (conn, frame) => {
      if (frame.type !== 'run') return false
      replyEvents('t1', frame.input.runId).forEach((event, i) =>
        conn.send({ type: 'event', runId: frame.input.runId, id: i + 1, event }),
      )
      return true
    }
    const { completed, events } = await collect(agent.run(input()))
    expect(completed).toBe(true)
    expect(events).toHaveLength(9)
  })

  it('a second subscription to a run already received → busy', async () => {
    const agent = makeAgent()
    server.intercept = (_conn, frame) => frame.type === 'run' // never answers
    const run = input()
    const sub = agent.run(run).subscribe(() => undefined)
    const { error } = await collect(agent.run(run))
    expect(error).toMatchObject({ code: 'busy' })
    sub.unsubscribe()
  })

  it("a server error frame 'busy' for the run → busy", async () => {
    const agent = makeAgent()
    server.intercept = (conn, frame) => {
      if (frame.type !== 'run') return false
      conn.send({ type: 'error', runId: frame.input.runId, code: 'busy', message: 'one at a time' })
      return true
    }
    const { error } = await collect(agent.run(input()))
    expect(error).toMatchObject({ code: 'busy' })
    expect(error.message).toContain('one at a time')
  })
})

describe('WebSocketAgent: run-level error frames', () => {
  it('another code (internal_error: the agent failed to start) → run_error with agentCode', async () => {
    const agent = makeAgent()
    server.intercept = (conn, frame) => {
      if (frame.type !== 'run') return false
      conn.send({
        type: 'error',
        runId: frame.input.runId,
        code: 'internal_error',
        message: 'boom',
      })
      return true
    }
    const { error } = await collect(agent.run(input()))
    expect(error).toMatchObject({ code: 'run_error', agentCode: 'internal_error' })
    expect(error.message).toContain('boom')
  })
})

describe('WebSocketAgent: stop, detach, attach', () => {
  const hold = () => {
    // plays only RUN_STARTED and keeps the run open on the server
    server.intercept = (conn, frame) => {
      if (frame.type !== 'run') return false
      const { threadId, runId } = frame.input
      server.runs.set(runId, {
        runId,
        threadId,
        events: [{ type: 'RUN_STARTED', threadId, runId }],
        firstId: 1,
        finished: false,
      })
      conn.replay(server.runs.get(runId)!, 0)
      return true
    }
  }

  it('aborting the signal sends stop and errors with aborted; nothing is delivered after', async () => {
    hold()
    const agent = makeAgent()
    const controller = new AbortController()
    const run = input()
    const events: unknown[] = []
    const done = new Promise<any>((resolve) =>
      agent.run(run, { signal: controller.signal }).subscribe({
        next: (e) => events.push(e),
        error: resolve,
      }),
    )
    const conn = await server.nextConnection()
    await conn.nextFrame((f) => f.type === 'run')
    await new Promise((r) => setTimeout(r, 20))
    const stop = conn.nextFrame((f) => f.type === 'stop')
    controller.abort()
    expect(await done).toMatchObject({ code: 'aborted' })
    expect(await stop).toEqual({ type: 'stop', runId: run.runId })
    expect(events).toHaveLength(1)
  })

  it('unsubscribe sends detach; attach re-joins with resume from lastEventId and gets the rest', async () => {
    hold()
    const agent = makeAgent()
    const run = input()
    let last = 0
    const first: unknown[] = []
    const sub = agent.run(run, { onEventId: (id) => (last = id) }).subscribe((e) => first.push(e))
    const conn = await server.nextConnection()
    await conn.nextFrame((f) => f.type === 'run')
    await until(() => first.length > 0)
    const detach = conn.nextFrame((f) => f.type === 'detach')
    sub.unsubscribe()
    expect(await detach).toEqual({ type: 'detach', runId: run.runId })
    expect(last).toBe(1)
    // the run goes on on the server
    const serverRun = server.runs.get(run.runId)!
    serverRun.events.push(...replyEvents('t1', run.runId).slice(1))
    serverRun.finished = true
    const resume = conn.nextFrame((f) => f.type === 'resume')
    const rest = await collect(
      agent.attach({ threadId: 't1', runId: run.runId, lastEventId: last }),
    )
    expect(await resume).toEqual({
      type: 'resume',
      threadId: 't1',
      runId: run.runId,
      lastEventId: 1,
    })
    expect(rest.completed).toBe(true)
    expect([...first, ...rest.events]).toEqual(replyEvents('t1', run.runId))
  })

  it('attach to an unknown run → run_not_found', async () => {
    const agent = makeAgent()
    const { error, events } = await collect(agent.attach({ threadId: 't1', runId: 'nope' }))
    expect(events).toEqual([])
    expect(error).toMatchObject({ code: 'run_not_found' })
  })

  it('cancelRun sends a stop frame, opening the connection if needed', async () => {
    const agent = makeAgent()
    const next = server.nextConnection()
    const sent = agent.cancelRun('r-x')
    const conn = await next
    const stop = await conn.nextFrame((f) => f.type === 'stop')
    await sent
    expect(stop).toEqual({ type: 'stop', runId: 'r-x' })
  })

  it('closes the connection idleCloseMs after the last run', async () => {
    const agent = makeAgent({ idleCloseMs: 10 })
    const states: string[] = []
    agent.subscribeConnection((s) => states.push(s.status))
    await collect(agent.run(input()))
    const conn = server.connections.at(-1)!
    expect((await conn.closed).code).toBe(1000)
    expect(agent.getConnectionState()).toEqual({ status: 'idle' })
    // and a new run opens a new connection
    expect((await collect(agent.run(input()))).completed).toBe(true)
  })
})

describe('WebSocketAgent: diagnostics', () => {
  it('passes parser findings to both onDiagnostic callbacks', async () => {
    const agentDiagnostics: Diagnostic[] = []
    const runDiagnostics: Diagnostic[] = []
    const agent = makeAgent({ onDiagnostic: (d) => agentDiagnostics.push(d) })
    server.script = (i) => [
      { type: 'RUN_STARTED', threadId: 't1', runId: i.runId },
      { type: 'FUTURE_EVENT' },
      { type: 'RUN_FINISHED', threadId: 't1', runId: i.runId },
    ]
    const ids: number[] = []
    const { events } = await collect(
      agent.run(input(), {
        onDiagnostic: (d) => runDiagnostics.push(d),
        onEventId: (id) => ids.push(id),
      }),
    )
    expect(events.map((e) => e.type)).toEqual(['RUN_STARTED', 'RUN_FINISHED'])
    expect(ids).toEqual([1, 2, 3]) // the dropped event's id is consumed too
    expect(agentDiagnostics.map((d) => d.code)).toEqual(['unknown_event_dropped'])
    expect(runDiagnostics.map((d) => d.code)).toEqual(['unknown_event_dropped'])
  })

  it('throws a TypeError without a WebSocket constructor', () => {
    const original = (globalThis as any).WebSocket
    ;(globalThis as any).WebSocket = undefined
    try {
      expect(() => new WebSocketAgent({ url: server.url })).toThrow(TypeError)
    } finally {
      ;(globalThis as any).WebSocket = original
    }
  })
})
