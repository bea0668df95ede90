import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAgentStore } from '../../../src/core/store/createAgentStore'
import type { ConnectionState } from '../../../src/core/transport/ConnectionState'
import { collectRun, userInput } from '../../integration/collectRun'
import { humanSession, startAgentConnect, type AgentConnectHarness } from './agentConnectHarness'

let h: AgentConnectHarness
beforeEach(async () => {
  h = await startAgentConnect()
})
afterEach(() => h.close())

const texts = (messages: readonly { role: string; content?: unknown }[]) =>
  messages.map((m) => `${m.role}: ${String(m.content)}`)

describe('AgentConnectAgent bad input', () => {
  it('expired token + credentials: the 1006 handshake is diagnosed over REST and it logs in again once', async () => {
    const agent = h.agent()
    expect((await collectRun(agent, userInput('a'))).error).toBeUndefined()
    agent.close()
    h.fake.expireTokens()
    const run = await collectRun(agent, userInput('b', { threadId: 't', runId: 'r2' }))
    expect(run.error).toBeUndefined()
    expect(run.events.at(-2)).toMatchObject({ type: 'TEXT_MESSAGE_END' })
    expect(h.fake.requests.filter((r) => r === 'POST /api/auth/login')).toHaveLength(2)
    expect(h.fake.requests).toContain(`GET /api/chat/sessions/${agent.sessionId}`)
  })

  it('an expired static token fails with auth_required and state auth_required', async () => {
    const token = h.fake.issueToken()
    const creator = h.agent({ token, credentials: undefined })
    expect((await collectRun(creator, userInput('a'))).error).toBeUndefined()
    creator.close()
    h.fake.expireTokens()
    const run = await collectRun(creator, userInput('b'))
    expect(run.error).toMatchObject({ code: 'auth_required', status: 401 })
    expect(creator.getConnectionState()).toMatchObject({ status: 'auth_required' })
  })

  it('a vanished session is created anew by the reconnect (close 4000 → 403 → GET 404 → create)', async () => {
    const agent = h.agent()
    await collectRun(agent, userInput('a'))
    const before = agent.sessionId
    const states: string[] = []
    agent.subscribeConnection((s) => states.push(s.status))
    h.fake.dropSessions()
    await vi.waitFor(() => expect(agent.sessionId).not.toBe(before))
    await vi.waitFor(() => expect(agent.getConnectionState().status).toBe('open'))
    expect(states).toEqual(['reconnecting', 'connecting', 'open'])
    expect(h.fake.requests).toContain(`GET /api/chat/sessions/${before}`)
    expect(h.fake.requests.filter((r) => r === 'POST /api/chat/sessions/create')).toHaveLength(2)
    const run = await collectRun(agent, userInput('b'))
    expect(run.error).toBeUndefined()
  })

  it('reuses a sessionId: the server answers 500 for a session that exists (treated as exists)', async () => {
    const owner = h.agent()
    await collectRun(owner, userInput('a'))
    owner.close()
    const reuse = h.agent({ sessionId: owner.sessionId!, session: undefined })
    const run = await collectRun(reuse, userInput('b'))
    expect(run.error).toBeUndefined()
    expect(reuse.sessionId).toBe(owner.sessionId)
    expect(h.fake.requests.filter((r) => r === 'POST /api/chat/sessions/create')).toHaveLength(1)
  })

  it('a sessionId that is gone, with no session config, fails with not_found', async () => {
    const run = await collectRun(
      h.agent({ sessionId: 'session_x', session: undefined }),
      userInput('a'),
    )
    expect(run.error).toMatchObject({ code: 'not_found', status: 404 })
  })

  it('wrong credentials: auth_required (login 401), state auth_required', async () => {
    const agent = h.agent({ credentials: { username: 'demo', password: 'wrong' } })
    const run = await collectRun(agent, userInput('a'))
    expect(run.error).toMatchObject({ code: 'auth_required', status: 401 })
    expect(run.error).toHaveProperty('message', expect.stringContaining('Invalid credentials'))
    expect(agent.getConnectionState()).toMatchObject({ status: 'auth_required' })
  })

  it('429 on login is rate_limited with the Retry-After wait', async () => {
    h.fake.rateLimitLogins(1)
    const run = await collectRun(h.agent(), userInput('a'))
    expect(run.error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 7000 })
  })

  it('429 on session create (5 active sessions) is rate_limited', async () => {
    for (let i = 0; i < 5; i++) await collectRun(h.agent(), userInput(`s${i}`))
    const run = await collectRun(h.agent({ session: humanSession }), userInput('sixth'))
    expect(run.error).toMatchObject({ code: 'rate_limited', status: 429 })
  })

  it('close 1011 during a run: connection_closed (closeCode), then it reconnects with backoff', async () => {
    h.fake.respond = () => [{ close: 1011, reason: 'boom' }]
    const agent = h.agent()
    const states: string[] = []
    agent.subscribeConnection((s) => states.push(s.status))
    const run = await collectRun(agent, userInput('a'))
    expect(run.events.map((e) => e.type)).toEqual(['RUN_STARTED'])
    expect(run.error).toMatchObject({ code: 'connection_closed', closeCode: 1011 })
    await vi.waitFor(() => expect(agent.getConnectionState().status).toBe('open'))
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'connecting', 'open'])
  })

  it('a lost connection mid-run (no close frame): network with closeCode 1006, the turn received kept, then reconnects', async () => {
    h.fake.respond = (_t, session) => [
      {
        frame: {
          type: 'text',
          content: 'First turn',
          sender: Object.values(session.agents)[0].agent_id,
        },
      },
      { delayMs: 20 },
      { terminate: true },
    ]
    const agent = h.agent({
      session: {
        session_type: 'agent_agent',
        agents: { a: { provider: 'openai' }, b: { provider: 'groq' } },
      },
    })
    const store = createAgentStore({ agent, threadId: 't' })
    const snap = await store.run({ message: 'go' })
    expect(snap.run.error).toMatchObject({ code: 'network', closeCode: 1006 })
    expect(texts(snap.messages)).toEqual(['user: go', 'assistant: First turn'])
    await vi.waitFor(() => expect(agent.getConnectionState().status).toBe('open'))
    store.destroy()
  })

  it('close 4000 while idle: reconnecting (attempt, delay, error), then open; the next run works', async () => {
    const agent = h.agent()
    await collectRun(agent, userInput('a'))
    const states: ConnectionState[] = []
    agent.subscribeConnection((s) => states.push(s))
    h.fake.closeSockets(4000, 'generic')
    await vi.waitFor(() => expect(states.at(-1)?.status).toBe('open'))
    expect(states[0]).toMatchObject({
      status: 'reconnecting',
      attempt: 1,
      nextRetryMs: expect.any(Number),
      error: { code: 'connection_closed', closeCode: 4000 },
    })
    expect((await collectRun(agent, userInput('b'))).error).toBeUndefined()
  })

  it('a second run while one is in flight fails with busy', async () => {
    h.fake.respond = () => [{ delayMs: 40 }, { frame: { type: 'text', content: 'ok' } }]
    const agent = h.agent()
    const first = collectRun(agent, userInput('a'))
    const second = await collectRun(agent, userInput('b'))
    expect(second.error).toMatchObject({ code: 'busy' })
    expect((await first).error).toBeUndefined()
  })
})
