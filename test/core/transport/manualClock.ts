/** A Clock whose time only moves when the test says so (`advance`). */
import type { Clock } from '../../../src/core/transport/Clock'

export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  advance(ms: number): void
  /** Delays of the timers set so far, ms, in order. */
  readonly delays: number[]
  /** Timers not fired or cleared yet. */
  pending(): number
}

export function createManualClock(start = 1_000_000): ManualClock {
  let now = start
  let seq = 0
  const timers = new Map<number, { at: number; callback: () => void }>()
  const delays: number[] = []
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = ++seq
      delays.push(ms)
      timers.set(id, { at: now + ms, callback })
      return id
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
    advance(ms) {
      const end = now + ms
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0]
        if (!due) break
        timers.delete(due[0])
        now = Math.max(now, due[1].at)
        due[1].callback()
      }
      now = end
    },
    delays,
    pending: () => timers.size,
  }
}
