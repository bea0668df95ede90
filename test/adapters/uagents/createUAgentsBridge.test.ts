import { afterEach, describe, expect, it } from 'vitest'
import type { UAgentsBridgeStatus } from '../../../src/core/adapters/uagents/uagentsChatTypes'
import { chatProtocolDigests } from '../../../src/server/adapters/uagents/chatProtocol'
import { listenUAgentsBridge } from '../../../src/server/adapters/uagents/listenUAgentsBridge'
import {
  buildUAgentsEnvelope,
  decodePayload,
  encodePayload,
} from '../../../src/server/adapters/uagents/uagentsEnvelope'
import { startUAgentsWorld, type UAgentsWorld } from './startUAgentsWorld'

const SESSION = '5d9c1a7e-3f2b-4c8d-9e1f-0a1b2c3d4e5f'
let world: UAgentsWorld | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

/** Reads the session's SSE frames until `until` returns true (or the stream ends). */
async function readFrames(
  url: string,
  until: (frames: { kind: string }[]) => boolean,
  start?: () => Promise<unknown>,
) {
  const controller = new AbortController()
  const response = await fetch(url, { signal: controller.signal })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  const frames: { kind: string; [k: string]: unknown }[] = []
  let buffer = ''
  let started = false
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    buffer += decoder.decode(value, { stream: true })
    let cut: number
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut)
      buffer = buffer.slice(cut + 2)
      if (block.startsWith('data: ')) frames.push(JSON.parse(block.slice(6)))
    }
    if (!started && frames.some((f) => f.kind === 'ready')) {
      started = true
      await start?.()
    }
    if (until(frames)) break
  }
  controller.abort()
  return frames
}

