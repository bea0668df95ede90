import type {
  UAgentsBridgeErrorCode,
  UAgentsBridgeStatus,
  UAgentsChatAcknowledgement,
  UAgentsChatMessage,
} from '../../../core/adapters/uagents/uagentsChatTypes'
import { bech32Encode } from './bech32'
import { chatProtocolDigests } from './chatProtocol'
import { createBridgeSessions } from './createBridgeSessions'
import { readAgentStatus } from './readAgentStatus'
import type { UAgentsBridgeOptions } from './UAgentsBridgeOptions'
import {
  buildUAgentsEnvelope,
  decodePayload,
  isUserAddress,
  isUuid4,
  parseUAgentsEnvelope,
  type UAgentsEnvelope,
} from './uagentsEnvelope'

export type { UAgentsBridgeOptions } from './UAgentsBridgeOptions'

/** A running bridge: a web-standard handler plus its address. */
export interface UAgentsBridge {
  /** The bridge's uAgents address (`user1…` by default). */
  readonly address: string
  /** Answers one request: `/submit` (agents) and the browser API. Never rejects. */
  handle(request: Request): Promise<Response>
  /** Ends every browser stream and pending acknowledgement timer. */
  close(): void
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const fail = (code: UAgentsBridgeErrorCode, message: string, status: number) =>
  json({ error: { code, message } }, status)
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A fresh `user1…` address (`generate_user_address`: bech32 of 32 random bytes). */
function randomUserAddress(): string {
  return bech32Encode('user', globalThis.crypto.getRandomValues(new Uint8Array(32)))
}

/**
 * The uAgents bridge (issue 8, seed-systems README §4): owns a uAgents address and a `/submit`
 * endpoint so a browser can chat with a uAgent, which pushes its replies to the sender's own
 * endpoint. Written as a web-standard handler (`Request → Response`, streaming SSE bodies); host
 * it with any server that speaks Fetch API (Node: `listenUAgentsBridge`).
 *
 * Routes:
 * - `POST /submit`: envelopes from the agent, checked like uAgents does (`content-type` JSON,
 *   envelope schema, target = this address; 400 `{error}` otherwise). A ChatMessage is relayed to
 *   its session's stream and ACKNOWLEDGED (a ChatAcknowledgement envelope to the sender's
 *   endpoint); a ChatAcknowledgement clears its ack timer and is relayed; other digests are
 *   dropped (200 `{}`, like an agent with no handler), and so are envelopes from senders other
 *   than the agent (`acceptFrom`). Signatures of non-`user` senders are checked with `verify`
 *   (Node: `verifyUAgentsEnvelope`; 400 `signature verification failed`); without `verify` they
 *   are not, so keep `/submit` reachable only from the agent's network.
 * - `HEAD /submit`: readiness (`x-uagents-status`), as agents answer it.
 * - `POST <basePath>/chat/<session>` `{msg_id?, content[]}`: builds a ChatMessage and its envelope
 *   (schema and protocol digests computed from the chat protocol manifest), POSTs it to the
 *   agent's `/submit`; 202 `{msg_id}`; 502 `agent_unreachable` / `agent_rejected`; 400 `bad_request`.
 *   Without an acknowledgement within `ackTimeoutMs`, the session gets an `agent_lost` frame.
 * - `GET <basePath>/chat/<session>/events`: the session's SSE stream (`UAgentsBridgeFrame`s).
 * - `GET <basePath>/status`: `UAgentsBridgeStatus` (`agent_info`, readiness, manifests).
 * Session ids are uuid4s (the browser's `threadId`).
 */
export function createUAgentsBridge(options: UAgentsBridgeOptions): UAgentsBridge {
  const address = options.bridgeAddress ?? randomUserAddress()
  const base = options.basePath ?? ''
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const now = options.now ?? (() => new Date())
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID())
  const timeoutMs = options.requestTimeoutMs ?? 10_000
  const log = (level: 'info' | 'warning', message: string) => options.onLog?.({ level, message })
  const sessions = createBridgeSessions({
    backlogLimit: options.backlogLimit ?? 200,
    keepAliveMs: options.keepAliveMs ?? 15_000,
  })
  const ackTimers = new Map<string, ReturnType<typeof setTimeout>>()

