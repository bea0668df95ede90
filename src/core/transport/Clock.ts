/**
 * The time source of the kit's transports (heartbeats, backoff, grace periods). Inject one in
 * tests to make timing deterministic; the default is {@link systemClock}.
 */
export interface Clock {
  /** Current time, ms since the epoch (or any fixed origin). */
  now(): number
  /** Calls `callback` after `ms` ms; returns a handle for {@link Clock.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown
  /** Cancels a pending {@link Clock.setTimeout} (a handle already fired or `undefined` is ignored). */
  clearTimeout(handle: unknown): void
}

/** The real clock: `Date.now` and the global timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
}
