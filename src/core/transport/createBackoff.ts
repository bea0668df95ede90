/** Options of {@link createBackoff} (and the `reconnect` option of the kit's transports). */
export interface BackoffOptions {
  /** Ceiling of the first delay, ms; it doubles per attempt. Default: 500. */
  baseMs?: number
  /** Largest delay ceiling, ms. Default: 30 000. */
  capMs?: number
  /** Attempts after which the transport gives up. Default: 10. */
  maxAttempts?: number
  /**
   * Time since the first failure of a series, ms, after which no attempt starts (a delay is
   * shortened to end at this deadline). Default: 300 000 (5 min).
   */
  maxElapsedMs?: number
}

/** Injectable sources of time and randomness, for deterministic tests. */
export interface BackoffDeps {
  /** Returns a number in [0, 1). Default: `Math.random`. */
  random?: () => number
  /** Current time, ms. Default: `Date.now`. */
  now?: () => number
}

/** One scheduled attempt: its number (1-based) and the delay before it, ms. */
export interface BackoffStep {
  attempt: number
  delayMs: number
}

/** A series of retry delays; see {@link createBackoff}. */
export interface Backoff {
  /**
   * Counts one more attempt and returns its delay, or `undefined` when the caps are reached
   * (`maxAttempts` attempts made, or `maxElapsedMs` elapsed since the first call of the series).
   * `exactMs` replaces the jittered delay (a server's `retry-after`); `minMs` raises it.
   */
  next(options?: { exactMs?: number; minMs?: number }): BackoffStep | undefined
  /** Starts a new series (after a healthy connection): attempt 0, elapsed time 0. */
  reset(): void
  /** Attempts counted in the current series. */
  readonly attempt: number
}

/** The defaults of {@link BackoffOptions}. */
export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  baseMs: 500,
  capMs: 30_000,
  maxAttempts: 10,
  maxElapsedMs: 300_000,
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): attempt `n` (1-based) waits `random() × min(capMs, baseMs × 2^(n-1))` ms, so
 * clients that dropped together do not reconnect together. Bounded by `maxAttempts` and
 * `maxElapsedMs`.
 *
 * @example
 * const backoff = createBackoff({ baseMs: 500 }, { random: () => 0.5 })
 * backoff.next() // { attempt: 1, delayMs: 250 }
 * backoff.next() // { attempt: 2, delayMs: 500 }
 */
export function createBackoff(options: BackoffOptions = {}, deps: BackoffDeps = {}): Backoff {
  const { baseMs, capMs, maxAttempts, maxElapsedMs } = { ...DEFAULT_BACKOFF, ...options }
  const random = deps.random ?? Math.random
  const now = deps.now ?? Date.now
  let attempt = 0
  let startedAt: number | undefined
  return {
    next(step = {}) {
      const time = now()
      startedAt ??= time
      const elapsed = time - startedAt
      if (attempt >= maxAttempts || elapsed >= maxElapsedMs) return undefined
      attempt++
      const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1))
      let delayMs = step.exactMs ?? Math.floor(random() * ceiling)
      if (step.minMs !== undefined) delayMs = Math.max(delayMs, step.minMs)
      delayMs = Math.max(0, Math.min(delayMs, maxElapsedMs - elapsed))
      return { attempt, delayMs }
    },
    reset() {
      attempt = 0
      startedAt = undefined
    },
    get attempt() {
      return attempt
    },
  }
}
