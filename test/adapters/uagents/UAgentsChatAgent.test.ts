import { afterEach, describe, expect, it } from 'vitest'
import { UAgentsChatAgent } from '../../../src/core/adapters/uagents/UAgentsChatAgent'
import type { UAgentsChatAgentOptions } from '../../../src/core/adapters/uagents/UAgentsChatAgentOptions'
import type { ConnectionState } from '../../../src/core/transport/ConnectionState'
import { createAgentStore } from '../../../src/core/store/createAgentStore'
import type { AgentSnapshot } from '../../../src/core/reducer/AgentSnapshot'
import { json } from '../fakeHost/FakeSystem'
import { serveFake, type ServedFake } from '../fakeHost/serveFake'
import { CARD_ID, RESOURCE_ID, STREAM_ID } from './createFakeUAgent'
import { startUAgentsWorld, type UAgentsWorld } from './startUAgentsWorld'

const THREAD = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
let world: UAgentsWorld | undefined
let extra: ServedFake | undefined
afterEach(async () => {
  await world?.close()
  await extra?.close()
  world = extra = undefined
})

function setup(options: Partial<UAgentsChatAgentOptions> = {}) {
  const agent = new UAgentsChatAgent({ url: world!.url, quietMs: 150, ...options })
  const states: ConnectionState['status'][] = []
  agent.subscribeConnection((s) => states.push(s.status))
  const store = createAgentStore({ agent, threadId: THREAD, scheduler: (fn) => fn() })
  return { agent, store, states }
}

const texts = (s: AgentSnapshot) =>
  s.messages.map(
    (m) => `${m.role}:${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`,
  )