  const endpointOf = async (target: string) =>
    target === options.agentAddress && options.agentEndpoint
      ? options.agentEndpoint
      : options.resolve
        ? await options.resolve(target)
        : (options.agentEndpoint ?? '')

  /** POSTs an envelope to `target`'s `/submit`: `undefined` when accepted, else why not. */
  async function deliver(target: string, envelope: UAgentsEnvelope) {
    let response: Response
    try {
      response = await doFetch(await endpointOf(target), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      return {
        code: 'agent_unreachable' as const,
        message: `cannot reach ${target}: ${String(error)}`,
      }
    }
    const text = await response.text().catch(() => '')
    if (response.ok) return undefined
    const code = response.status >= 500 ? 'agent_unreachable' : 'agent_rejected'
    return {
      code,
      message: `the agent answered HTTP ${response.status}: ${text.slice(0, 200)}`,
    } as const
  }

  async function acknowledge(envelope: UAgentsEnvelope, msg: UAgentsChatMessage) {
    const digests = await chatProtocolDigests()
    const ack: UAgentsChatAcknowledgement = {
      timestamp: now().toISOString(),
      acknowledged_msg_id: msg.msg_id,
    }
    const failure = await deliver(
      envelope.sender,
      buildUAgentsEnvelope({
        sender: address,
        target: envelope.sender,
        session: envelope.session,
        schemaDigest: digests.chatAcknowledgement,
        protocolDigest: digests.protocol,
        message: ack,
      }),
    )
    if (failure) log('warning', `acknowledging ${msg.msg_id} failed: ${failure.message}`)
  }

  async function receive(request: Request): Promise<Response> {
    if (!(request.headers.get('content-type') ?? '').includes('application/json'))
      return json({ error: 'invalid content-type' }, 400)
    let raw: unknown
    try {
      raw = JSON.parse(await request.text())
    } catch {
      return json({ error: 'empty or invalid payload' }, 400)
    }
    const envelope = parseUAgentsEnvelope(raw)
    if (!envelope) return json({ error: 'contents do not match envelope schema' }, 400)
    if (options.verify && !isUserAddress(envelope.sender) && !(await options.verify(envelope)))
      return json({ error: 'signature verification failed' }, 400)
    if (envelope.target !== address) return json({ error: 'unable to route envelope' }, 400)
    const accept = options.acceptFrom ?? ((sender: string) => sender === options.agentAddress)
    if (!accept(envelope.sender)) {
      log('warning', `dropped an envelope from an unexpected sender ${envelope.sender}`)
      return json({})
    }
    const digests = await chatProtocolDigests()
    let payload: unknown
    try {
      payload = JSON.parse(decodePayload(envelope.payload))
    } catch {
      log('warning', `dropped an envelope from ${envelope.sender}: payload is not base64 JSON`)
      return json({})
    }
    if (envelope.schema_digest === digests.chatMessage) {
      if (
        !isObject(payload) ||
        typeof payload.msg_id !== 'string' ||
        !Array.isArray(payload.content)
      ) {
        log('warning', `dropped a malformed ChatMessage from ${envelope.sender}`)
        return json({})
      }
      const msg = payload as unknown as UAgentsChatMessage
      sessions.push(envelope.session, { kind: 'message', sender: envelope.sender, msg })
      void acknowledge(envelope, msg)
    } else if (envelope.schema_digest === digests.chatAcknowledgement) {
      if (!isObject(payload) || typeof payload.acknowledged_msg_id !== 'string') {
        log('warning', `dropped a malformed ChatAcknowledgement from ${envelope.sender}`)
        return json({})
      }
      const ack = payload as unknown as UAgentsChatAcknowledgement
      clearTimeout(ackTimers.get(ack.acknowledged_msg_id))
      ackTimers.delete(ack.acknowledged_msg_id)
      sessions.push(envelope.session, { kind: 'ack', sender: envelope.sender, ack })
    } else
      log('warning', `dropped a message with unrecognized schema digest: ${envelope.schema_digest}`)
    return json({})
  }

  async function send(request: Request, session: string): Promise<Response> {
    let body: unknown
    try {
      body = await request.json()
    } catch {
      return fail('bad_request', 'the body is not JSON', 400)
    }
    const content = isObject(body) ? body.content : undefined
    if (
      !Array.isArray(content) ||
      content.length === 0 ||
      !content.every((c) => isObject(c) && typeof c.type === 'string')
    )
      return fail('bad_request', 'content must be a non-empty array of chat content items', 400)
    const msgId = isObject(body) && isUuid4(body.msg_id) ? body.msg_id : newId()
    const msg: UAgentsChatMessage = {
      timestamp: now().toISOString(),
      msg_id: msgId,
      content: content as UAgentsChatMessage['content'],
    }
    const digests = await chatProtocolDigests()
    const envelope = buildUAgentsEnvelope({
      sender: address,
      target: options.agentAddress,
      session,
      schemaDigest: digests.chatMessage,
      protocolDigest: digests.protocol,
      message: msg,
    })
    const failure = await deliver(options.agentAddress, envelope)
    if (failure) return fail(failure.code, failure.message, 502)
    sessions.push(session, { kind: 'sent', msg_id: msgId })
    const ackTimeoutMs = options.ackTimeoutMs ?? 10_000
    ackTimers.set(
      msgId,
      setTimeout(() => {
        ackTimers.delete(msgId)
        const message = `the agent ${options.agentAddress} did not acknowledge ${msgId} within ${ackTimeoutMs} ms`
        sessions.push(session, { kind: 'error', code: 'agent_lost', message, msg_id: msgId })
      }, ackTimeoutMs),
    )
    return json({ msg_id: msgId }, 202)
  }

  async function status(): Promise<Response> {
    const digests = await chatProtocolDigests()
    const submitUrl = await Promise.resolve(endpointOf(options.agentAddress)).catch(() => '')
    const agent = submitUrl
      ? await readAgentStatus({
          submitUrl,
          agentAddress: options.agentAddress,
          fetch: doFetch,
          timeoutMs,
        })
      : { readiness: 'unreachable' as const, agentInfoError: 'no endpoint for the agent' }
    const body: UAgentsBridgeStatus = {
      bridgeAddress: address,
      agentAddress: options.agentAddress,
      ...(submitUrl && { agentEndpoint: submitUrl }),
      ...agent,
      manifests: [digests.manifest],
      openSessions: sessions.openCount(),
    }
    return json(body)
  }

  async function route(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url)
    if (pathname === '/submit') {
      if (request.method === 'HEAD') {
        const asked = request.headers.get('x-uagents-address')
        const state = asked === null ? 'indeterminate' : asked === address ? 'ready' : 'not-ready'
        return new Response(null, { status: 200, headers: { 'x-uagents-status': state } })
      }
      if (request.method === 'POST') return receive(request)
      return json({ error: 'method not allowed' }, 405)
    }
    if (!pathname.startsWith(`${base}/`)) return json({ error: 'not found' }, 404)
    const allowed = options.authorize ? await options.authorize(request) : true
    if (allowed instanceof Response) return allowed
    if (!allowed) return json({ error: 'unauthorized' }, 401)
    const rest = pathname.slice(base.length)
    if (rest === '/status' && request.method === 'GET') return status()
    const match = /^\/chat\/([^/]+)(\/events)?$/.exec(rest)
    if (!match) return json({ error: 'not found' }, 404)
    const session = decodeURIComponent(match[1])
    if (!isUuid4(session)) return fail('bad_request', 'the session (threadId) must be a uuid4', 400)
    if (match[2] && request.method === 'GET') return sessions.open(session, request.signal)
    if (!match[2] && request.method === 'POST') return send(request, session)
    return json({ error: 'method not allowed' }, 405)
  }

  return {
    address,
    async handle(request) {
      try {
        return await route(request)
      } catch (error) {
        log('warning', `bridge request failed: ${String(error)}`)
        return json({ error: 'internal error' }, 500)
      }
    },
    close() {
      for (const timer of ackTimers.values()) clearTimeout(timer)
      ackTimers.clear()
      sessions.close()
    },
  }
}
