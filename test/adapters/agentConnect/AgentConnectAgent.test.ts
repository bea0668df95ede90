import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAgentStore } from '../../../src/core/store/createAgentStore'
import type { AgentEvent } from '../../../src/core/protocol/types'
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

describe('AgentConnectAgent → real fake over HTTP + WebSocket → createAgentStore', () => {
  it('logs in, creates a session, sends the last user message and ends with the text reply', async () => {
    const agent = h.agent()
    const store = createAgentStore({ agent, threadId: 'thread-ac' })
    const first = await store.run({ message: 'Hi' })
    expect(first.run.status).toBe('finished')
    expect(texts(first.messages)).toEqual(['user: Hi', 'assistant: You said: Hi'])
    const second = await store.run({ message: 'Again' })
    expect(second.run.status).toBe('finished')
    expect(texts(second.messages).slice(2)).toEqual(['user: Again', 'assistant: You said: Again'])
    // One login, one session, one socket; only the new message goes out each time.
    expect(h.fake.requests.filter((r) => r.startsWith('POST'))).toEqual([
      'POST /api/auth/login',
      'POST /api/chat/sessions/create',
    ])
    expect(h.fake.received.map((r) => r.frame.content)).toEqual(['Hi', 'Again'])
    expect(h.fake.received[0].frame).toMatchObject({
      type: 'text',
      timestamp: expect.stringMatching(/^\d{4}-.*\d$/),
    })
    expect(agent.sessionId).toMatch(/^session_\d{14}_[0-9a-f]{8}$/)
    expect(agent.getConnectionState()).toEqual({ status: 'open' })
    store.destroy()
  })

  it('swallows pings arriving before the reply', async () => {
    h.fake.respond = (text) => [
      { delayMs: 30 },
      { frame: { type: 'text', content: `late ${text}` } },
    ]
    const run = await collectRun(h.agent(), userInput('ping me'))
    expect(run.error).toBeUndefined()
    expect(run.events.map((e) => e.type)).toEqual([
      'RUN_STARTED',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'RUN_FINISHED',
    ])
  })

  it('cooldown finishes the run, then the next run fails with rate_limited and sends nothing', async () => {
    h.fake.respond = () => [
      {
        frame: { type: 'cooldown', content: 'Cooling down', metadata: { cooldown_remaining: 60 } },
      },
    ]
    const agent = h.agent()
    const store = createAgentStore({ agent, threadId: 'thread-cool' })
    const custom: AgentEvent[] = []
    store.onEvent((e) => void (e.type === 'CUSTOM' && custom.push(e)))
    const first = await store.run({ message: 'one' })
    expect(first.run.status).toBe('finished')
    expect(custom[0]).toMatchObject({
      name: 'agentconnect.cooldown',
      value: { cooldownRemainingMs: 60_000 },
    })
    const second = await store.run({ message: 'two' })
    expect(second.run.status).toBe('error')
    expect(second.run.error).toMatchObject({ code: 'rate_limited' })
    expect(second.run.error?.retryAfterMs).toBeGreaterThan(55_000)
    expect(h.fake.received).toHaveLength(1)
    const report = await agent.statusSource.load()
    expect(report.health).toMatchObject({ state: 'degraded' })
    store.destroy()
  })

  it('an error frame ends the run with RUN_ERROR (agentCode kept)', async () => {
    h.fake.respond = () => [
      {
        frame: { type: 'error', content: 'Provider failed', metadata: { code: 'provider_error' } },
      },
    ]
    const store = createAgentStore({ agent: h.agent(), threadId: 't' })
    const snap = await store.run({ message: 'x' })
    expect(snap.run.status).toBe('error')
    expect(snap.run.error).toMatchObject({
      code: 'run_error',
      agentCode: 'provider_error',
      message: 'Provider failed',
    })
    store.destroy()
  })

  it('agent_agent: each turn is a message named by its sender, until stop with its reason', async () => {
    h.fake.respond = (_text, session) => {
      const [a, b] = Object.values(session.agents).map((x) => x.agent_id)
      return [
        { frame: { type: 'text', content: 'Turn one', sender: a } },
        { frame: { type: 'system', content: 'Turn limit near' } },
        { frame: { type: 'text', content: 'Turn two', sender: b } },
        {
          frame: {
            type: 'stop',
            content: 'Conversation ended',
            metadata: { reason: 'max_turns_reached' },
          },
        },
      ]
    }
    const agent = h.agent({
      session: {
        session_type: 'agent_agent',
        agents: { a: { provider: 'openai' }, b: { provider: 'groq' } },
      },
    })
    const run = await collectRun(agent, userInput('Debate'))
    expect(run.error).toBeUndefined()
    const starts = run.events.filter((e) => e.type === 'TEXT_MESSAGE_START')
    expect(starts.map((e) => e.name)).toEqual([`ai1_${agent.sessionId}`, `ai2_${agent.sessionId}`])
    expect(run.events.find((e) => e.type === 'CUSTOM')).toMatchObject({
      name: 'agentconnect.system',
    })
    expect(run.events.at(-1)).toMatchObject({
      type: 'RUN_FINISHED',
      result: { stopped: true, reason: 'max_turns_reached' },
    })
  })

  it('a malformed frame fails the run with invalid_json, keeping the turns received', async () => {
    h.fake.respond = (_t, session) => [
      {
        frame: {
          type: 'text',
          content: 'Kept turn',
          sender: Object.values(session.agents)[0].agent_id,
        },
      },
      { raw: 'garbage{' },
    ]
    const agent = h.agent({
      session: {
        session_type: 'agent_agent',
        agents: { a: { provider: 'openai' }, b: { provider: 'groq' } },
      },
    })
    const store = createAgentStore({ agent, threadId: 't' })
    const snap = await store.run({ message: 'go' })
    expect(snap.run.status).toBe('error')
    expect(snap.run.error).toMatchObject({ code: 'invalid_json' })
    expect(texts(snap.messages)).toEqual(['user: go', 'assistant: Kept turn'])
    store.destroy()
  })

  it('stop ends the run locally; the late reply is dropped and the next run gets its own', async () => {
    let n = 0
    h.fake.respond = (text) => [
      { delayMs: n++ === 0 ? 80 : 0 },
      { frame: { type: 'text', content: `re: ${text}` } },
    ]
    const store = createAgentStore({ agent: h.agent(), threadId: 't' })
    const first = store.run({ message: 'slow' })
    await vi.waitFor(() => expect(h.fake.received).toHaveLength(1))
    store.stop()
    expect((await first).run.status).toBe('cancelled')
    const second = await store.run({ message: 'fast' })
    expect(second.run.status).toBe('finished')
    expect(second.messages.at(-1)).toMatchObject({ role: 'assistant', content: 're: fast' })
    expect(second.messages.filter((m) => m.role === 'assistant')).toHaveLength(1)
    store.destroy()
  })
})

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

describe('AgentConnectAgent status source', () => {
  it('reads agent status and list: card, health, facts, agents', async () => {
    const agent = h.agent()
    const before = await agent.statusSource.load()
    expect(before.card).toBeUndefined()
    await collectRun(agent, userInput('a'))
    const report = await agent.statusSource.load()
    expect(report.card).toMatchObject({
      name: 'Assistant (gpt-4o)',
      provider: 'openai',
      capabilities: { conversation: true },
    })
    expect(report.health).toMatchObject({ state: 'ok', detail: 'active' })
    expect(report.agents).toEqual([
      expect.objectContaining({ id: `ai1_${agent.sessionId}`, status: 'active' }),
    ])
    expect(report.facts).toEqual(
      expect.arrayContaining([
        { label: 'model', value: 'gpt-4o' },
        { label: 'total count', value: 1 },
      ]),
    )
  })
})
