/**
 * Schedules one deferred call of `flush`. The store calls it at most once between two flushes,
 * so an implementation needs no de-duplication. Default: {@link defaultScheduler}.
 */
export interface Scheduler {
  (flush: () => void): void
  /**
   * Optional: called when the store published at once, outside a `flush` it scheduled (a run's
   * status change is never held for a frame), so a rate-limited scheduler counts that publish.
   */
  published?(): void
}
