/**
 * Credentials Protolink accepts (seed-systems §3): `{ bearer }` → `Authorization: Bearer …`,
 * `{ apiKey }` → `X-API-Key`, `{ token }` → query `?token=…`. Prefer putting secrets in the
 * same-origin proxy's `headers` so the browser never holds them.
 */
export type ProtolinkAuth = { bearer: string } | { apiKey: string } | { token: string }

/** Options of {@link ProtolinkAgent} and {@link createProtolinkStatusSource}. */
export interface ProtolinkAgentOptions {
  /**
   * The Protolink agent's base URL, usually the app's same-origin proxy (`/protolink`, see
   * `createSameOriginProxy`): Protolink sends no CORS headers. Paths are appended to it
   * (`/tasks/stream`, `/tasks/cancel`, `/chat`, `/.well-known/agent.json`, `/healthz`).
   */
  baseUrl: string | URL
  /** Credentials, or a (possibly async) function called before every request (fresh tokens). Default: none. */
  auth?: ProtolinkAuth | (() => ProtolinkAuth | Promise<ProtolinkAuth>)
  /**
   * Where an approval decision is POSTed (`{approved, request_id, reason}`), i.e. the kit's
   * `createProtolinkApprovalRoutes` endpoint. A string is a prefix (`<approvalUrl>/<request_id>`).
   * Default: `<baseUrl>/approvals/<request_id>` (mount the routes before the proxy).
   */
  approvalUrl?: string | ((requestId: string) => string)
  /**
   * `true`: always `POST /tasks/stream`; `false`: always `POST /chat` (one reply, no streaming);
   * `'auto'`: read the agent card once and use `/chat` when `capabilities.streaming` is `false`
   * (also after `/tasks/stream` answers 404). Default `'auto'`.
   */
  streaming?: boolean | 'auto'
  /** The `fetch` to use (tests, in-browser fakes). Default: `globalThis.fetch` at request time. */
  fetch?: typeof globalThis.fetch
  /** Size limit of one SSE frame, bytes; larger fails the run with `limit_exceeded`. Default 8 MiB. */
  maxEventBytes?: number
  /** Makes task, message and request ids. Default: `crypto.randomUUID()`. */
  newId?: () => string
  /** Suggested poll interval of {@link ProtolinkAgent.statusSource}, ms. Default 15 000. */
  statusPollMs?: number
}