const post = (
  url: string,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) =>
  fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('createUAgentsBridge against a fake uAgent over real HTTP', () => {
  it('sends a ChatMessage envelope with the manifest digests, relays ack and reply, and acknowledges the reply', async () => {
    world = await startUAgentsWorld()
    const { url, agent } = world
    const msgId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
    const frames = await readFrames(
      `${url}/chat/${SESSION}/events`,
      (f) => f.some((x) => x.kind === 'message'),
      async () => {
        const r = await post(`${url}/chat/${SESSION}`, {
          msg_id: msgId,
          content: [{ type: 'text', text: 'hello' }],
        })
        expect(r.status).toBe(202)
        expect(await r.json()).toEqual({ msg_id: msgId })
      },
    )
    expect(frames.map((f) => f.kind)).toEqual(['ready', 'sent', 'ack', 'message'])
    expect(agent.received[0]).toMatchObject({
      msg_id: msgId,
      content: [{ type: 'text', text: 'hello' }],
    })
    const reply = frames[3] as unknown as {
      msg: { msg_id: string; content: unknown[] }
      sender: string
    }
    expect(reply.sender).toBe(agent.address)
    expect(reply.msg.content).toEqual([{ type: 'text', text: 'You said: hello' }])
    await expect.poll(() => agent.acksReceived).toEqual([reply.msg.msg_id])
  })

  it('keeps frames that arrive while no browser listens and delivers them on the next stream', async () => {
    world = await startUAgentsWorld()
    const { url, agent } = world
    const r = await post(`${url}/chat/${SESSION}`, { content: [{ type: 'text', text: 'later' }] })
    expect(r.status).toBe(202)
    await expect.poll(() => agent.acksReceived.length).toBe(1)
    const frames = await readFrames(`${url}/chat/${SESSION}/events`, (f) =>
      f.some((x) => x.kind === 'message'),
    )
    expect(frames.map((f) => f.kind)).toEqual(['ready', 'sent', 'ack', 'message'])
  })

  it('reports agent_lost when the agent never acknowledges (a hung agent)', async () => {
    world = await startUAgentsWorld({ ackTimeoutMs: 100 })
    world.agent.responsive = false
    const { url } = world
    const frames = await readFrames(
      `${url}/chat/${SESSION}/events`,
      (f) => f.some((x) => x.kind === 'error'),
      () => post(`${url}/chat/${SESSION}`, { content: [{ type: 'text', text: 'anyone?' }] }),
    )
    expect(frames.at(-1)).toMatchObject({ kind: 'error', code: 'agent_lost' })
  })

  it('answers 502 agent_unreachable when the agent endpoint is down', async () => {
    world = await startUAgentsWorld({ agentEndpoint: 'http://127.0.0.1:9/submit' })
    const r = await post(`${world.url}/chat/${SESSION}`, {
      content: [{ type: 'text', text: 'hi' }],
    })
    expect(r.status).toBe(502)
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('agent_unreachable')
  })

  it('answers 502 agent_rejected when the agent refuses the envelope (unroutable target)', async () => {
    world = await startUAgentsWorld({ agentAddress: 'agent1qsomeoneelse' })
    const r = await post(`${world.url}/chat/${SESSION}`, {
      content: [{ type: 'text', text: 'hi' }],
    })
    expect(r.status).toBe(502)
    const body = (await r.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('agent_rejected')
    expect(body.error.message).toMatch(/unable to route envelope/)
  })

  it('rejects bad browser requests: non-uuid4 session, empty content, non-JSON body', async () => {
    world = await startUAgentsWorld()
    const { url } = world
    expect(
      (await post(`${url}/chat/not-a-uuid`, { content: [{ type: 'text', text: 'x' }] })).status,
    ).toBe(400)
    expect((await post(`${url}/chat/${SESSION}`, { content: [] })).status).toBe(400)
    expect((await post(`${url}/chat/${SESSION}`, '{oops')).status).toBe(400)
    expect((await fetch(`${url}/nothing`)).status).toBe(404)
  })

  it('its /submit checks envelopes like an agent: content type, JSON, schema, signature, target; drops strangers and unknown digests', async () => {
    const logs: string[] = []
    world = await startUAgentsWorld({ onLog: (e) => logs.push(e.message) })
    const submit = `${world.bridgeHost.url}/submit`
    const d = await chatProtocolDigests()
    const { identity, bridge } = world
    const envelope = (over: { target?: string; schemaDigest?: string; message?: unknown } = {}) =>
      identity.sign(
        buildUAgentsEnvelope({
          sender: identity.address,
          target: over.target ?? bridge.address,
          session: SESSION,
          schemaDigest: over.schemaDigest ?? d.chatMessage,
          message: over.message ?? {
            timestamp: 't',
            msg_id: 'm',
            content: [{ type: 'text', text: 'pushed' }],
          },
        }),
      )
    const good = envelope()
    const answer = async (body: unknown, headers?: Record<string, string>) => {
      const r = await post(submit, body, headers)
      return [r.status, await r.json()]
    }
    expect(await answer(good, { 'content-type': 'text/plain' })).toEqual([
      400,
      { error: 'invalid content-type' },
    ])
    expect(await answer('{not json')).toEqual([400, { error: 'empty or invalid payload' }])
    expect(await answer({ ...good, session: 'nope' })).toEqual([
      400,
      { error: 'contents do not match envelope schema' },
    ])
    expect(await answer({ ...good, signature: undefined })).toEqual([
      400,
      { error: 'signature verification failed' },
    ])
    expect(await answer({ ...good, payload: encodePayload('{"forged": true}') })).toEqual([
      400,
      { error: 'signature verification failed' },
    ])
    expect(await answer(envelope({ target: 'user1other' }))).toEqual([
      400,
      { error: 'unable to route envelope' },
    ])
    const stranger = 'user1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq'
    expect(await answer({ ...good, sender: stranger, signature: undefined })).toEqual([200, {}])
    expect(await answer(envelope({ schemaDigest: 'model:0000' }))).toEqual([200, {}])
    expect(await answer(envelope({ message: { msg_id: 3 } }))).toEqual([200, {}])
    expect(await answer(good)).toEqual([200, {}])
    const frames = await readFrames(`${world.url}/chat/${SESSION}/events`, (f) =>
      f.some((x) => x.kind === 'message'),
    )
    expect(frames.filter((f) => f.kind === 'message')).toHaveLength(1)
    expect(logs).toEqual([
      'dropped an envelope from an unexpected sender user1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq',
      'dropped a message with unrecognized schema digest: model:0000',
      `dropped a malformed ChatMessage from ${world.agent.address}`,
    ])
  })

  it('the fake uAgent drops a ChatMessage with a wrong digest (200, logged, never acknowledged) and refuses bad envelopes', async () => {
    world = await startUAgentsWorld()
    const submit = `${world.agentHost.url}/submit`
    const envelope = buildUAgentsEnvelope({
      sender: world.bridge.address,
      target: world.agent.address,
      session: SESSION,
      schemaDigest: 'model:' + 'ab'.repeat(32),
      message: { timestamp: 't', msg_id: 'wrong-digest', content: [{ type: 'text', text: 'hi' }] },
    })
    const r = await post(submit, envelope)
    expect([r.status, await r.json()]).toEqual([200, {}])
    await expect
      .poll(() => world!.agent.log)
      .toEqual([`Received message with unrecognized schema digest: model:${'ab'.repeat(32)}`])
    expect(world.agent.received).toEqual([])
    const unsigned = { ...envelope, sender: world.identity.address }
    expect((await (await post(submit, unsigned)).json()) as unknown).toEqual({
      error: 'signature verification failed',
    })
    expect(
      (await (await post(submit, { ...envelope, target: 'agent1qnobody' })).json()) as unknown,
    ).toEqual({
      error: 'unable to route envelope',
    })
  })

  it('HEAD /submit answers readiness, GET /status reports agent_info, readiness and the manifest', async () => {
    world = await startUAgentsWorld()
    const head = await fetch(`${world.bridgeHost.url}/submit`, {
      method: 'HEAD',
      headers: { 'x-uagents-address': world.bridge.address },
    })
    expect(head.headers.get('x-uagents-status')).toBe('ready')
    const status = (await (await fetch(`${world.url}/status`)).json()) as UAgentsBridgeStatus
    const d = await chatProtocolDigests()
    expect(status).toMatchObject({
      bridgeAddress: world.bridge.address,
      readiness: 'ready',
      responseTimeHintS: 5,
      agentInfo: { address: world.agent.address, protocols: [d.protocol] },
    })
    expect(status.manifests[0].metadata.digest).toBe(d.protocol)
    world.agent.ready = false
    expect(
      ((await (await fetch(`${world.url}/status`)).json()) as UAgentsBridgeStatus).readiness,
    ).toBe('not-ready')
  })

  it('envelope payloads round-trip UTF-8', () => {
    expect(decodePayload(encodePayload('héllo ☕ 😀'))).toBe('héllo ☕ 😀')
  })
})

describe('listenUAgentsBridge (Node host)', () => {
  it('serves the bridge over node:http: status, SSE and a turn with the fake agent', async () => {
    world = await startUAgentsWorld()
    const { server, port } = await listenUAgentsBridge(world.bridge)
    try {
      const url = `http://127.0.0.1:${port}/uagents`
      const status = (await (await fetch(`${url}/status`)).json()) as UAgentsBridgeStatus
      expect(status.readiness).toBe('ready')
      const frames = await readFrames(
        `${url}/chat/${SESSION}/events`,
        (f) => f.some((x) => x.kind === 'message'),
        () => post(`${url}/chat/${SESSION}`, { content: [{ type: 'text', text: 'via node' }] }),
      )
      expect(frames.map((f) => f.kind)).toEqual(['ready', 'sent', 'ack', 'message'])
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  })
})
