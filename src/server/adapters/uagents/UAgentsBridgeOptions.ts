import type { UAgentsEnvelope } from './uagentsEnvelope'

/** Options of `createUAgentsBridge`. */
export interface UAgentsBridgeOptions {
  /** The uAgent to talk to (`agent1q…`). */
  agentAddress: string
  /** The agent's `/submit` URL (e.g. `http://127.0.0.1:8000/submit`). Or give `resolve`. */
  agentEndpoint?: string
  /** Resolves an address to its `/submit` URL (an Almanac lookup); used when `agentEndpoint` is absent. */
  resolve?: (address: string) => string | Promise<string>
  /**
   * The bridge's own address. Default: a fresh `user1…` address: uAgents skip signature checks
   * for senders starting with `user`, so the bridge needs no key. The agent must be able to
   * resolve it to `<publicUrl>/submit` (Almanac / Agentverse registration, or its resolver).
   */
  bridgeAddress?: string
  /** Where the agent reaches the bridge: replies go to `<publicUrl>/submit`. No trailing slash. */
  publicUrl: string
  /** Prefix of the browser API routes (`<basePath>/chat/…`, `<basePath>/status`). Default `''`. */
  basePath?: string
  /** Without an acknowledgement of a sent ChatMessage for this long, the agent is lost, ms. Default 10 000. */
  ackTimeoutMs?: number
  /** Limit of one request to the agent (`/submit`, `/agent_info`), ms. Default 10 000. */
  requestTimeoutMs?: number
  /** Frames kept per session while no browser stream is open. Default 200. */
  backlogLimit?: number
  /** SSE keep-alive comment interval, ms (0: none). Default 15 000. */
  keepAliveMs?: number
  /**
   * Gate for the browser API (not `/submit`): return `true` to allow, or a `Response` to answer
   * instead (e.g. 401). Default: allow all (put the bridge behind the app's own auth).
   */
  authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>
  /**
   * Which senders' envelopes `/submit` relays (others are dropped with a log entry). Default:
   * only `agentAddress` (without `verify`, this is the only spoofing guard).
   */
  acceptFrom?: (sender: string) => boolean
  /**
   * Checks the signature of an envelope from a non-`user` sender (`verifyUAgentsEnvelope` on
   * Node); false → 400 `signature verification failed`, as a uAgent answers. Default: none
   * (signatures are not checked; the bridge stays free of `node:*`).
   */
  verify?: (envelope: UAgentsEnvelope) => boolean | Promise<boolean>
  /** The `fetch` used to reach the agent. Default `globalThis.fetch`. */
  fetch?: typeof fetch
  /** Clock for ChatMessage / ChatAcknowledgement timestamps. Default `() => new Date()`. */
  now?: () => Date
  /** uuid4 maker. Default `crypto.randomUUID`. */
  newId?: () => string
  /** Receives what the bridge dropped or failed to do (bad envelopes, unknown digests, failed acks). */
  onLog?: (entry: { level: 'info' | 'warning'; message: string }) => void
}
