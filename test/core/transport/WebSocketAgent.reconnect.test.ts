/**
 * WebSocketAgent against a real `ws` server that drops connections: the close-code policy,
 * backoff and caps, resume with de-duplication, replay gaps, snapshot re-sync, heartbeats,
 * online/offline and page visibility. Delays are made deterministic with an injected random
 * source (and, where time must not pass by itself, a manual clock).
 */
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import { createManualClock } from './manualClock'
import { setupWsHarness } from './wsAgentHarness'
import { collect, replyEvents, until } from './wsTestServer'

const h = setupWsHarness()
const half = () => 0.5

describe('WebSocketAgent: close codes that reconnect and resume', () => {
  const cases: Array<[number, string]> = [
    [1001, 'going away'],
    [1006, 'abnormal closure (connection cut)'],
    [1011, 'internal error'],
    [1012, 'service restart'],
    [1013, 'try again later'],
    [4000, 'generic'],
    [4321, 'unknown code, treated as 4000'],
  ]
  for (const [code, label] of cases) {
    it(`${code} ${label}: backoff, then resume from the last id; every event exactly once`, async () => {
      const agent = h.makeAgent({ reconnect: { baseMs: 40 }, random: half })
      const states = h.states(agent)
      const diagnostics: Diagnostic[] = []
      const run = h.input()
      void h.cutAfter(3, (conn) =>
        code === 1006 ? conn.socket.terminate() : conn.socket.close(code, 'bye'),
      )
      const second = h.server.nextConnection().then(() => h.server.nextConnection())
      const result = await collect(agent.run(run, { onDiagnostic: (d) => diagnostics.push(d) }))
      expect(result.completed).toBe(true)
      expect(result.events).toEqual(replyEvents('t1', run.runId))
      const reconnecting = states.find((s) => s.status === 'reconnecting')
      expect(reconnecting).toMatchObject({
        attempt: 1,
        nextRetryMs: 20,
        error: { closeCode: code },
      })
      expect((await second).frames[1]).toEqual({
        type: 'resume',
        threadId: 't1',
        runId: run.runId,
        lastEventId: 3,
      })
      const unknown = diagnostics.filter((d) => d.code === 'unknown_close_code')
      expect(unknown).toHaveLength(code === 4321 ? 1 : 0)
    })
  }

  it('4001 invalid session: a fresh connection at once (no delay), runs re-attached', async () => {
    const agent = h.makeAgent({ reconnect: { baseMs: 10_000 }, random: half })
    const states = h.states(agent)
    const run = h.input()
    void h.cutAfter(2, (conn) => conn.socket.close(4001, 'invalid session'))
    const result = await collect(agent.run(run))
    expect(result.events).toEqual(replyEvents('t1', run.runId))
    expect(states.find((s) => s.status === 'reconnecting')).toMatchObject({ nextRetryMs: 0 })
  })

  it('4004 with retry-after=N: waits N seconds (rate_limited error in the state)', async () => {
    const agent = h.makeAgent({ random: half })
    const states = h.states(agent)
    void h.cutAfter(2, (conn) => conn.socket.close(4004, 'slow down; retry-after=0.05'))
    const result = await collect(agent.run(h.input()))
    expect(result.completed).toBe(true)
    expect(states.find((s) => s.status === 'reconnecting')).toMatchObject({
      nextRetryMs: 50,
      error: { code: 'rate_limited', retryAfterMs: 50, closeCode: 4004 },
    })
  })

  it('4004 without retry-after: waits at least 30 s', async () => {
    const clock = createManualClock()
    const agent = h.makeAgent({ clock, random: half, heartbeatMs: 0 })
    const states = h.states(agent)
    void h.cutAfter(2, (conn) => conn.socket.close(4004))
    const done = collect(agent.run(h.input()))
    await until(() => states.at(-1)?.status === 'reconnecting')
    expect(states.at(-1)).toMatchObject({ nextRetryMs: 30_000, error: { code: 'rate_limited' } })
    clock.advance(29_999)
    expect(agent.getConnectionState().status).toBe('reconnecting')
    clock.advance(1)
    expect((await done).completed).toBe(true)
  })

  it('1000 with a run still open: closed, the run ends with connection_closed', async () => {
    const agent = h.makeAgent()
    void h.cutAfter(2, (conn) => conn.socket.close(1000))
    const { events, error } = await collect(agent.run(h.input()))
    expect(events).toHaveLength(2)
    expect(error).toMatchObject({ code: 'connection_closed', closeCode: 1000 })
    expect(agent.getConnectionState()).toMatchObject({
      status: 'closed',
      error: { code: 'connection_closed' },
    })
  })

  it('1000 with no run open: closed without error, and the next run reconnects', async () => {
    const agent = h.makeAgent()
    await collect(agent.run(h.input()))
    h.server.connections.at(-1)!.socket.close(1000)
    await until(() => agent.getConnectionState().status === 'closed')
    expect(agent.getConnectionState()).toEqual({ status: 'closed' })
    expect((await collect(agent.run(h.input()))).completed).toBe(true)
  })
})