describe('UAgentsChatAgent → bridge → fake uAgent (real HTTP) → createAgentStore', () => {
  it('a text turn: the reply lands, the acknowledgement is a CUSTOM delivered event, the run finishes after quiet', async () => {
    world = await startUAgentsWorld()
    const { store, states } = setup()
    const customs: string[] = []
    store.onEvent((e) => {
      if (e.type === 'CUSTOM') customs.push((e as { name: string }).name)
    })
    const s = await store.run({ message: 'hello' })
    expect(s.run.status).toBe('finished')
    expect(texts(s)).toEqual(['user:hello', 'assistant:You said: hello'])
    expect(customs).toContain('uagents.delivered')
    expect(world.agent.received[0].content[0]).toEqual({ type: 'start-session' })
    expect(states).toEqual(['connecting', 'open', 'idle'])
    // only the new user message goes out on the next turn (the agent keeps its history)
    const s2 = await store.run({ message: 'again' })
    expect(texts(s2).slice(-1)).toEqual(['assistant:You said: again'])
    expect(world.agent.received[1].content).toEqual([{ type: 'text', text: 'again' }])
  })

  it('a reply after the run went quiet waits at the bridge; a run without a new message collects it and sends nothing', async () => {
    world = await startUAgentsWorld({}, { chunkDelayMs: 500 })
    const { store } = setup({ quietMs: 150 })
    const first = await store.run({ message: 'twice' })
    expect(texts(first)).toEqual(['user:twice', 'assistant:First.'])
    await expect.poll(() => world!.agent.pushed, { timeout: 5000 }).toBe(3) // ack + 2 replies
    const collected = await store.run()
    expect(texts(collected)).toEqual(['user:twice', 'assistant:First.', 'assistant:Second.'])
    expect(world.agent.received).toHaveLength(1)
  })

  it('start-stream … end-stream across ChatMessages is one streamed assistant message', async () => {
    world = await startUAgentsWorld({}, { chunkDelayMs: 20 })
    const { store } = setup()
    const s = await store.run({ message: 'stream' })
    expect(s.messages.at(-1)).toMatchObject({
      id: STREAM_ID,
      role: 'assistant',
      content: 'Streaming one message.',
    })
    expect(s.messages).toHaveLength(2)
  })

  it('a resource is an activity message in thread order', async () => {
    world = await startUAgentsWorld()
    const { store } = setup()
    const s = await store.run({ message: 'resource' })
    expect(s.run.status).toBe('finished')
    expect(s.messages.map((m) => m.id).indexOf(RESOURCE_ID)).toBe(2)
    expect(s.messages[2]).toMatchObject({
      role: 'activity',
      activityType: 'uagents.resource',
      content: { resources: [{ uri: 'https://files.example/report.pdf' }] },
    })
  })

  it('end-session finishes the run at once (no quiet wait)', async () => {
    world = await startUAgentsWorld()
    const { store } = setup({ quietMs: 600_000 })
    const s = await store.run({ message: 'bye' })
    expect(s.run.status).toBe('finished')
    expect(texts(s).at(-1)).toBe('assistant:Goodbye!')
  })

  it('a form card interrupts the run; the answer goes back as a card-response ChatMessage', async () => {
    world = await startUAgentsWorld()
    const { store } = setup()
    const s = await store.run({ message: 'book' })
    expect(s.run.status).toBe('interrupted')
    const [interrupt] = s.interrupts
    expect(interrupt).toMatchObject({
      id: CARD_ID,
      reason: 'uagents_card',
      responseSchema: { required: ['guests', 'time'] },
    })
    expect(store.respondToInterrupt(CARD_ID, { guests: 'four' })?.code).toBe('invalid_payload')
    expect(store.respondToInterrupt(CARD_ID, { guests: 4, time: '21:00' })).toBeUndefined()
    await expect.poll(() => store.getSnapshot().run.status, { timeout: 5000 }).toBe('finished')
    const sent = world.agent.received.at(-1)!.content[0]
    expect(sent).toEqual({
      type: 'metadata',
      metadata: {
        card_protocol_version: '1',
        card_id: CARD_ID,
        selection: JSON.stringify({ intent: 'book', guests: 4, time: '21:00' }),
      },
    })
    expect(texts(store.getSnapshot()).at(-1)).toBe(
      `assistant:Booked: ${JSON.stringify({ intent: 'book', guests: 4, time: '21:00' })}`,
    )
  })

  it('a hung agent (no acknowledgement): heartbeat_timeout, the user message kept', async () => {
    world = await startUAgentsWorld({ ackTimeoutMs: 150 })
    world.agent.responsive = false
    const { store, agent } = setup()
    const s = await store.run({ message: 'anyone?' })
    expect(s.run.status).toBe('error')
    expect(s.run.error?.code).toBe('heartbeat_timeout')
    expect(s.run.error?.agentCode).toBe('agent_lost')
    expect(texts(s)).toEqual(['user:anyone?'])
    expect(agent.getConnectionState()).toMatchObject({
      status: 'closed',
      error: { code: 'heartbeat_timeout' },
    })
  })

  it('the agent endpoint is down: network, connection closed with the error', async () => {
    world = await startUAgentsWorld({ agentEndpoint: 'http://127.0.0.1:9/submit' })
    const { store, agent } = setup()
    const s = await store.run({ message: 'hi' })
    expect(s.run.error?.code).toBe('network')
    expect(agent.getConnectionState()).toMatchObject({
      status: 'closed',
      error: { code: 'network' },
    })
  })

  it('the bridge itself is unreachable: network', async () => {
    world = await startUAgentsWorld()
    const agent = new UAgentsChatAgent({ url: 'http://127.0.0.1:9/uagents' })
    const s = await createAgentStore({ agent, threadId: THREAD }).run({ message: 'hi' })
    expect(s.run.error?.code).toBe('network')
  })

  it('the bridge gates its browser API with authorize: an expired token is auth_required, a fresh one chats', async () => {
    const valid = 'fresh'
    world = await startUAgentsWorld({
      authorize: (r) =>
        r.headers.get('authorization') === `Bearer ${valid}` ||
        new Response('{"error":"token expired"}', { status: 401 }),
    })
    let token = 'stale'
    const { store, agent } = setup({ headers: () => ({ authorization: `Bearer ${token}` }) })
    const s = await store.run({ message: 'hi' })
    expect(s.run.error).toMatchObject({ code: 'auth_required', status: 401 })
    expect(agent.getConnectionState()).toMatchObject({ status: 'auth_required' })
    await expect(agent.statusSource.load()).rejects.toMatchObject({ code: 'auth_required' })
    token = valid
    const s2 = await store.run({ message: 'hi' })
    expect(texts(s2).at(-1)).toBe('assistant:You said: hi')
  })

  it.each([
    [401, {}, 'auth_required'],
    [429, { 'retry-after': '3' }, 'rate_limited'],
    [500, {}, 'http_error'],
  ])('a bridge answering %i: %s', async (status, headers, code) => {
    extra = await serveFake({ http: () => json({ error: 'nope' }, status, headers) })
    const agent = new UAgentsChatAgent({ url: extra.url })
    const s = await createAgentStore({ agent, threadId: THREAD }).run({ message: 'hi' })
    expect(s.run.error?.code).toBe(code)
    if (code === 'rate_limited') expect(s.run.error?.retryAfterMs).toBe(3000)
    if (code === 'auth_required') expect(agent.getConnectionState().status).toBe('auth_required')
  })

  it('a malformed frame mid-run: bad_frame / invalid_json, what came before is kept', async () => {
    const frames = [
      '{"kind":"ready","session":"x"}',
      JSON.stringify({
        kind: 'message',
        sender: 'a',
        msg: { timestamp: 't', msg_id: 'm1', content: [{ type: 'text', text: 'first' }] },
      }),
    ]
    for (const [bad, code] of [
      ['{"kind":"mystery"}', 'bad_frame'],
      ['{oops', 'invalid_json'],
    ] as const) {
      extra = await serveFake({
        http: (r) =>
          r.method === 'POST'
            ? json({ msg_id: 'x' }, 202)
            : new Response([...frames, bad].map((f) => `data: ${f}\n\n`).join(''), {
                headers: { 'content-type': 'text/event-stream' },
              }),
      })
      const s = await createAgentStore({
        agent: new UAgentsChatAgent({ url: extra.url }),
        threadId: THREAD,
      }).run({ message: 'hi' })
      expect(s.run.error?.code).toBe(code)
      expect(texts(s)).toEqual(['user:hi', 'assistant:first'])
      await extra.close()
      extra = undefined
    }
  })

  it('a stream that ends mid-run: truncated; not an event stream: invalid_response', async () => {
    extra = await serveFake({
      http: (r) =>
        r.method === 'POST'
          ? json({}, 202)
          : new Response('data: {"kind":"ready","session":"x"}\n\n', {
              headers: { 'content-type': 'text/event-stream' },
            }),
    })
    const s = await createAgentStore({
      agent: new UAgentsChatAgent({ url: extra.url }),
      threadId: THREAD,
    }).run({ message: 'hi' })
    expect(s.run.error?.code).toBe('truncated')
    await extra.close()
    extra = await serveFake({
      http: () => new Response('<html>', { headers: { 'content-type': 'text/html' } }),
    })
    const s2 = await createAgentStore({
      agent: new UAgentsChatAgent({ url: extra.url }),
      threadId: THREAD,
    }).run({ message: 'hi' })
    expect(s2.run.error?.code).toBe('invalid_response')
  })

  it('stop() aborts the run: cancelled', async () => {
    world = await startUAgentsWorld()
    world.agent.responsive = false
    const { store } = setup()
    const done = store.run({ message: 'wait' })
    await expect.poll(() => world!.agent.received.length).toBe(1)
    store.stop()
    expect((await done).run.status).toBe('cancelled')
  })

  it('statusSource reports agent_info, readiness and the chat protocol with its models and interactions', async () => {
    world = await startUAgentsWorld()
    const { agent } = setup()
    const report = await agent.statusSource.load()
    expect(report.health?.state).toBe('ok')
    expect(report.card?.name).toBe('Table booker')
    expect(report.protocols?.[0]).toMatchObject({
      name: 'AgentChatProtocol',
      version: '0.3.0',
      models: [
        { name: 'ChatMessage', fields: ['timestamp', 'msg_id', 'content'] },
        { name: 'ChatAcknowledgement', fields: ['timestamp', 'acknowledged_msg_id', 'metadata'] },
      ],
      interactions: [
        { request: 'ChatMessage', responses: ['ChatAcknowledgement'] },
        { request: 'ChatAcknowledgement', responses: [] },
      ],
    })
    await world.agentHost.close()
    const down = await agent.statusSource.load()
    expect(down.health?.state).toBe('down')
  })
})
