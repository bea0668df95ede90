import type { Scheduler } from './AgentStore'

/** Fallback delay (ms) when the tab is hidden: `requestAnimationFrame` does not fire then. */
export const HIDDEN_FLUSH_DELAY_MS = 16

/** Safety delay (ms): a flush still happens if an animation frame never comes. */
export const FRAME_TIMEOUT_MS = 100

/**
 * The store's default {@link Scheduler}:
 * - a visible browser tab: the next `requestAnimationFrame`, raced with a
 *   {@link FRAME_TIMEOUT_MS} timer in case the frame never fires (tab hidden meanwhile);
 * - a hidden tab (`document.visibilityState === 'hidden'`): `setTimeout` of
 *   {@link HIDDEN_FLUSH_DELAY_MS} ms;
 * - no `requestAnimationFrame` (Node, workers without it): `queueMicrotask`.
 *
 * `flush` is called exactly once per call.
 */
export const defaultScheduler: Scheduler = (flush) => {
  if (typeof requestAnimationFrame !== 'function') {
    queueMicrotask(flush)
    return
  }
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
    setTimeout(flush, HIDDEN_FLUSH_DELAY_MS)
    return
  }
  let done = false
  const once = () => {
    if (done) return
    done = true
    clearTimeout(timer)
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
    flush()
  }
  const frame = requestAnimationFrame(once)
  const timer = setTimeout(once, FRAME_TIMEOUT_MS)
}
