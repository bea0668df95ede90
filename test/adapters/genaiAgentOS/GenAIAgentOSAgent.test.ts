import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { toSessionUuid } from '../../../src/core/adapters/genaiAgentOS'
import { createAgentStore } from '../../../src/core/store/createAgentStore'
import { collectRun, userInput } from '../../integration/collectRun'
import { genaiLog, genaiResponse } from './createGenAIFake'
import { startGenAI, type GenAIHarness } from './genaiHarness'

let h: GenAIHarness
beforeEach(async () => {
  h = await startGenAI()
})
afterEach(() => h.close())

describe('GenAIAgentOSAgent → real fake over HTTP + WebSocket → createAgentStore', () => {
  it('one frame per turn; logs → steps; trace → tool call + result; the answer; finished', async () => {
    const agent = h.agent({ files: () => ['file-1'] })
    const store = createAgentStore({ agent, threadId: 'thread-genai' })
    const snap = await store.run({ message: 'Weather in Paris?' })
    expect(snap.run.status).toBe('finished')
    expect(h.fake.turns).toEqual([
      {
        sessionId: toSessionUuid('thread-genai'),
        frame: {
          message: 'Weather in Paris?',
          provider: 'openai',
          llm_name: 'gpt-4o',
          files: ['file-1'],
        },
      },
    ])
    expect(snap.steps.map((s) => [s.stepName, s.status])).toEqual([
      ['master_agent', 'finished'],
      ['get_weather', 'finished'],
    ])
    const call = snap.messages.find((m) => m.role === 'assistant' && m.toolCalls?.length)
    expect(call).toMatchObject({
      toolCalls: [
        { id: 'call_1', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      ],
    })
    expect(snap.messages.find((m) => m.role === 'tool')).toMatchObject({
      toolCallId: 'call_1',
      content: '{"temperature":21,"sky":"sunny"}',
    })
    expect(snap.messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: 'Sunny in Paris (you asked: Weather in Paris?)',
    })
    // The next turn reuses the socket and sends only the new message.
    const second = await store.run({ message: 'And tomorrow?' })
    expect(second.run.status).toBe('finished')
    expect(h.fake.turns.map((t) => t.frame.message)).toEqual(['Weather in Paris?', 'And tomorrow?'])
    expect(h.fake.requests.filter((r) => r.startsWith('POST'))).toHaveLength(1)
    store.destroy()
  })

  it('each thread has its own session: a UUID threadId is used as is, another thread reopens the socket', async () => {
    const agent = h.agent()
    const uuid = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
    await collectRun(agent, userInput('a', { threadId: uuid, runId: 'r1' }))
    await collectRun(agent, userInput('b', { threadId: 'other-thread', runId: 'r2' }))
    expect(h.fake.turns.map((t) => t.sessionId)).toEqual([uuid, toSessionUuid('other-thread')])
  })

  it('is_success:false → run error genai_failed, the trace received is kept', async () => {
    h.fake.respond = (turn) => [
      genaiLog(turn, JSON.stringify({ agent_name: 'master_agent', is_start_execution: true })),
      genaiResponse(turn, {
        response: 'The weather agent failed',
        is_success: false,
        agents_trace: [
          {
            name: 'master_agent',
            output: { tool_calls: [{ name: 'get_weather', args: {}, id: 'c1' }] },
          },
          { name: 'get_weather', output: { error: 'timeout' }, is_success: false, id: 'c1' },
        ],
      }),
    ]
    const store = createAgentStore({ agent: h.agent(), threadId: 't' })
    const snap = await store.run({ message: 'x' })
    expect(snap.run.status).toBe('error')
    expect(snap.run.error).toMatchObject({ code: 'run_error', agentCode: 'genai_failed' })
    expect(snap.messages.find((m) => m.role === 'tool')).toMatchObject({
      content: '{"error":"timeout"}',
    })
    store.destroy()
  })

  it('an unknown provider: {"error"} → RUN_ERROR genai_error, then close 1003 → state closed (bad_frame)', async () => {
    const agent = h.agent({ provider: 'nope' })
    const run = await collectRun(agent, userInput('x'))
    expect(run.events.map((e) => e.type)).toEqual(['RUN_STARTED', 'RUN_ERROR'])
    expect(run.events[1]).toMatchObject({ code: 'genai_error', message: 'Unknown provider: nope' })
    await vi.waitFor(() =>
      expect(agent.getConnectionState()).toMatchObject({
        status: 'closed',
        error: { code: 'bad_frame', closeCode: 1003 },
      }),
    )
  })

  it('a plain-text error frame → RUN_ERROR genai_error with its text', async () => {
    h.fake.respond = () => [{ raw: 'Internal error: router unavailable' }]
    const run = await collectRun(h.agent(), userInput('x'))
    expect(run.events.at(-1)).toMatchObject({
      type: 'RUN_ERROR',
      code: 'genai_error',
      message: 'Internal error: router unavailable',
    })
  })

  it('close 1011 mid-run → connection_closed (closeCode 1011), logs received kept; the next run reconnects', async () => {
    h.fake.respond = (turn) => [genaiLog(turn, 'working'), { close: 1011, reason: 'server error' }]
    const agent = h.agent()
    const store = createAgentStore({ agent, threadId: 't' })
    const custom: unknown[] = []
    store.onEvent((e) => void (e.type === 'CUSTOM' && custom.push(e)))
    const snap = await store.run({ message: 'x' })
    expect(snap.run.error).toMatchObject({ code: 'connection_closed', closeCode: 1011 })
    expect(custom).toHaveLength(1)
    expect(agent.getConnectionState()).toMatchObject({
      status: 'closed',
      error: { closeCode: 1011 },
    })
    h.fake.respond = (turn) => [
      genaiResponse(turn, { response: 'back', is_success: true, agents_trace: [] }),
    ]
    const next = await store.run({ message: 'y' })
    expect(next.run.status).toBe('finished')
    expect(next.messages.at(-1)).toMatchObject({ content: 'back' })
    store.destroy()
  })

  it('a malformed frame (JSON that is not an object) fails the run with bad_frame', async () => {
    h.fake.respond = () => [{ raw: '[1,2,3]' }]
    const run = await collectRun(h.agent(), userInput('x'))
    expect(run.error).toMatchObject({ code: 'bad_frame' })
  })

  it('expired token: the 1006 handshake is checked over REST, it logs in again once', async () => {
    const agent = h.agent()
    await collectRun(agent, userInput('a'))
    agent.close()
    h.fake.expireTokens()
    const run = await collectRun(agent, userInput('b'))
    expect(run.error).toBeUndefined()
    expect(h.fake.requests.filter((r) => r === 'POST /api/login/access-token')).toHaveLength(2)
  })

  it('a refused static token: auth_required and state auth_required', async () => {
    const agent = h.agent({ token: 'stale', credentials: undefined })
    const run = await collectRun(agent, userInput('a'))
    expect(run.error).toMatchObject({ code: 'auth_required', status: 401 })
    expect(agent.getConnectionState()).toMatchObject({ status: 'auth_required' })
  })

  it('stop ends the run locally; the late answer and its logs are dropped', async () => {
    let n = 0
    h.fake.respond = (turn) => [
      { delayMs: n++ === 0 ? 80 : 0 },
      genaiLog(turn, `log ${turn.frame.message}`),
      genaiResponse(turn, {
        response: `answer ${turn.frame.message}`,
        is_success: true,
        agents_trace: [],
      }),
    ]
    const store = createAgentStore({ agent: h.agent(), threadId: 't' })
    const first = store.run({ message: 'slow' })
    await vi.waitFor(() => expect(h.fake.turns).toHaveLength(1))
    store.stop()
    expect((await first).run.status).toBe('cancelled')
    const second = await store.run({ message: 'fast' })
    expect(second.run.status).toBe('finished')
    expect(second.messages.filter((m) => m.role === 'assistant').map((m) => m.content)).toEqual([
      'answer fast',
    ])
    store.destroy()
  })
})

describe('GenAIAgentOSAgent status source', () => {
  it('lists agents without agent_jwt, skills from schemas, active connections and health', async () => {
    const report = await h.agent().statusSource.load()
    expect(JSON.stringify(report)).not.toContain('SECRET')
    expect(report.agents).toEqual([
      expect.objectContaining({
        id: 'a-weather',
        name: 'get_weather',
        status: 'active',
        description: 'Current weather for a city',
      }),
      expect.objectContaining({ id: 'a-news', status: 'inactive' }),
    ])
    expect(report.card?.skills?.map((s) => s.name)).toEqual(['get_weather', 'get_news'])
    expect(report.facts).toEqual([
      { label: 'registered agents', value: 2 },
      { label: 'active connections', value: 2 },
    ])
    expect(report.health).toMatchObject({ state: 'ok' })
    h.fake.activeConnections = 0
    expect((await h.agent().statusSource.load()).health).toMatchObject({ state: 'degraded' })
  })
})
