import { AgentError } from '../protocol/AgentError'

/**
 * What the WebSocket client does after a close:
 * - `close`: closed for good (state `closed`); runs still open end with `connection_closed`;
 * - `reconnect`: reconnect with exponential backoff and full jitter, then resume every run;
 * - `auth`: stop, state `auth_required`, call `onAuthRequired()`; reconnect if it yields;
 * - `new_session`: the server dropped the session: open a fresh connection at once (backoff if
 *   it happens again in a row) and re-attach every run;
 * - `refresh`: credentials expired: call `onAuthRequired()` (or re-read `auth`) once, reconnect
 *   and resume; a second auth failure in a row is treated as `auth`;
 * - `rate_limit`: wait the close reason's `retry-after=N` seconds, or at least 30 s, then
 *   reconnect.
 */
export type CloseAction = 'close' | 'reconnect' | 'auth' | 'new_session' | 'refresh' | 'rate_limit'

/** One row of {@link CLOSE_CODE_POLICY}. */
export interface CloseCodeRule {
  action: CloseAction
  /** What the code means (RFC 6455 §7.4.1 for 1xxx, the kit's contract for 4xxx). */
  meaning: string
}

/**
 * The close-code policy of `WebSocketAgent` (issue 6, "Close codes"), as data:
 *
 * | code | meaning                                  | action       |
 * |------|------------------------------------------|--------------|
 * | 1000 | normal closure                           | `close`      |
 * | 1001 | going away (server restart, navigation)  | `reconnect`  |
 * | 1006 | abnormal closure (no close frame: network drop, refused) | `reconnect` |
 * | 1008 | policy violation (auth failed)           | `auth`       |
 * | 1011 | internal server error                    | `reconnect`  |
 * | 1012 | service restart                          | `reconnect`  |
 * | 1013 | try again later                          | `reconnect`  |
 * | 4000 | generic, retry                           | `reconnect`  |
 * | 4001 | invalid session                          | `new_session`|
 * | 4002 | credentials expired                      | `refresh`    |
 * | 4003 | auth failed                              | `auth`       |
 * | 4004 | rate limited (reason `retry-after=N`)    | `rate_limit` |
 *
 * Any other code is treated as 4000 (backoff), with a warning diagnostic `unknown_close_code`.
 * Reconnects use `reconnect` options (base 500 ms, cap 30 s, 10 attempts or 5 min) and count
 * toward those caps; when they are exhausted, runs end with `connection_closed`.
 */
export const CLOSE_CODE_POLICY: Readonly<Record<number, CloseCodeRule>> =
  /* @__PURE__ */ Object.freeze({
    1000: { action: 'close', meaning: 'normal closure' },
    1001: { action: 'reconnect', meaning: 'going away' },
    1006: { action: 'reconnect', meaning: 'abnormal closure' },
    1008: { action: 'auth', meaning: 'policy violation (auth failed)' },
    1011: { action: 'reconnect', meaning: 'internal server error' },
    1012: { action: 'reconnect', meaning: 'service restart' },
    1013: { action: 'reconnect', meaning: 'try again later' },
    4000: { action: 'reconnect', meaning: 'generic error, retry' },
    4001: { action: 'new_session', meaning: 'invalid session' },
    4002: { action: 'refresh', meaning: 'credentials expired' },
    4003: { action: 'auth', meaning: 'auth failed' },
    4004: { action: 'rate_limit', meaning: 'rate limited' },
  })

/** The rule of `code` from {@link CLOSE_CODE_POLICY}; `known: false` for a code not in it (then 4000's rule). */
export function closeCodeRule(code: number): CloseCodeRule & { code: number; known: boolean } {
  const rule = CLOSE_CODE_POLICY[code]
  return rule ? { ...rule, code, known: true } : { ...CLOSE_CODE_POLICY[4000], code, known: false }
}

/** The least wait after a rate-limit close (4004, HTTP 429) without `retry-after`, ms. */
export const MIN_RATE_LIMIT_WAIT_MS = 30_000

/**
 * Reads `retry-after=N` (N seconds, decimal) from a close reason, or a bare number of seconds
 * (an HTTP `Retry-After` value), as ms. `undefined` when absent or not a non-negative number.
 *
 * @example parseRetryAfterMs('rate limited; retry-after=12') // 12000
 */
export function parseRetryAfterMs(reason: string | null | undefined): number | undefined {
  if (!reason) return undefined
  const match =
    /(?:^|[\s;,])retry-after\s*[=:]\s*(\d+(?:\.\d+)?)/i.exec(reason) ??
    /^\s*(\d+(?:\.\d+)?)\s*$/.exec(reason)
  if (!match) return undefined
  return Math.round(Number(match[1]) * 1000)
}

/** What a close means for the client; see {@link closeOutcome}. */
export interface CloseOutcome {
  rule: CloseCodeRule & { code: number; known: boolean }
  /** The error to report: `auth_required`, `rate_limited` (`retryAfterMs`), `network` (1006) or `connection_closed`; `closeCode` set. */
  error: AgentError
  /** How to pick the delay of a reconnect (`rate_limit`: the server's wait, or at least 30 s). */
  step?: { exactMs?: number; minMs?: number }
}

/** Applies {@link CLOSE_CODE_POLICY} to a close event's `code` and `reason`. */
export function closeOutcome(code: number, reason: string): CloseOutcome {
  const rule = closeCodeRule(code)
  const detail = `${code} ${rule.meaning}${reason ? `: ${reason}` : ''}`
  const closeCode = code
  switch (rule.action) {
    case 'auth':
    case 'refresh':
      return {
        rule,
        error: new AgentError('auth_required', `The server refused the credentials (${detail}).`, {
          closeCode,
          retryable: false,
        }),
      }
    case 'rate_limit': {
      const retryAfterMs = parseRetryAfterMs(reason)
      return {
        rule,
        error: new AgentError('rate_limited', `The server is rate limiting (${detail}).`, {
          closeCode,
          ...(retryAfterMs !== undefined && { retryAfterMs }),
        }),
        step:
          retryAfterMs === undefined
            ? { minMs: MIN_RATE_LIMIT_WAIT_MS }
            : { exactMs: retryAfterMs },
      }
    }
    case 'close':
      return {
        rule,
        error: new AgentError(
          'connection_closed',
          `The server closed the connection (${detail}) with runs still open.`,
          { closeCode },
        ),
      }
    default:
      if (code === 1006) {
        const message =
          'The WebSocket connection closed abnormally (1006): network failure, or the server is unreachable.'
        return { rule, error: new AgentError('network', message, { closeCode }) }
      }
      return {
        rule,
        error: new AgentError(
          'connection_closed',
          `The server closed the connection (${detail}).`,
          { closeCode },
        ),
      }
  }
}
