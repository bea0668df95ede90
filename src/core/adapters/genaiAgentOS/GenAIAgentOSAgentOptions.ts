import type { Clock } from '../../transport/Clock'
import type { WebSocketConstructor } from '../../transport/openWebSocket'
import type { FetchLike } from '../agentConnect/fetchJson'

/** Options of {@link GenAIAgentOSAgent}. */
export interface GenAIAgentOSAgentOptions {
  /** Base URL of the GenAI AgentOS backend (`http://localhost:8000`); CORS allows `*` by default. */
  baseUrl: string
  /**
   * Base URL of its WebSocket (`ws://localhost:8000`); `/frontend/ws?token=&session_id=` is
   * appended. Default: `baseUrl` with `http` → `ws` (relative: against `location.href`).
   */
  wsUrl?: string
  /** Logs in with `POST /api/login/access-token` (form); again once when the token is refused. */
  credentials?: { username: string; password: string }
  /** A bearer token obtained elsewhere. */
  token?: string
  /** Returns a fresh token; called at first use and once after the server refused one. */
  getToken?: () => Promise<string>
  /** The LLM provider of every turn (`provider` of the frame), e.g. `openai`. */
  provider: string
  /** The model of every turn (`llm_name`), e.g. `gpt-4o`. */
  llmName: string
  /** File ids (uploaded beforehand through GenAI's files API) sent with each turn. Default: none. */
  files?: (input: { threadId: string; runId: string }) => string[]
  /** Default: `globalThis.fetch`. */
  fetch?: FetchLike
  /** Default: `globalThis.WebSocket` (in Node < 22 pass `WebSocket` from `ws`). */
  WebSocket?: WebSocketConstructor
  /** Time to wait for the WebSocket handshake, ms. Default: 10 000. */
  connectTimeoutMs?: number
  /** Status page poll interval, ms. Default: 10 000. */
  statusPollMs?: number
  /** Time source (timeouts). Default: `systemClock`. */
  clock?: Clock
}
