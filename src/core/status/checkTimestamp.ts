/** 2000-01-01T00:00:00Z in ms: an event `timestamp` before it is taken for seconds or garbage. */
export const EARLIEST_PLAUSIBLE_MS = 946_684_800_000

/** How far (ms) a `timestamp` may lie ahead of the consumer's clock before it counts as absurd: 1 day. */
export const FUTURE_TOLERANCE_MS = 86_400_000

/**
 * Why an event `timestamp` (spec 1.1: ms since epoch, optional) cannot be used, or `undefined`
 * when it can: `not a number`, `not finite`, `before 2000 (seconds instead of ms?)`,
 * `more than a day in the future`. `now` is the consumer's clock, ms since epoch.
 */
export function checkTimestamp(timestamp: unknown, now: number): string | undefined {
  if (typeof timestamp !== 'number') return 'not a number'
  if (!Number.isFinite(timestamp)) return 'not finite'
  if (timestamp < EARLIEST_PLAUSIBLE_MS) return 'before 2000 (seconds instead of ms?)'
  if (timestamp > now + FUTURE_TOLERANCE_MS) return 'more than a day in the future'
  return undefined
}
