import type {
  UAgentsChatContent,
  UAgentsChatMessage,
} from '../../../src/core/adapters/uagents/uagentsChatTypes'
import { chatProtocolDigests } from '../../../src/server/adapters/uagents/chatProtocol'
import {
  buildUAgentsEnvelope,
  decodePayload,
  isUserAddress,
  parseUAgentsEnvelope,
  type UAgentsEnvelope,
} from '../../../src/server/adapters/uagents/uagentsEnvelope'
import { json, type FakeSystem } from '../fakeHost/FakeSystem'

/** Options of {@link createFakeUAgent}. */
export interface FakeUAgentOptions {
  address?: string
  /** The agent's own `/submit` URL, as `agent_info.endpoints` reports it. */
  endpoint?: string
  /** Resolves a sender's address to its `/submit` URL (the Almanac): replies go there. */
  resolve: (address: string) => string
  /** The `fetch` the agent sends with. Default `globalThis.fetch`. */
  fetch?: typeof fetch
  /**
   * Signs outgoing envelopes like a uAgent (Node: `createUAgentsIdentity()`); its address is the
   * agent's. Default: the fixed `FAKE_AGENT_ADDRESS` and a placeholder signature (in the page,
   * where `node:crypto` is missing).
   */
  identity?: { address: string; sign(envelope: UAgentsEnvelope): UAgentsEnvelope }
  /** Delay between the chunks of a streamed reply, ms. Default 0. */
  chunkDelayMs?: number
}

/** What the fake recorded and how it behaves now. */
export interface FakeUAgent extends FakeSystem {
  readonly address: string
  /** ChatMessages it accepted, in order. */
  readonly received: UAgentsChatMessage[]
  /** `acknowledged_msg_id`s of the ChatAcknowledgements it received. */
  readonly acksReceived: string[]
  /** Envelopes it pushed to senders' endpoints (acknowledgements and replies) that were accepted. */
  pushed: number
  /** Warnings an agent would log (unrecognized digests, bad payloads). */
  readonly log: string[]
  /** `false`: accept envelopes but never answer (not even the acknowledgement): a hung agent. */
  responsive: boolean
  /** `false`: `HEAD /submit` answers `not-ready` for its address. */
  ready: boolean
}

export const FAKE_AGENT_ADDRESS = 'agent1qfakeuagent0000000000000000000000000000000000000000000000'
export const STREAM_ID = '6f1d0c8e-2b55-4c1a-9d7e-5a1a1b2c3d4e'
export const CARD_ID = '0b9f6a52-7c1e-4e0e-8a54-2f6f2d1c9a10'
export const RESOURCE_ID = '3c2b1a09-8d7e-4f6a-b5c4-d3e2f1a0b9c8'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The scripted conversation: what the fake answers to a user's text. */
function script(text: string): UAgentsChatContent[][] {
  const t = text.trim().toLowerCase()
  if (t === 'stream')
    return [
      [{ type: 'start-stream', stream_id: STREAM_ID }],
      [{ type: 'text', text: 'Streaming ' }],
      [{ type: 'text', text: 'one ' }],
      [{ type: 'text', text: 'message.' }],
      [{ type: 'end-stream', stream_id: STREAM_ID }],
    ]
  if (t === 'resource')
    return [
      [
        { type: 'text', text: 'Here is the report.' },
        {
          type: 'resource',
          resource_id: RESOURCE_ID,
          resource: {
            uri: 'https://files.example/report.pdf',
            metadata: { mime_type: 'application/pdf', name: 'report.pdf' },
          },
        },
      ],
    ]
  if (t === 'book')
    return [
      [
        { type: 'text', text: 'Please fill in the booking form.' },
        {
          type: 'metadata',
          metadata: {
            card_protocol_version: '1',
            requires_card_interaction: 'true',
            card_kind: 'form',
            card_id: CARD_ID,
            card_payload: JSON.stringify({
              title: 'Book a table',
              fields: [
                { name: 'guests', kind: 'number', label: 'Guests', required: true },
                {
                  name: 'time',
                  kind: 'select',
                  label: 'Time',
                  required: true,
                  options: [
                    { value: '19:00', label: '7 pm' },
                    { value: '21:00', label: '9 pm' },
                  ],
                },
              ],
              submit_cta: { label: 'Book', selection: { intent: 'book' } },
            }),
          },
        },
      ],
    ]
  if (t === 'twice')
    return [[{ type: 'text', text: 'First.' }], [{ type: 'text', text: 'Second.' }]]
  if (t === 'bye') return [[{ type: 'text', text: 'Goodbye!' }, { type: 'end-session' }]]
  if (t === 'note')
    return [
      [
        { type: 'metadata', metadata: { mood: 'cheerful' } },
        { type: 'text', text: 'Noted.' },
      ],
    ]
  return [[{ type: 'text', text: `You said: ${text}` }]]
}

