/**
 * WebSocketAgent credentials: first frame (default), `Sec-WebSocket-Protocol`, URL only on
 * opt-in; auth failures (1008, 4003, an `auth_failed` frame) → `auth_required` and
 * `onAuthRequired`; 4002 expired → one refresh, then resume.
 */
import { describe, expect, it, vi } from 'vitest'
import type { AgentError } from '../../../src/core/protocol/AgentError'
import type { TestConnection } from './wsTestServer'
import { setupWsHarness } from './wsAgentHarness'
import { collect, replyEvents, until } from './wsTestServer'

const h = setupWsHarness()

/** The server accepts only `good` tokens (sent in the auth frame), refusing others with `code`. */
function requireToken(good: string, refuse: (conn: TestConnection) => void) {
  h.server.intercept = (conn, frame) => {
    if (frame.type === 'auth') {
      conn.token = frame.token
      if (frame.token !== good) refuse(conn)
      return true
    }
    return conn.token !== good // nothing else is served without the token
  }
}

describe('WebSocketAgent: where credentials go', () => {
  it("'frame' (default): a first auth frame; nothing in the URL or subprotocols; auth() called per connection", async () => {
    let calls = 0
    const agent = h.makeAgent({ auth: async () => `tok-${++calls}`, idleCloseMs: 0 })
    await collect(agent.run(h.input()))
    const conn = h.server.connections.at(-1)!
    expect(conn.frames[0]).toEqual({ type: 'auth', token: 'tok-1' })
    expect(conn.url).toBe('/agent')
    expect(conn.offered).toEqual(['awr.v1'])
    await conn.closed // idle close
    await collect(agent.run(h.input()))
    expect(h.server.connections.at(-1)!.frames[0]).toEqual({ type: 'auth', token: 'tok-2' })
  })

  it("'protocol': Sec-WebSocket-Protocol awr.v1 + awr.auth.<token>, no auth frame", async () => {
    const agent = h.makeAgent({ auth: 'abc.def-ghi', authVia: 'protocol' })
    const { completed } = await collect(agent.run(h.input()))
    expect(completed).toBe(true)
    const conn = h.server.connections.at(-1)!
    expect(conn.offered).toEqual(['awr.v1', 'awr.auth.abc.def-ghi'])
    expect(conn.frames.map((f) => f.type)).not.toContain('auth')
    expect(conn.url).toBe('/agent')
  })

  it("'query' (opt-in): the token in the URL, under authQueryParam", async () => {
    const agent = h.makeAgent({
      url: `${h.server.url}?v=1`,
      auth: 'a b',
      authVia: 'query',
      authQueryParam: 'access_token',
    })
    await collect(agent.run(h.input()))
    const conn = h.server.connections.at(-1)!
    expect(conn.url).toBe('/agent?v=1&access_token=a%20b')
    expect(conn.frames.map((f) => f.type)).not.toContain('auth')
  })

  it('no auth: no auth frame at all', async () => {
    const agent = h.makeAgent()
    await collect(agent.run(h.input()))
    expect(h.server.connections.at(-1)!.frames.map((f) => f.type)).not.toContain('auth')
  })
})

describe('WebSocketAgent: auth failures', () => {
  for (const code of [4003, 1008]) {
    it(`${code}: state auth_required, onAuthRequired gets the error, its new token is used, the run goes on`, async () => {
      requireToken('good', (conn) => conn.socket.close(code, 'bad token'))
      const onAuthRequired = vi.fn(async (error: AgentError) => {
        expect(agent.getConnectionState()).toMatchObject({ status: 'auth_required', error })
        return 'good'
      })
      const agent = h.makeAgent({ auth: 'stale', onAuthRequired })
      const run = h.input()
      const { events, completed } = await collect(agent.run(run))
      expect(completed).toBe(true)
      expect(events).toEqual(replyEvents('t1', run.runId))
      expect(onAuthRequired).toHaveBeenCalledOnce()
      expect(onAuthRequired.mock.calls[0][0]).toMatchObject({
        code: 'auth_required',
        closeCode: code,
      })
      expect(h.server.connections.at(-1)!.token).toBe('good')
    })
  }

  it('without onAuthRequired: the run ends with auth_required, state auth_required', async () => {
    requireToken('good', (conn) => conn.socket.close(4003))
    const agent = h.makeAgent({ auth: 'bad' })
    const { error } = await collect(agent.run(h.input()))
    expect(error).toMatchObject({ code: 'auth_required', closeCode: 4003, retryable: false })
    expect(agent.getConnectionState()).toMatchObject({
      status: 'auth_required',
      error: { code: 'auth_required' },
    })
  })

  it('onAuthRequired answering false gives up; a later run tries again', async () => {
    requireToken('good', (conn) => conn.socket.close(4003))
    let token = 'bad'
    const agent = h.makeAgent({ auth: () => token, onAuthRequired: () => false })
    expect((await collect(agent.run(h.input()))).error).toMatchObject({ code: 'auth_required' })
    token = 'good'
    expect((await collect(agent.run(h.input()))).completed).toBe(true)
  })

  it('onAuthRequired returning nothing retries with auth() read again', async () => {
    requireToken('good', (conn) => conn.socket.close(1008))
    let token = 'bad'
    const agent = h.makeAgent({
      auth: () => token,
      onAuthRequired: () => {
        token = 'good'
      },
    })
    expect((await collect(agent.run(h.input()))).completed).toBe(true)
  })

  it('an auth_failed error frame counts as 4003', async () => {
    requireToken('good', (conn) =>
      conn.send({ type: 'error', code: 'auth_failed', message: 'nope' }),
    )
    const onAuthRequired = vi.fn((_error: AgentError) => 'good')
    const agent = h.makeAgent({ auth: 'bad', onAuthRequired })
    expect((await collect(agent.run(h.input()))).completed).toBe(true)
    expect(onAuthRequired.mock.calls[0][0]).toMatchObject({ code: 'auth_required' })
    expect(onAuthRequired.mock.calls[0][0].message).toContain('nope')
  })

  it('4002 expired: refreshes once (state reconnecting, not auth_required), then resumes', async () => {
    const agent = h.makeAgent({ auth: () => `t${++calls}`, reconnect: { baseMs: 1 } })
    let calls = 0
    const states = h.states(agent)
    const run = h.input()
    void h.cutAfter(3, (conn) => conn.socket.close(4002, 'expired'))
    const { events, completed } = await collect(agent.run(run))
    expect(completed).toBe(true)
    expect(events).toEqual(replyEvents('t1', run.runId))
    expect(states.map((s) => s.status)).not.toContain('auth_required')
    expect(states.find((s) => s.status === 'reconnecting')).toMatchObject({
      error: { code: 'auth_required', closeCode: 4002 },
    })
    const last = h.server.connections.at(-1)!
    expect(last.token).toBe('t2')
    expect(last.frames.map((f) => f.type)).toEqual(['auth', 'ping', 'resume'])
    expect(last.frames[2]).toMatchObject({ lastEventId: 3 })
  })

  it('4002 twice in a row: the second is an auth failure (auth_required)', async () => {
    h.server.intercept = (conn, frame) => {
      if (frame.type === 'auth') conn.socket.close(4002)
      return true
    }
    const agent = h.makeAgent({ auth: 'x' })
    const states = h.states(agent)
    const { error } = await collect(agent.run(h.input()))
    expect(error).toMatchObject({ code: 'auth_required', closeCode: 4002 })
    await until(() => agent.getConnectionState().status === 'auth_required')
    expect(states.filter((s) => s.status === 'connecting')).toHaveLength(2)
  })
})