describe('WebSocketAgent: backoff caps', () => {
  it('exponential backoff with full jitter, capped; gives up after maxAttempts with connection_closed', async () => {
    const clock = createManualClock()
    const dead = h.server.url.replace(/:\d+/, ':1') // nothing listens on port 1
    const agent = h.makeAgent({
      url: dead,
      clock,
      random: half,
      reconnect: { baseMs: 100, capMs: 250, maxAttempts: 4 },
    })
    const states = h.states(agent)
    const done = collect(agent.run(h.input()))
    for (let attempt = 1; attempt <= 4; attempt++) {
      await until(() => states.some((s) => s.status === 'reconnecting' && s.attempt === attempt))
      clock.advance(
        states.at(-1)!.status === 'reconnecting' ? (states.at(-1) as any).nextRetryMs : 0,
      )
    }
    const { error } = await done
    expect(error).toMatchObject({ code: 'connection_closed' })
    expect(error.message).toContain('4 attempts')
    expect(error.cause).toMatchObject({ code: 'network', closeCode: 1006 })
    const delays = states.filter((s) => s.status === 'reconnecting').map((s: any) => s.nextRetryMs)
    expect(delays).toEqual([50, 100, 125, 125])
    expect(agent.getConnectionState()).toMatchObject({
      status: 'closed',
      error: { code: 'connection_closed' },
    })
  })
})

