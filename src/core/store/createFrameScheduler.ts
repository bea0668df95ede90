import type { Scheduler } from './Scheduler'

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
 * One commit per painted frame: a publish or commit made outside a flush (`Scheduler.published`:
 * a run's start or end, `Thread.Root`'s own commits) takes the next frame's turn, so that frame
 * flushes nothing and what was scheduled waits one more frame. The rate is kept as a virtual schedule (a generic cell-rate algorithm) on the
 * clock of frame timestamps: each publish, scheduled or immediate (once a first frame came),
 * books the next slot `1000 / maxPerSecond` ms later; a frame before its slot (less a quarter
 * slot of jitter) waits for the next frame. `flush` is called exactly once per call; a throwing
 * `flush` does not stop the others (it is reported with `console.error`).
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
  /** An immediate publish (`published()`) took the next frame's paint: that frame flushes nothing. */
  let slotTaken = false
  let requested = false
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const book = (now: number) => {
    due = Math.max(due, now) + interval
  }
  const requestFrame = () => {
    if (requested) return
    requested = true
    frame = requestAnimationFrame(onFrame)
  }
  const run = () => {
    clearTimeout(timer)
    // (A test environment may have removed it by the time the safety timer fires.)
    if (requested && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
    requested = false
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
  function onFrame(now: number): void {
    requested = false
    offset = now - performance.now()
    const taken = slotTaken
    slotTaken = false
    if (queue.length === 0) return
    if (taken || now < due - interval / 4) return requestFrame()
    book(now)
    run()
  }
  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'

  const scheduler: Scheduler = (flush) => {
    if (typeof requestAnimationFrame !== 'function') return queueMicrotask(flush)
    if (hidden()) {
      setTimeout(flush, HIDDEN_FLUSH_DELAY_MS)
      return
    }
    queue.push(flush)
    if (queue.length > 1) return
    requestFrame()
    timer = setTimeout(() => {
      if (offset !== undefined) book(performance.now() + offset)
      run()
    }, FRAME_TIMEOUT_MS)
  }
  scheduler.published = () => {
    if (typeof requestAnimationFrame !== 'function' || hidden()) return
    // Its commit takes the next frame's turn (and, once a frame told how the clocks relate, a
    // slot of the rate).
    if (offset !== undefined) book(performance.now() + offset)
    slotTaken = true
    requestFrame()
  }
  return scheduler
}
