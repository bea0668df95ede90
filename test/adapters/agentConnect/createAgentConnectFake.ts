import type { FakeSocket, FakeSystem } from '../fakeHost/FakeSystem'
import { json } from '../fakeHost/FakeSystem'

/** One thing the fake agent does after a user message. */
export type AgentConnectStep =
  | { frame: Record<string, unknown> }
  | { raw: string }
  | { delayMs: number }
  | { close: number; reason?: string }
  | { terminate: true }

interface FakeSession {
  id: string
  owner: string
  type: 'human_agent' | 'agent_agent'
  agents: Record<string, { agent_id: string; provider: string; model: string }>
  sockets: Set<FakeSocket>
}

/** Test controls of {@link createAgentConnectFake}. */
export interface AgentConnectFake extends FakeSystem {
  /** Frames received from clients, per session, parsed. */
  received: { sessionId: string; frame: Record<string, unknown> }[]
  /** HTTP requests seen: `METHOD path` (query left out). */
  requests: string[]
  sessions: Map<string, FakeSession>
  /** What the agent does after each user message (default: one `text` reply `You said: <text>`). */
  respond: (text: string, session: FakeSession) => AgentConnectStep[]
  /** Every token issued so far stops working (the next request answers 401). */
  expireTokens(): void
  /** Forgets every session (GET 404, upgrade 403). */
  dropSessions(): void
  /** Answers the next `n` logins with 429. */
  rateLimitLogins(n: number): void
  /** Closes every open socket with `code`. */
  closeSockets(code: number, reason?: string): void
  /** A token for `username` (as if logged in elsewhere). */
  issueToken(username?: string): string
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const isoNoZone = () => new Date().toISOString().replace(/Z$/, '')
const ALLOWED_ORIGIN = 'http://localhost:5173'
const b64 = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '')

/**
 * A faithful fake of AgentConnect's `demos/api` (seed-systems README §1): form login with
 * `demo`/`demo123` (JWT-shaped tokens, `expires_in: 1800`), session create (human_agent: 1
 * agent, agent_agent: 2; 429 after 5 active sessions), session GET answering **500** for a
 * session that exists, WebSocket `/api/chat/ws/{id}?token=` rejecting bad tokens, missing
 * sessions and other owners with HTTP 403 on the upgrade, replies typed `text` from
 * `ai1_<session>`, pings every `pingMs`, agent status and list, and CORS headers (and preflight
 * answers) for `http://localhost:5173` only.
 */