/**
 * A faithful fake of a uAgent speaking the Agent Chat Protocol 0.3.0 (issue 8), as a
 * web-standard {@link FakeSystem}:
 * - `POST /submit` checks like uagents' ASGI server: content type (400 `invalid content-type`),
 *   JSON (400 `empty or invalid payload`), envelope schema incl. uuid4 session (400 `contents do
 *   not match envelope schema`), a missing signature of a non-`user` sender (400 `signature
 *   verification failed`; only presence: the fake runs in the page too, without secp256k1), target (400 `unable to route envelope`); then 200 `{}` and dispatches later: a
 *   message with an unknown schema digest is only logged (the real agent's "unrecognized schema
 *   digest" warning: no answer at all);
 * - every ChatMessage is acknowledged, and replies (scripted by `script`) are pushed to the
 *   SENDER's endpoint (`resolve(sender)`), not in the HTTP response;
 * - `GET /agent_info`, `HEAD /submit` (`x-uagents-status`), 404 `{"error": "not found"}` elsewhere.
 */
export function createFakeUAgent(options: FakeUAgentOptions): FakeUAgent {
  const address = options.identity?.address ?? options.address ?? FAKE_AGENT_ADDRESS
  const seal = (e: UAgentsEnvelope) =>
    options.identity ? options.identity.sign(e) : { ...e, signature: 'sig-placeholder' }
  const send =
    options.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(i, init))

  async function push(to: UAgentsEnvelope, schemaDigest: string, message: unknown) {
    const d = await chatProtocolDigests()
    const envelope = seal(
      buildUAgentsEnvelope({
        sender: address,
        target: to.sender,
        session: to.session,
        schemaDigest,
        protocolDigest: d.protocol,
        message,
      }),
    )
    const response = await send(options.resolve(to.sender), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope),
    })
    if (response.ok) fake.pushed += 1
  }

  async function dispatch(env: UAgentsEnvelope) {
    const d = await chatProtocolDigests()
    let payload: Record<string, unknown>
    try {
      payload = JSON.parse(decodePayload(env.payload)) as Record<string, unknown>
    } catch {
      fake.log.push('could not decode payload')
      return
    }
    if (env.schema_digest === d.chatAcknowledgement) {
      fake.acksReceived.push(String(payload.acknowledged_msg_id))
      return
    }
    if (env.schema_digest !== d.chatMessage) {
      fake.log.push(`Received message with unrecognized schema digest: ${env.schema_digest}`)
      return
    }
    if (typeof payload.msg_id !== 'string' || !Array.isArray(payload.content)) {
      fake.log.push('ChatMessage failed validation')
      return
    }
    const msg = payload as unknown as UAgentsChatMessage
    fake.received.push(msg)
    if (!fake.responsive) return
    await push(env, d.chatAcknowledgement, {
      timestamp: new Date().toISOString(),
      acknowledged_msg_id: msg.msg_id,
    })
    const text = msg.content.flatMap((c) => (c.type === 'text' ? [c.text] : [])).join(' ')
    const response = msg.content.find(
      (c) =>
        c.type === 'metadata' && c.metadata.card_protocol_version === '1' && !c.metadata.card_kind,
    )
    const replies =
      response?.type === 'metadata'
        ? [
            [
              {
                type: 'text',
                text:
                  response.metadata.cancelled === 'true'
                    ? 'Booking cancelled.'
                    : `Booked: ${response.metadata.selection}`,
              } as UAgentsChatContent,
            ],
          ]
        : text
          ? script(text)
          : []
    for (const content of replies) {
      if (options.chunkDelayMs) await sleep(options.chunkDelayMs)
      await push(env, d.chatMessage, {
        timestamp: new Date().toISOString(),
        msg_id: crypto.randomUUID(),
        content,
      })
    }
  }

  async function submit(request: Request): Promise<Response> {
    if (!(request.headers.get('content-type') ?? '').includes('application/json'))
      return json({ error: 'invalid content-type' }, 400)
    let raw: unknown
    try {
      raw = JSON.parse(await request.text())
    } catch {
      return json({ error: 'empty or invalid payload' }, 400)
    }
    const env = parseUAgentsEnvelope(raw)
    if (!env) return json({ error: 'contents do not match envelope schema' }, 400)
    if (!isUserAddress(env.sender) && !env.signature)
      return json({ error: 'signature verification failed' }, 400)
    if (env.target !== address) return json({ error: 'unable to route envelope' }, 400)
    void dispatch(env).catch((error) => fake.log.push(`dispatch failed: ${String(error)}`))
    return json({})
  }

  const fake: FakeUAgent = {
    address,
    received: [],
    acksReceived: [],
    log: [],
    pushed: 0,
    responsive: true,
    ready: true,
    async http(request) {
      const { pathname } = new URL(request.url)
      if (pathname === '/agent_info' && request.method === 'GET') {
        const d = await chatProtocolDigests()
        return json({
          address,
          endpoints: [{ url: options.endpoint ?? new URL('/submit', request.url).href, weight: 1 }],
          protocols: [d.protocol],
          agent_type: 'uagent',
          metadata: { name: 'Table booker' },
          prefix: 'test-agent',
          port: Number(new URL(request.url).port) || 80,
        })
      }
      if (pathname !== '/submit') return json({ error: 'not found' }, 404)
      if (request.method === 'HEAD') {
        const asked = request.headers.get('x-uagents-address')
        if (asked === null)
          return new Response(null, { headers: { 'x-uagents-status': 'indeterminate' } })
        if (asked !== address || !fake.ready)
          return new Response(null, { headers: { 'x-uagents-status': 'not-ready' } })
        return new Response(null, {
          headers: { 'x-uagents-status': 'ready', 'x-uagents-response-time-hint': '5' },
        })
      }
      return submit(request)
    },
  }
  return fake
}
