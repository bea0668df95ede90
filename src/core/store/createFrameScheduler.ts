import type { Scheduler } from './AgentStore'

/** Fallback delay (ms) when the tab is hidden: `requestAnimationFrame` does not fire then. */
export const HIDDEN_FLUSH_DELAY_MS = 16

/** Safety delay (ms): a flush still happens if an animation frame never comes. */
export const FRAME_TIMEOUT_MS = 100

/** Default {@link FrameSchedulerOptions.maxPerSecond}: 60 flushes a second. */
export const DEFAULT_MAX_FLUSHES_PER_SECOND = 60

/** Options of {@link createFrameScheduler}. */
export interface FrameSchedulerOptions {
  /**
   * Most publishes a second (Hz) of the stores sharing the scheduler, their immediate ones (a
   * run's status change) included, whatever the display's frame rate: on a 120 Hz screen, 60 is
   * every other frame; on a 60 Hz screen, every frame. The limit is a rate, not a minimum gap: a
   * frame up to a quarter of `1000 / maxPerSecond` ms early still flushes, and a publish after a
   * pause is never delayed. Default: {@link DEFAULT_MAX_FLUSHES_PER_SECOND}. `Infinity`: every
   * animation frame. Throws `RangeError` unless a number > 0.
   */
  maxPerSecond?: number
}

/**
 * A {@link Scheduler} that publishes at animation frames, at most `maxPerSecond` times a second
 * (design.md, "core/store": at most one React commit per frame; issue 7: at most 60 a second):
 * - a visible browser tab: every store's pending flush runs in one callback at the next animation
 *   frame the rate allows (so React commits them together), raced with a {@link FRAME_TIMEOUT_MS}
 *   timer in case frames stop (tab hidden meanwhile);
 * - a hidden tab (`document.visibilityState === 'hidden'`): `setTimeout` of
 *   {@link HIDDEN_FLUSH_DELAY_MS} ms;
 * - no `requestAnimationFrame` (Node, workers without it): `queueMicrotask`.
 *
 * The rate is kept as a virtual schedule (a generic cell-rate algorithm) on the clock of frame
 * timestamps: each publish, scheduled or immediate (`Scheduler.published`, once a first frame came),
 * books the next slot `1000 / maxPerSecond` ms later; a frame before its slot (less a quarter slot
 * of jitter) waits for the next frame. `flush` is called
 * exactly once per call; a throwing `flush` does not stop the others (it is reported with
 * `console.error`).
 */
export function createFrameScheduler({
  maxPerSecond = DEFAULT_MAX_FLUSHES_PER_SECOND,
}: FrameSchedulerOptions = {}): Scheduler {
  if (!(maxPerSecond > 0)) {
    throw new RangeError(`maxPerSecond must be a number > 0, got ${String(maxPerSecond)}`)
  }
  const interval = 1000 / maxPerSecond
  let queue: Array<() => void> = []
  /** When the next publish is due (ms, the clock of animation frame timestamps). */
  let due = -Infinity
  /**
   * Frame timestamp − `performance.now()` at the last frame (ms): the two clocks may differ (by
   * hundreds of ms in jsdom); `undefined` until a frame came.
   */
  let offset: number | undefined
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const book = (now: number) => {
    due = Math.max(due, now) + interval
  }
  /** Books a publish made now, outside a frame (once a frame told how the clocks relate). */
  const bookNow = () => {
    if (offset !== undefined) book(performance.now() + offset)
  }
  const run = () => {
    clearTimeout(timer)
    cancelAnimationFrame(frame)
    const flushes = queue
    queue = []
    for (const flush of flushes) {
      try {
        flush()
      } catch (error) {
        console.error('[agent-wire-react] a scheduled flush threw:', error)
      }
    }
  }
  const onFrame = (now: number) => {
    offset = now - performance.now()
    if (now < due - interval / 4) {
      frame = requestAnimationFrame(onFrame)
      return
    }
    book(now)
    run()
  }

  const scheduler: Scheduler = (flush) => {
    if (typeof requestAnimationFrame !== 'function') return queueMicrotask(flush)
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
      setTimeout(flush, HIDDEN_FLUSH_DELAY_MS)
      return
    }
    queue.push(flush)
    if (queue.length > 1) return
    frame = requestAnimationFrame(onFrame)
    timer = setTimeout(() => {
      bookNow()
      run()
    }, FRAME_TIMEOUT_MS)
  }
  scheduler.published = bookNow
  return scheduler
}