export function createAgentConnectFake(options: { pingMs?: number } = {}): AgentConnectFake {
  const tokens = new Map<string, string>() // token → username
  const sessions = new Map<string, FakeSession>()
  let loginLimit = 0
  let issued = 0
  const fake: AgentConnectFake = {
    received: [],
    requests: [],
    sessions,
    respond: (text) => [{ frame: { type: 'text', content: `You said: ${text}` } }],
    expireTokens: () => tokens.clear(),
    dropSessions() {
      for (const s of sessions.values())
        for (const socket of s.sockets) socket.close(4000, 'session ended')
      sessions.clear()
    },
    rateLimitLogins: (n) => void (loginLimit = n),
    closeSockets(code, reason = '') {
      for (const s of sessions.values())
        for (const socket of [...s.sockets]) socket.close(code, reason)
    },
    issueToken(username = 'demo') {
      const payload = {
        sub: username,
        exp: Math.floor(Date.now() / 1000) + 1800,
        type: 'access',
        jti: ++issued,
      }
      const token = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.sig${issued}`
      tokens.set(token, username)
      return token
    },
    async http(request) {
      const response = await route(request)
      // CORS: only http://localhost:5173 (the demo's default); other origins get no headers.
      if (request.headers.get('origin') === ALLOWED_ORIGIN) {
        response.headers.set('access-control-allow-origin', ALLOWED_ORIGIN)
        response.headers.set('access-control-allow-credentials', 'true')
      }
      return response
    },
    upgrade(request) {
      const url = new URL(request.url)
      const match = /^\/api\/chat\/ws\/([^/]+)$/.exec(url.pathname)
      if (!match) return { reject: 404 }
      const user = tokens.get(url.searchParams.get('token') ?? '')
      const session = sessions.get(decodeURIComponent(match[1]))
      if (!user || !session || session.owner !== user) return { reject: 403 }
      return { accept: (socket) => serve(socket, session) }
    },
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url)
    fake.requests.push(`${request.method} ${url.pathname}`)
    const path = url.pathname
    if (request.method === 'OPTIONS') {
      const origin = request.headers.get('origin')
      if (origin !== ALLOWED_ORIGIN) return new Response('Disallowed CORS origin', { status: 400 })
      return new Response('OK', {
        headers: {
          'access-control-allow-methods': 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT',
          'access-control-allow-headers':
            request.headers.get('access-control-request-headers') ?? '',
        },
      })
    }
    if (request.method === 'POST' && path === '/api/auth/login') {
      if (loginLimit > 0) {
        loginLimit--
        return json({ detail: 'Too many requests' }, 429, { 'retry-after': '7' })
      }
      const form = new URLSearchParams(await request.text())
      if (form.get('username') !== 'demo' || form.get('password') !== 'demo123')
        return json({ detail: 'Invalid credentials' }, 401)
      return json({ access_token: fake.issueToken(), token_type: 'bearer', expires_in: 1800 })
    }
    const auth = request.headers.get('authorization') ?? ''
    const user = tokens.get(auth.replace(/^Bearer /i, ''))
    if (!user) return json({ detail: 'Could not validate credentials' }, 401)
    if (request.method === 'POST' && path === '/api/chat/sessions/create')
      return create(request, user)
    const sessionMatch = /^\/api\/chat\/sessions\/([^/]+)$/.exec(path)
    if (sessionMatch) {
      const session = sessions.get(decodeURIComponent(sessionMatch[1]))
      if (!session) return json({ detail: 'Session not found' }, 404)
      if (session.owner !== user) return json({ detail: 'Not authorized' }, 403)
      if (request.method === 'DELETE') {
        sessions.delete(session.id)
        return json({ status: 'success', message: 'Session ended' })
      }
      return json({ detail: 'Internal server error' }, 500) // the real server's bug
    }
    const statusMatch = /^\/api\/agents\/status\/([^/]+)$/.exec(path)
    if (statusMatch) {
      const found = [...sessions.values()].find((s) =>
        Object.values(s.agents).some((a) => a.agent_id === decodeURIComponent(statusMatch[1])),
      )
      if (!found) return json({ detail: 'Agent not found' }, 404)
      return json(agentStatus(found, user))
    }
    if (path === '/api/agents/list') {
      const agents = [...sessions.values()].map((s) => ({
        ...agentStatus(s, user),
        provider: Object.values(s.agents)[0].provider,
        model: Object.values(s.agents)[0].model,
        is_owned: s.owner === user,
      }))
      return json({
        agents,
        timestamp: isoNoZone(),
        total_count: agents.length,
        user_owned_count: agents.filter((a) => a.is_owned).length,
      })
    }
    return json({ detail: 'Not Found' }, 404)
  }

  async function create(request: Request, user: string): Promise<Response> {
    const body = (await request.json().catch(() => ({}))) as {
      session_type?: 'human_agent' | 'agent_agent'
      agents?: Record<string, { provider?: string; model?: string }>
    }
    const type = body.session_type ?? 'human_agent'
    const configs = Object.entries(body.agents ?? {})
    if (configs.length !== (type === 'human_agent' ? 1 : 2))
      return json({ detail: `${type} sessions need ${type === 'human_agent' ? 1 : 2} agents` }, 400)
    if ([...sessions.values()].filter((s) => s.owner === user).length >= 5)
      return json({ detail: 'Maximum number of active sessions reached' }, 429)
    const now = new Date()
    const stamp = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`
    const id = `session_${stamp}_${Math.random().toString(16).slice(2, 10).padEnd(8, '0')}`
    const agents: FakeSession['agents'] = {}
    configs.forEach(([key, config], i) => {
      agents[key] = {
        agent_id: `ai${i + 1}_${id}`,
        provider: config.provider ?? 'openai',
        model: config.model ?? 'gpt-4o-mini',
      }
    })
    sessions.set(id, { id, owner: user, type, agents, sockets: new Set() })
    return json({
      session_id: id,
      type: 'system',
      created_at: isoNoZone(),
      status: 'active',
      session_type: type,
      agents: Object.fromEntries(
        Object.entries(agents).map(([k, a]) => [k, { ...a, status: 'active' }]),
      ),
      metadata: {},
    })
  }

  function agentStatus(session: FakeSession, user: string) {
    const agent = Object.values(session.agents)[0]
    return {
      agent_id: agent.agent_id,
      agent_type: 'ai',
      name: `Assistant (${agent.model})`,
      status: 'active',
      last_active: isoNoZone(),
      capabilities: ['conversation', 'web_search'],
      interaction_modes: ['human_to_agent'],
      owner_id: user,
      is_running: true,
      message_count: fake.received.filter((r) => r.sessionId === session.id).length,
      metadata: {
        provider: agent.provider,
        model: agent.model,
        personality: 'helpful',
        cooldown_until: null,
        active_conversations: session.sockets.size,
        total_messages_processed: fake.received.length,
      },
    }
  }

  function serve(socket: FakeSocket, session: FakeSession) {
    session.sockets.add(socket)
    const ping = setInterval(
      () => socket.send(JSON.stringify({ type: 'ping', timestamp: isoNoZone() })),
      options.pingMs ?? 30_000,
    )
    socket.onClose(() => {
      clearInterval(ping)
      session.sockets.delete(socket)
    })
    let queue = Promise.resolve()
    socket.onMessage((data) => {
      const frame = JSON.parse(data) as Record<string, unknown>
      fake.received.push({ sessionId: session.id, frame })
      if (frame.type !== 'text') return
      const steps = fake.respond(String(frame.content), session)
      queue = queue.then(() => play(socket, session, steps))
    })
  }

  async function play(socket: FakeSocket, session: FakeSession, steps: AgentConnectStep[]) {
    for (const step of steps) {
      if ('delayMs' in step) await new Promise((r) => setTimeout(r, step.delayMs))
      else if ('raw' in step) socket.send(step.raw)
      else if ('close' in step) socket.close(step.close, step.reason)
      else if ('terminate' in step) socket.terminate()
      else
        socket.send(
          JSON.stringify({
            sender: Object.values(session.agents)[0].agent_id,
            receiver: 'human',
            timestamp: isoNoZone(),
            metadata: {},
            ...step.frame,
          }),
        )
    }
  }

  return fake
}
