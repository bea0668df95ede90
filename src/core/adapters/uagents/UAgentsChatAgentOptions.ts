/** Options of {@link UAgentsChatAgent}. */
export interface UAgentsChatAgentOptions {
  /**
   * Base URL of the uAgents bridge's browser API (`createUAgentsBridge` in
   * `agent-wire-react/server`), without a trailing slash, e.g. `'/uagents'`. The agent uses
   * `POST <url>/chat/<threadId>`, `GET <url>/chat/<threadId>/events` (SSE) and `GET <url>/status`.
   */
  url: string
  /** Extra request headers (e.g. the app's own auth for the bridge), or a function returning them. */
  headers?:
    Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>)
  /** The `fetch` to use (in-browser fakes, tests). Default: `globalThis.fetch`. */
  fetch?: typeof fetch
  /**
   * The chat protocol has no end-of-turn marker: after the agent acknowledged our message and
   * replied, the run finishes (success) once no ChatMessage came for this long, ms. An open
   * `start-stream` keeps it running. Default 1 500.
   */
  quietMs?: number
  /**
   * After the acknowledgement, how long to wait for a first reply before finishing the run
   * (success, no reply), ms. Default 60 000.
   */
  replyTimeoutMs?: number
  /** Per-frame limit of the bridge's SSE stream, bytes. Default 8 MiB. */
  maxEventBytes?: number
  /** Poll interval of `statusSource`, ms. Default 10 000; 0: load once. */
  statusPollMs?: number
  /** Makes uuid4s (`msg_id`, `resource_id`). Default: `crypto.randomUUID`. */
  newId?: () => string
}
