import type { FakeSocket, FakeSystem } from '../fakeHost/FakeSystem'
import { json } from '../fakeHost/FakeSystem'

/** One thing the fake backend does after a frontend frame. */
export type GenAIStep =
  | { frame: Record<string, unknown> }
  | { raw: string }
  | { delayMs: number }
  | { close: number; reason?: string }

/** A turn as the fake received it. */
export interface GenAITurn {
  sessionId: string
  frame: { message: string; provider: string; llm_name: string; files: string[] }
}

/** Test controls of {@link createGenAIFake}. */
export interface GenAIFake extends FakeSystem {
  turns: GenAITurn[]
  requests: string[]
  /** What the backend answers to a turn (default: {@link weatherTurn}). */
  respond: (turn: GenAITurn) => GenAIStep[]
  /** Every token issued so far stops working. */
  expireTokens(): void
  /** Active agent connections reported by `/api/agents/active`. */
  activeConnections: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PROVIDERS = new Set(['openai', 'azure_openai', 'ollama'])
const now = () => new Date().toISOString()

/** An `agent_log` frame (`message` may be a JSON start/end marker). */
export function genaiLog(turn: GenAITurn, message: string, agentId = 'master-agent'): GenAIStep {
  return {
    frame: {
      type: 'agent_log',
      log: {
        session_id: turn.sessionId,
        request_id: 'req-1',
        log_level: 'info',
        message,
        agent_id: agentId,
        created_at: now(),
      },
    },
  }
}

/** The final `agent_response` frame. */
export function genaiResponse(
  turn: GenAITurn,
  inner: { response: string; agents_trace: unknown[]; is_success: boolean },
): GenAIStep {
  return {
    frame: {
      type: 'agent_response',
      response: {
        execution_time: 1.25,
        response: inner,
        request_id: 'req-1',
        session_id: turn.sessionId,
        files: [],
      },
    },
  }
}

/** The default turn: the master agent calls `get_weather`, which answers; logs come first, then the response. */
export function weatherTurn(turn: GenAITurn): GenAIStep[] {
  const marker = (name: string, start: boolean) =>
    genaiLog(turn, JSON.stringify({ agent_name: name, is_start_execution: start }), name)
  return [
    marker('master_agent', true),
    genaiLog(turn, 'Routing the request to get_weather'),
    marker('get_weather', true),
    marker('get_weather', false),
    marker('master_agent', false),
    genaiResponse(turn, {
      response: `Sunny in Paris (you asked: ${turn.frame.message})`,
      is_success: true,
      agents_trace: [
        {
          name: 'master_agent',
          input: turn.frame.message,
          output: {
            content: '',
            tool_calls: [{ name: 'get_weather', args: { city: 'Paris' }, id: 'call_1' }],
          },
          is_success: true,
        },
        {
          name: 'get_weather',
          input: { city: 'Paris' },
          output: { temperature: 21, sky: 'sunny' },
          is_success: true,
          execution_time: 0.4,
          id: 'call_1',
        },
      ],
    }),
  ]
}

/**
 * A faithful fake of GenAI AgentOS's backend (seed-systems README §2): form login → `Bearer`
 * token; `/frontend/ws?token=&session_id=` rejecting a bad token or a non-UUID session with
 * HTTP 403 on the upgrade; one frame per turn `{message, provider, llm_name, files}`; an
 * unknown provider → `{"error": …}` then close 1003; a frame that is not JSON → a plain-text
 * error; logs sent just before the response (not live); no streaming, heartbeat or cancel;
 * `/api/agents/` with each agent's `agent_jwt`, `/api/agents/active`; CORS `*`.
 */
export function createGenAIFake(): GenAIFake {
  const tokens = new Set<string>()
  let issued = 0
  const fake: GenAIFake = {
    turns: [],
    requests: [],
    respond: weatherTurn,
    activeConnections: 2,
    expireTokens: () => tokens.clear(),
    async http(request) {
      // CORS `*` (the backend's default): any origin may call, preflights are answered.
      const response =
        request.method === 'OPTIONS'
          ? new Response(null, {
              status: 200,
              headers: {
                'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
                'access-control-allow-headers':
                  request.headers.get('access-control-request-headers') ?? '*',
              },
            })
          : await route(request)
      response.headers.set('access-control-allow-origin', '*')
      return response
    },
    upgrade(request) {
      const url = new URL(request.url)
      if (url.pathname !== '/frontend/ws') return { reject: 404 }
      const sessionId = url.searchParams.get('session_id') ?? ''
      if (!tokens.has(url.searchParams.get('token') ?? '') || !UUID.test(sessionId))
        return { reject: 403 }
      return { accept: (socket) => serve(socket, sessionId) }
    },
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url)
    fake.requests.push(`${request.method} ${url.pathname}`)
    if (request.method === 'POST' && url.pathname === '/api/login/access-token') {
      const form = new URLSearchParams(await request.text())
      if (form.get('username') !== 'admin' || form.get('password') !== 'admin-pass')
        return json({ detail: 'Incorrect username or password' }, 400)
      const token = `genai-token-${++issued}`
      tokens.add(token)
      return json({ access_token: token, token_type: 'Bearer' })
    }
    const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /i, '')
    if (!tokens.has(token)) return json({ detail: 'Could not validate credentials' }, 401)
    if (url.pathname === '/api/agents/')
      return json([
        {
          agent_id: 'a-weather',
          agent_name: 'get_weather',
          agent_alias: 'weather',
          agent_description: 'Current weather for a city',
          agent_schema: {
            type: 'function',
            function: {
              name: 'get_weather',
              description: 'Current weather for a city',
              parameters: { type: 'object', properties: { city: { type: 'string' } } },
            },
          },
          is_active: true,
          created_at: '2026-11-01T10:00:00',
          updated_at: '2026-11-20T10:00:00',
          agent_jwt: 'SECRET.agent.jwt',
        },
        {
          agent_id: 'a-news',
          agent_name: 'get_news',
          agent_alias: 'news',
          agent_description: 'Headlines',
          agent_schema: { type: 'function', function: { name: 'get_news' } },
          is_active: false,
          created_at: '2026-11-01T10:00:00',
          updated_at: '2026-11-01T10:00:00',
          agent_jwt: 'SECRET.other.jwt',
        },
      ])
    if (url.pathname === '/api/agents/active')
      return json({
        count_active_connections: fake.activeConnections,
        active_connections: [],
        limit: 100,
        offset: 0,
      })
    return json({ detail: 'Not Found' }, 404)
  }

  function serve(socket: FakeSocket, sessionId: string) {
    let queue = Promise.resolve()
    socket.onMessage((data) => {
      let frame: GenAITurn['frame']
      try {
        frame = JSON.parse(data) as GenAITurn['frame']
      } catch {
        return socket.send('Invalid message format: expecting JSON')
      }
      if (!PROVIDERS.has(frame.provider)) {
        socket.send(JSON.stringify({ error: `Unknown provider: ${frame.provider}` }))
        return socket.close(1003, 'Unsupported provider')
      }
      const turn = { sessionId, frame }
      fake.turns.push(turn)
      const steps = fake.respond(turn)
      queue = queue.then(() => play(socket, steps))
    })
  }

  async function play(socket: FakeSocket, steps: GenAIStep[]) {
    for (const step of steps) {
      if ('delayMs' in step) await new Promise((r) => setTimeout(r, step.delayMs))
      else if ('raw' in step) socket.send(step.raw)
      else if ('close' in step) socket.close(step.close, step.reason)
      else socket.send(JSON.stringify(step.frame))
    }
  }

  return fake
}
