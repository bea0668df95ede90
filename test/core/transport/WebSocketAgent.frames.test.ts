/** WebSocketAgent and bad frames: binary, not JSON, too large, unknown envelopes, foreign runs. */
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import { setupWsHarness } from './wsAgentHarness'
import { collect, replyEvents, until, type TestConnection } from './wsTestServer'

const h = setupWsHarness()

/** Serves the run's events, calling `inject(conn)` after the second one. */
function injectAfterTwo(inject: (conn: TestConnection, runId: string) => void) {
  h.server.intercept = (conn, frame) => {
    if (frame.type !== 'run') return false
    const { threadId, runId } = frame.input
    replyEvents(threadId, runId).forEach((event, i) => {
      if (i === 2) inject(conn, runId)
      conn.send({ type: 'event', runId, id: i + 1, event })
    })
    conn.send({ type: 'end', runId })
    return true
  }
}

describe('WebSocketAgent: bad frames', () => {
  it('a binary frame is ignored with a bad_frame diagnostic; the run completes', async () => {
    injectAfterTwo((conn) => conn.socket.send(new Uint8Array([1, 2, 3])))
    const diagnostics: Diagnostic[] = []
    const agent = h.makeAgent()
    const run = h.input()
    const result = await collect(agent.run(run, { onDiagnostic: (d) => diagnostics.push(d) }))
    expect(result.completed).toBe(true)
    expect(result.events).toEqual(replyEvents('t1', run.runId))
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'bad_frame', level: 'warning' })])
    expect(diagnostics[0].message).toContain('binary')
  })

  it('an unknown envelope type is ignored with a bad_frame diagnostic', async () => {
    injectAfterTwo((conn) => conn.send({ type: 'future-thing', x: 1 }))
    const diagnostics: Diagnostic[] = []
    const agent = h.makeAgent({ onDiagnostic: (d) => diagnostics.push(d) })
    const result = await collect(agent.run(h.input()))
    expect(result.completed).toBe(true)
    expect(diagnostics.map((d) => d.code)).toEqual(['bad_frame'])
    expect(diagnostics[0].message).toContain('future-thing')
  })

  it('a text frame that is not JSON → invalid_json for every open run, after the events received', async () => {
    const agent = h.makeAgent()
    const other = h.input()
    let otherStarted = false
    h.server.intercept = (conn, frame) => {
      if (frame.type !== 'run') return false
      const { threadId, runId } = frame.input
      const events = replyEvents(threadId, runId)
      if (runId === other.runId) {
        conn.send({ type: 'event', runId, id: 1, event: events[0] })
        otherStarted = true
        return true
      }
      void until(() => otherStarted).then(() => {
        conn.send({ type: 'event', runId, id: 1, event: events[0] })
        conn.send({ type: 'event', runId, id: 2, event: events[1] })
        conn.socket.send('not json {')
      })
      return true
    }
    const otherDone = collect(agent.run(other))
    const { events, error } = await collect(agent.run(h.input()))
    expect(events).toHaveLength(2)
    expect(error).toMatchObject({ code: 'invalid_json' })
    expect(error.message).toContain('not json {')
    expect((await otherDone).error).toMatchObject({ code: 'invalid_json' })
  })

  it('a frame over maxFrameBytes → limit_exceeded', async () => {
    injectAfterTwo((conn, runId) =>
      conn.send({
        type: 'event',
        runId,
        id: 3,
        event: { type: 'TEXT_MESSAGE_CONTENT', messageId: `m-${runId}`, delta: 'x'.repeat(5000) },
      }),
    )
    const agent = h.makeAgent({ maxFrameBytes: 4096 })
    const { events, error } = await collect(agent.run(h.input()))
    expect(events).toHaveLength(2)
    expect(error).toMatchObject({ code: 'limit_exceeded' })
  })

  it('events of a run this agent does not receive are ignored', async () => {
    injectAfterTwo((conn) =>
      conn.send({ type: 'event', runId: 'someone-else', id: 1, event: { type: 'RUN_STARTED' } }),
    )
    const agent = h.makeAgent()
    const run = h.input()
    const result = await collect(agent.run(run))
    expect(result.events).toEqual(replyEvents('t1', run.runId))
  })

  it('an id that goes backwards mid-stream is dropped with a diagnostic', async () => {
    injectAfterTwo((conn, runId) =>
      conn.send({
        type: 'event',
        runId,
        id: 1,
        event: { type: 'RUN_STARTED', threadId: 't1', runId },
      }),
    )
    const diagnostics: Diagnostic[] = []
    const agent = h.makeAgent()
    const run = h.input()
    const result = await collect(agent.run(run, { onDiagnostic: (d) => diagnostics.push(d) }))
    expect(result.events).toEqual(replyEvents('t1', run.runId))
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'duplicate_event_dropped', eventType: 'RUN_STARTED' }),
    ])
  })

  it('a connection-level error frame becomes a diagnostic', async () => {
    injectAfterTwo((conn) => conn.send({ type: 'error', code: 'bad_frame', message: 'what?' }))
    const diagnostics: Diagnostic[] = []
    const agent = h.makeAgent({ onDiagnostic: (d) => diagnostics.push(d) })
    expect((await collect(agent.run(h.input()))).completed).toBe(true)
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'bad_frame' })])
    expect(diagnostics[0].message).toContain('what?')
  })
})