describe('WebSocketAgent: resume', () => {
  it('a replay that goes back over delivered ids: duplicates dropped with diagnostics, each event once', async () => {
    const agent = h.makeAgent({ reconnect: { baseMs: 1 } })
    const diagnostics: Diagnostic[] = []
    const run = h.input()
    const cut = h.cutAfter(5, (conn) => conn.socket.terminate())
    void cut.then(() => {
      h.server.intercept = (conn, frame) => {
        if (frame.type !== 'resume') return false
        conn.replay(h.server.runs.get(frame.runId)!, 1) // replays from id 2
        return true
      }
    })
    const result = await collect(agent.run(run, { onDiagnostic: (d) => diagnostics.push(d) }))
    expect(result.events).toEqual(replyEvents('t1', run.runId))
    expect(diagnostics.filter((d) => d.code === 'duplicate_event_dropped')).toHaveLength(4)
  })

  it('the server no longer holds the missed events (replay_gap error): re-asks from firstId, then truncated', async () => {
    const agent = h.makeAgent({ reconnect: { baseMs: 1 } })
    const diagnostics: Diagnostic[] = []
    const run = h.input()
    void h.cutAfter(3, (conn) => {
      h.server.runs.get(run.runId)!.firstId = 6
      conn.socket.terminate()
    })
    const { events, error } = await collect(
      agent.run(run, { onDiagnostic: (d) => diagnostics.push(d) }),
    )
    expect(events).toEqual(replyEvents('t1', run.runId).slice(0, 3))
    expect(error).toMatchObject({ code: 'truncated', cause: { code: 'replay_gap', firstId: 6 } })
    const resumes = h.server.connections.at(-1)!.frames.filter((f) => f.type === 'resume')
    expect(resumes.map((f) => f.lastEventId)).toEqual([3, 5])
    expect(diagnostics.map((d) => d.code)).toContain('replay_gap')
  })

  it('a replay that starts after the gap (no error frame) → truncated with cause replay_gap', async () => {
    const agent = h.makeAgent({ reconnect: { baseMs: 1 } })
    const run = h.input()
    void h.cutAfter(3, (conn) => {
      h.server.intercept = (c, frame) => {
        if (frame.type !== 'resume') return false
        c.replay(h.server.runs.get(frame.runId)!, 5)
        return true
      }
      conn.socket.terminate()
    })
    const { events, error } = await collect(agent.run(run))
    expect(events).toHaveLength(3)
    expect(error).toMatchObject({ code: 'truncated', cause: { code: 'replay_gap', firstId: 6 } })
  })

  it('a replay after a gap that starts with MESSAGES_SNAPSHOT re-syncs and the run completes', async () => {
    const agent = h.makeAgent({ reconnect: { baseMs: 1 } })
    const diagnostics: Diagnostic[] = []
    const run = h.input()
    const events = (i: any) => [
      { type: 'RUN_STARTED', threadId: 't1', runId: i.runId },
      { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'He' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'llo' },
      { type: 'TEXT_MESSAGE_END', messageId: 'm' },
      { type: 'MESSAGES_SNAPSHOT', messages: [{ id: 'm', role: 'assistant', content: 'Hello' }] },
      { type: 'STATE_SNAPSHOT', snapshot: { n: 1 } },
      { type: 'RUN_FINISHED', threadId: 't1', runId: i.runId },
    ]
    void h.cutAfter(
      3,
      (conn) => {
        h.server.runs.get(run.runId)!.firstId = 6
        conn.socket.terminate()
      },
      events,
    )
    const result = await collect(agent.run(run, { onDiagnostic: (d) => diagnostics.push(d) }))
    expect(result.completed).toBe(true)
    expect(result.events.map((e) => e.type)).toEqual([
      'RUN_STARTED',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'MESSAGES_SNAPSHOT',
      'STATE_SNAPSHOT',
      'RUN_FINISHED',
    ])
    expect(diagnostics.map((d) => d.code)).toEqual(['replay_gap', 'replay_resynced'])
  })

  it('a run frame lost with the connection (nothing received) is sent again as `run` on the next one, not `resume`', async () => {
    const agent = h.makeAgent({ reconnect: { baseMs: 1 } })
    const run = h.input()
    let first = true
    h.server.intercept = (conn, frame) => {
      if (!first || frame.type !== 'run') return false
      first = false
      conn.socket.terminate() // the run never reached the agent
      return true
    }
    const result = await collect(agent.run(run))
    expect(result.events).toEqual(replyEvents('t1', run.runId))
    const frames = h.server.connections.at(-1)!.frames.map((f) => f.type)
    expect(frames).toEqual(['ping', 'run'])
  })

  it('resumes every active run after a reconnect', async () => {
    const agent = h.makeAgent({ reconnect: { baseMs: 1 } })
    const runs = [h.input(), h.input(), h.input()]
    let started = 0
    h.server.intercept = (conn, frame) => {
      if (frame.type !== 'run') return false
      const { threadId, runId } = frame.input
      const run = {
        runId,
        threadId,
        events: replyEvents(threadId, runId),
        firstId: 1,
        finished: true,
      }
      h.server.runs.set(runId, run)
      conn.send({ type: 'event', runId, id: 1, event: run.events[0] })
      if (++started === 3) {
        setTimeout(() => conn.socket.terminate(), 10)
      }
      return true
    }
    const results = await Promise.all(runs.map((r) => collect(agent.run(r))))
    results.forEach((r, i) => expect(r.events).toEqual(replyEvents('t1', runs[i].runId)))
    const resumes = h.server.connections.at(-1)!.frames.filter((f) => f.type === 'resume')
    expect(resumes.map((f) => [f.runId, f.lastEventId]).sort()).toEqual(
      runs.map((r) => [r.runId, 1]).sort(),
    )
  })
})

describe('WebSocketAgent: heartbeat', () => {
  it('a server that accepts and then never sends: heartbeat_timeout, reconnect, the run is re-sent', async () => {
    const clock = createManualClock()
    const agent = h.makeAgent({
      clock,
      random: half,
      heartbeatMs: 1000,
      heartbeatTimeoutMs: 500,
      reconnect: { baseMs: 100 },
    })
    const states = h.states(agent)
    const diagnostics: Diagnostic[] = []
    let silent = true
    h.server.intercept = () => silent // swallows everything: no pong, no events
    const done = collect(agent.run(h.input(), { onDiagnostic: (d) => diagnostics.push(d) }))
    const conn = await h.server.nextConnection()
    await conn.nextFrame((f) => f.type === 'run')
    clock.advance(499)
    expect(agent.getConnectionState().status).toBe('open')
    clock.advance(1)
    expect(agent.getConnectionState()).toMatchObject({
      status: 'reconnecting',
      attempt: 1,
      nextRetryMs: 50,
      error: { code: 'heartbeat_timeout' },
    })
    expect(diagnostics.map((d) => d.code)).toEqual(['heartbeat_timeout'])
    silent = false
    clock.advance(50)
    const result = await done
    expect(result.completed).toBe(true)
    expect(states.map((s) => s.status)).toContain('reconnecting')
  })

  it('pings every heartbeatMs; answered pings keep the connection open and report latency', async () => {
    const clock = createManualClock()
    const agent = h.makeAgent({ clock, heartbeatMs: 1000, heartbeatTimeoutMs: 500 })
    const states = h.states(agent)
    let pings = 0
    h.server.intercept = (conn, frame) => {
      // the n-th pong claims its ping left n ms earlier: each answer shows as a new latency
      if (frame.type === 'ping') conn.send({ type: 'pong', ts: frame.ts - ++pings })
      return frame.type === 'run' || frame.type === 'ping' // holds the run
    }
    const sub = agent.run(h.input()).subscribe({ error: () => undefined })
    const latency = (ms: number) => states.some((s) => s.status === 'open' && s.latencyMs === ms)
    await until(() => latency(1))
    for (let i = 2; i <= 4; i++) {
      clock.advance(1000)
      await until(() => latency(i))
    }
    clock.advance(999)
    expect(agent.getConnectionState()).toEqual({ status: 'open', latencyMs: 4 })
    sub.unsubscribe()
  })
})

