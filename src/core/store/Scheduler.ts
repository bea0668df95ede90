/**
 * Schedules one deferred call of `flush`. The store calls it at most once between two flushes,
 * so an implementation needs no de-duplication. Default: {@link defaultScheduler}.
 */
export interface Scheduler {
  (flush: () => void): void
  /**
   * Optional: called after a publish or React commit made outside a `flush` it scheduled, so a
   * rate-limited scheduler counts it: the store's immediate publishes (a run's status change is
   * never held for a frame), and `Thread.Root`'s commits of its own (its virtualizer moving the
   * window of rows, e.g. when a reply's row joins it).
   */
  published?(): void
}
