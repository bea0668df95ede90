/**
 * The close codes the kit's WebSocket server sends (RFC 6455 §7.4 plus the kit's 4000-range
 * codes; README, "Resumable streams and WebSocket", close-code policy). Clients act on them:
 * reconnect, re-authenticate, or wait.
 */
export const WS_CLOSE_CODES = {
  /** 1001: the server is shutting down (`close()`); clients reconnect with backoff. */
  goingAway: 1001,
  /** 1008: a frame other than `auth` arrived before authentication, or `auth` never came. */
  policyViolation: 1008,
  /** 1009: a frame larger than `maxPayloadBytes` (sent by the `ws` library itself). */
  tooBig: 1009,
  /** 1011: an unexpected server error while handling the connection. */
  internalError: 1011,
  /** 4001: `authenticate` answered `'invalid_session'`: start a new session. */
  invalidSession: 4001,
  /** 4002: `authenticate` answered `'expired'`: refresh the token once, then resume. */
  expired: 4002,
  /** 4003: `authenticate` refused the token. */
  authFailed: 4003,
  /** 4004: more than `maxRunsPerConnection` runs; the reason reads `retry-after=<seconds>`. */
  rateLimited: 4004,
} as const

/**
 * What an `authenticate` callback answers: `true` accepts; `false` closes with 4003
 * (`auth_failed`); `'expired'` closes with 4002; `'invalid_session'` closes with 4001.
 */
export type WebSocketAuthDecision = boolean | 'expired' | 'invalid_session'
