import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAgentStore } from '../../../src/core/store/createAgentStore'
import type { AgentEvent } from '../../../src/core/protocol/types'
import { systemClock } from '../../../src/core/transport/Clock'
import { collectRun, userInput } from '../../integration/collectRun'
import { startAgentConnect, type AgentConnectHarness } from './agentConnectHarness'

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

  it('once the cooldown is over (clock moved past it) the next run is sent again', async () => {
    let offset = 0
    const clock = { ...systemClock, now: () => Date.now() + offset }
    let n = 0
    h.fake.respond = (text) =>
      n++ === 0
        ? [{ frame: { type: 'cooldown', content: 'wait', metadata: { cooldown_remaining: 5 } } }]
        : [{ frame: { type: 'text', content: `ok ${text}` } }]
    const agent = h.agent({ clock })
    await collectRun(agent, userInput('one'))
    expect((await collectRun(agent, userInput('two'))).error).toMatchObject({
      code: 'rate_limited',
    })
    offset = 5_001
    const third = await collectRun(agent, userInput('three'))
    expect(third.error).toBeUndefined()
    expect(third.events.find((e) => e.type === 'TEXT_MESSAGE_CONTENT')).toMatchObject({
      delta: 'ok three',
    })
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