describe('WebSocketAgent: page lifecycle', () => {
  class FakeWindow extends EventTarget {
    navigator = { onLine: true }
  }
  class FakeDocument extends EventTarget {
    visibilityState = 'visible'
  }

  it('offline drops the connection and waits for online (no timer); online reconnects and resumes', async () => {
    const win = new FakeWindow()
    const agent = h.makeAgent({ window: win, reconnect: { baseMs: 1 } })
    const run = h.input()
    h.server.intercept = (conn, frame) => {
      if (frame.type !== 'run') return false
      const { threadId, runId } = frame.input
      const events = replyEvents(threadId, runId)
      h.server.runs.set(runId, {
        runId,
        threadId,
        events: events.slice(0, 2),
        firstId: 1,
        finished: false,
      })
      conn.replay(h.server.runs.get(runId)!, 0)
      return true
    }
    const got: unknown[] = []
    const done = new Promise<void>((resolve) =>
      agent.run(run).subscribe({ next: (e) => got.push(e), complete: resolve }),
    )
    await until(() => got.length === 2)
    win.navigator.onLine = false
    win.dispatchEvent(new Event('offline'))
    expect(agent.getConnectionState()).toMatchObject({
      status: 'reconnecting',
      waitingFor: 'online',
      error: { code: 'network' },
    })
    const serverRun = h.server.runs.get(run.runId)!
    serverRun.events = replyEvents('t1', run.runId)
    serverRun.finished = true
    await new Promise((r) => setTimeout(r, 20))
    expect(agent.getConnectionState().status).toBe('reconnecting') // still waiting
    win.navigator.onLine = true
    win.dispatchEvent(new Event('online'))
    await done
    expect(got).toEqual(replyEvents('t1', run.runId))
  })

  it('online while a backoff timer waits: reconnects at once', async () => {
    const clock = createManualClock()
    const win = new FakeWindow()
    const agent = h.makeAgent({
      window: win,
      clock,
      random: half,
      heartbeatMs: 0,
      reconnect: { baseMs: 60_000 },
    })
    void h.cutAfter(2, (conn) => conn.socket.terminate())
    const done = collect(agent.run(h.input()))
    await until(() => agent.getConnectionState().status === 'reconnecting')
    expect(agent.getConnectionState()).toMatchObject({ nextRetryMs: 15_000 }) // 0.5 × cap 30 s
    win.dispatchEvent(new Event('online'))
    expect((await done).completed).toBe(true)
  })

  it('no heartbeat verdict while the page is hidden; visible again pings and judges', async () => {
    const clock = createManualClock()
    const doc = new FakeDocument()
    doc.visibilityState = 'hidden'
    const agent = h.makeAgent({
      document: doc,
      clock,
      random: half,
      heartbeatMs: 1000,
      heartbeatTimeoutMs: 500,
    })
    h.server.intercept = (_conn, frame) => frame.type === 'run' || frame.type === 'ping' // silent
    const sub = agent.run(h.input()).subscribe({ error: () => undefined })
    const conn = await h.server.nextConnection()
    await conn.nextFrame((f) => f.type === 'run')
    clock.advance(10_000)
    expect(agent.getConnectionState().status).toBe('open')
    doc.visibilityState = 'visible'
    doc.dispatchEvent(new Event('visibilitychange'))
    clock.advance(500)
    expect(agent.getConnectionState()).toMatchObject({
      status: 'reconnecting',
      error: { code: 'heartbeat_timeout' },
    })
    sub.unsubscribe()
  })
})
