import type { BackoffOptions } from '../../transport/createBackoff'
import type { Clock } from '../../transport/Clock'
import type { WebSocketConstructor } from '../../transport/openWebSocket'
import type { FetchLike } from './fetchJson'

/** One agent of an AgentConnect session (`POST /api/chat/sessions/create` body, `agents.<key>`). */
export interface AgentConnectAgentConfig {
  /** Model provider, e.g. `openai`, `anthropic`, `groq`, `google`. */
  provider: string
  model?: string
  capabilities?: string[]
  personality?: string
  metadata?: Record<string, unknown>
}

/**
 * The session to create (`POST /api/chat/sessions/create`): `human_agent` needs exactly one
 * agent, `agent_agent` exactly two. Default `session_type`: `human_agent`.
 */
export interface AgentConnectSessionConfig {
  session_type?: 'human_agent' | 'agent_agent'
  agents: Record<string, AgentConnectAgentConfig>
  interaction_modes?: string[]
  metadata?: Record<string, unknown>
}

/** Options of {@link AgentConnectAgent}. */
export interface AgentConnectAgentOptions {
  /**
   * Base URL of AgentConnect's REST API, without `/api` (e.g. `http://localhost:8000`, or the
   * same-origin proxy path `/agentconnect`): its CORS allows only `http://localhost:5173`.
   */
  baseUrl: string
  /**
   * Base URL of the WebSocket (`ws://host:8000`); `/api/chat/ws/<session_id>?token=` is appended.
   * Default: `baseUrl` with `http` → `ws` (a relative `baseUrl` is resolved against
   * `location.href`). The WebSocket has no origin check, so it may go straight to the server.
   */
  wsUrl?: string
  /** Logs in with `POST /api/auth/login` (form); re-logs in once when the token expires. */
  credentials?: { username: string; password: string }
  /** A bearer token (JWT) obtained elsewhere; when it expires runs fail with `auth_required`. */
  token?: string
  /** Returns a fresh token; called at first use and once again after the server refused one. */
  getToken?: () => Promise<string>
  /** The session to create at the first run (and again when it vanished). */
  session?: AgentConnectSessionConfig
  /**
   * An existing session to reuse: checked over REST at the first run (a 404 creates a new one
   * from `session`, or fails with `not_found` without it).
   */
  sessionId?: string
  /** The agent the status page reads (`/api/agents/status/<id>`). Default: the session's `ai_agent`. */
  agentId?: string
  /** Default: `globalThis.fetch`. */
  fetch?: FetchLike
  /** Default: `globalThis.WebSocket` (in Node < 22 pass `WebSocket` from `ws`). */
  WebSocket?: WebSocketConstructor
  /** Reconnect backoff after a close 4000/1011/1006 once open. Default: `DEFAULT_BACKOFF`. */
  reconnect?: BackoffOptions
  /** Time to wait for the WebSocket handshake, ms. Default: 10 000. */
  connectTimeoutMs?: number
  /** Status page poll interval, ms. Default: 10 000. */
  statusPollMs?: number
  /** Time source (cooldowns, backoff timers). Default: `systemClock`. */
  clock?: Clock
}
