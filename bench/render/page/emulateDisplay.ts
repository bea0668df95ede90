/**
 * Makes the page's `requestAnimationFrame` fire as on a display refreshing `hz` times a second
 * (headless Chromium draws at 60 Hz whatever its flags): callbacks run on a timer at each
 * refresh slot, `start + k · 1000 / hz` ms, and receive that slot's time as their timestamp, as
 * a browser passes the frame's start. Every caller of the page gets it (the store's scheduler,
 * React, the virtualizer), as on such a screen. Painting still happens at Chromium's own 60 Hz:
 * what this emulates is when frame callbacks run, which is what decides React's commits.
 * Call before the code under test requests its first frame; it cannot be undone.
 */
export function emulateDisplay(hz: number): void {
  if (!(hz > 0)) throw new RangeError(`hz must be > 0, got ${hz}`)
  const period = 1000 / hz
  const start = performance.now()
  let callbacks = new Map<number, FrameRequestCallback>()
  let nextId = 1
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The slot of the last frame: each frame takes a later one (a timer may fire early). */
  let lastSlot = -1
  const slotAt = (t: number) => Math.floor((t - start) / period)
  const schedule = () => {
    if (timer !== undefined) return
    const now = performance.now()
    const slot = Math.max(slotAt(now), lastSlot) + 1
    timer = setTimeout(() => frame(slot), Math.max(0, start + slot * period - now))
  }
  const frame = (target: number) => {
    timer = undefined
    lastSlot = Math.max(target, slotAt(performance.now()))
    const timestamp = start + lastSlot * period
    const due = callbacks
    callbacks = new Map()
    for (const callback of due.values()) {
      try {
        callback(timestamp)
      } catch (error) {
        // As a browser does: one throwing callback does not stop the others.
        reportError(error)
      }
    }
  }
  window.requestAnimationFrame = (callback) => {
    const id = nextId++
    callbacks.set(id, callback)
    schedule()
    return id
  }
  window.cancelAnimationFrame = (id) => {
    callbacks.delete(id)
  }
}
