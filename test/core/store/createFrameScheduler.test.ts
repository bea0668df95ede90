import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createAgentStore,
  createFrameScheduler,
  defaultScheduler,
  FRAME_TIMEOUT_MS,
  HIDDEN_FLUSH_DELAY_MS,
} from '../../../src/core/store'
import { createScriptedAgent } from '../../../src/testing'

/** A fake display: `requestAnimationFrame` callbacks run when the test draws a frame. */
function stubFrames({ lag = 0 }: { lag?: number } = {}) {
  let callbacks = new Map<number, FrameRequestCallback>()
  let id = 0
  let clock = 0
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    callbacks.set(++id, cb)
    return id
  })
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => callbacks.delete(handle))
  vi.stubGlobal('document', { visibilityState: 'visible' })
  vi.spyOn(performance, 'now').mockImplementation(() => clock)
  return {
    pending: () => callbacks.size,
    /** Draws a frame at `now` ms (`performance.now()` moves to `now + lag` first). */
    draw(now: number) {
      clock = now + lag
      const due = callbacks
      callbacks = new Map()
      for (const cb of due.values()) cb(now)
    },
    set now(ms: number) {
      clock = ms
    },
  }
}

/** Keeps one flush scheduled at all times (a store streaming tokens); counts the flushes. */
function streamInto(scheduler: ReturnType<typeof createFrameScheduler>) {
  let flushes = 0
  const flush = () => {
    flushes++
    scheduler(flush)
  }
  scheduler(flush)
  return () => flushes
}

/**
 * A scheduler that flushed `flush` at a first frame (16 ms: it now relates the frame clock to
 * `performance.now()`), then saw a publish made at once at `atMs`.
 */
function publishedAt(display: ReturnType<typeof stubFrames>, atMs: number, maxPerSecond = 60) {
  const scheduler = createFrameScheduler({ maxPerSecond })
  const flush = vi.fn()
  scheduler(flush)
  display.draw(16)
  display.now = atMs
  scheduler.published!()
  return { scheduler, flush }
}

/** Draws frames every `periodMs` from `fromMs` for `forMs`. */
function drawFrames(display: ReturnType<typeof stubFrames>, periodMs: number, forMs: number) {
  for (let t = periodMs; t <= forMs; t += periodMs) display.draw(t)
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }))

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('createFrameScheduler', () => {
  it('uses a microtask where there is no requestAnimationFrame', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined)
    const flush = vi.fn()
    createFrameScheduler()(flush)
    expect(flush).not.toHaveBeenCalled()
    await Promise.resolve()
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('flushes at the next animation frame in a visible tab, once', () => {
    const display = stubFrames()
    const flush = vi.fn()
    createFrameScheduler()(flush)
    expect(flush).not.toHaveBeenCalled()
    display.draw(16)
    expect(flush).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(FRAME_TIMEOUT_MS * 2) // the safety timer was cleared
    display.draw(33)
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('runs every flush scheduled before a frame in that frame, in order, from one frame request', () => {
    const display = stubFrames()
    const scheduler = createFrameScheduler()
    const order: string[] = []
    scheduler(() => order.push('a'))
    scheduler(() => order.push('b'))
    expect(display.pending()).toBe(1)
    display.draw(16)
    expect(order).toEqual(['a', 'b'])
  })

  it('falls back to a timer when the frame never fires', () => {
    const display = stubFrames()
    const flush = vi.fn()
    createFrameScheduler()(flush)
    vi.advanceTimersByTime(FRAME_TIMEOUT_MS)
    expect(flush).toHaveBeenCalledTimes(1)
    expect(display.pending()).toBe(0) // the frame request was cancelled
  })

  it('flushes from the safety timer after the frame functions are gone (a test environment torn down)', () => {
    stubFrames()
    const flush = vi.fn()
    createFrameScheduler()(flush)
    vi.stubGlobal('requestAnimationFrame', undefined)
    vi.stubGlobal('cancelAnimationFrame', undefined)
    expect(() => vi.advanceTimersByTime(FRAME_TIMEOUT_MS)).not.toThrow()
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('uses a short timer in a hidden tab', () => {
    const raf = vi.fn()
    vi.stubGlobal('requestAnimationFrame', raf)
    vi.stubGlobal('document', { visibilityState: 'hidden' })
    const flush = vi.fn()
    createFrameScheduler()(flush)
    vi.advanceTimersByTime(HIDDEN_FLUSH_DELAY_MS - 1)
    expect(flush).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(flush).toHaveBeenCalledTimes(1)
    expect(raf).not.toHaveBeenCalled()
  })

  it('flushes at most 60 times a second on a 120 Hz display: every other frame', () => {
    const display = stubFrames()
    const flushes = streamInto(createFrameScheduler())
    drawFrames(display, 1000 / 120, 10_000)
    expect(flushes()).toBeGreaterThanOrEqual(599)
    expect(flushes()).toBeLessThanOrEqual(601)
  })

  it('keeps to 60 a second on a display a little faster than 60 Hz, skipping about 1 frame in 150', () => {
    const display = stubFrames()
    const flushes = streamInto(createFrameScheduler())
    // Headless Chromium draws about 60.1 frames a second: 601 frames in 10 s.
    drawFrames(display, 1000 / 60.1, 10_000)
    expect(flushes()).toBeLessThanOrEqual(601) // 60 a second, and the first one
    expect(flushes()).toBeGreaterThanOrEqual(595)
  })

  it('flushes every frame of a 60 Hz display whose frames come a little early or late', () => {
    const display = stubFrames()
    const flushes = streamInto(createFrameScheduler())
    for (let i = 1; i <= 600; i++) display.draw(i * (1000 / 60) + (i % 2 ? 2 : -2))
    expect(flushes()).toBe(600)
  })

  it('never delays the first publish after a pause', () => {
    const display = stubFrames()
    const scheduler = createFrameScheduler()
    const flush = vi.fn()
    scheduler(flush)
    display.draw(16)
    scheduler(flush)
    display.draw(33) // 17 ms later: the rate allows it
    scheduler(flush)
    display.draw(5_000)
    expect(flush).toHaveBeenCalledTimes(3)
  })

  it('counts a publish made at once (published()) against the rate, beyond the frame it takes', () => {
    const display = stubFrames()
    const { scheduler, flush } = publishedAt(display, 100)
    scheduler(flush)
    display.draw(101) // the immediate publish's paint
    display.draw(105) // 5 ms after it: too soon for 60 a second
    expect(flush).toHaveBeenCalledTimes(1)
    display.draw(113)
    expect(flush).toHaveBeenCalledTimes(2)
  })

  it('relates frame timestamps to performance.now() when their clocks differ (jsdom: by ~900 ms)', () => {
    const frame = 1000 / 60
    const lag = 900
    const display = stubFrames({ lag })
    const scheduler = createFrameScheduler()
    const flushes = streamInto(scheduler)
    display.draw(frame)
    display.draw(2 * frame)
    display.now = 2.5 * frame + lag // between two frames, on performance.now()'s clock
    scheduler.published!() // takes the slot of the next frame, not ~54 frames' worth
    for (let i = 3; i <= 60; i++) display.draw(i * frame)
    expect(flushes()).toBe(59)
  })

  it('books no rate for a publish made at once before any frame came (the clocks are not related yet)', () => {
    const display = stubFrames()
    const scheduler = createFrameScheduler()
    const flush = vi.fn()
    display.now = 5_000 // performance.now() far ahead of the frame clock
    scheduler.published!()
    scheduler(flush)
    display.draw(16) // the immediate publish's paint
    expect(flush).not.toHaveBeenCalled()
    display.draw(33) // not held back by the 5 s clock
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('leaves the next frame to an immediate publish: what was scheduled with it paints one frame later, also at maxPerSecond: Infinity', () => {
    const display = stubFrames()
    // e.g. a run's start, committed at once, painted at the frame at 33
    const { scheduler, flush } = publishedAt(display, 20, Infinity)
    scheduler(flush)
    display.draw(33)
    expect(flush).toHaveBeenCalledTimes(1)
    display.draw(50)
    expect(flush).toHaveBeenCalledTimes(2)
  })

  it('delays nothing after an immediate publish whose frame has passed', () => {
    const display = stubFrames()
    const { scheduler, flush } = publishedAt(display, 20)
    display.draw(33) // its paint (the scheduler asked for this frame itself)
    display.now = 1_000
    scheduler(flush)
    display.draw(1_016)
    expect(flush).toHaveBeenCalledTimes(2)
  })

  it('flushes every frame with maxPerSecond: Infinity, even at 240 Hz', () => {
    const display = stubFrames()
    const flushes = streamInto(createFrameScheduler({ maxPerSecond: Infinity }))
    drawFrames(display, 1000 / 240, 1_000)
    expect(flushes()).toBe(240)
  })

  it('keeps a lower rate: 30 a second on a 60 Hz display', () => {
    const display = stubFrames()
    const flushes = streamInto(createFrameScheduler({ maxPerSecond: 30 }))
    drawFrames(display, 1000 / 60, 10_000)
    expect(flushes()).toBeGreaterThanOrEqual(299)
    expect(flushes()).toBeLessThanOrEqual(301)
  })

  it.each([0, -1, Number.NaN])('throws a RangeError for maxPerSecond %s', (maxPerSecond) => {
    expect(() => createFrameScheduler({ maxPerSecond })).toThrow(RangeError)
  })

  it('runs the other flushes of a frame when one throws, and reports it', () => {
    const display = stubFrames()
    const report = vi.spyOn(console, 'error').mockImplementation(() => {})
    const scheduler = createFrameScheduler()
    const after = vi.fn()
    scheduler(() => {
      throw new Error('boom')
    })
    scheduler(after)
    display.draw(16)
    expect(after).toHaveBeenCalledTimes(1)
    expect(report).toHaveBeenCalledWith(
      '[agent-wire-react] a scheduled flush threw:',
      expect.objectContaining({ message: 'boom' }),
    )
  })
})

describe('defaultScheduler', () => {
  it('is a frame scheduler (a microtask where there are no frames)', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined)
    const flush = vi.fn()
    defaultScheduler(flush)
    await Promise.resolve()
    expect(flush).toHaveBeenCalledTimes(1)
  })
})

describe('the store and its scheduler', () => {
  it("tells the scheduler of each publish made at once (a run's status changes), not of its own flushes", async () => {
    const ticks: Array<() => void> = []
    const scheduler = Object.assign((flush: () => void) => void ticks.push(flush), {
      published: vi.fn(),
    })
    const agent = createScriptedAgent([
      { type: 'RUN_STARTED', threadId: 't', runId: 'r' },
      { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'hi' },
      { type: 'TEXT_MESSAGE_END', messageId: 'm' },
      { type: 'RUN_FINISHED', threadId: 't', runId: 'r' },
    ])
    const store = createAgentStore({ agent, threadId: 't', scheduler })
    const seen: string[] = []
    store.subscribe(() => seen.push(store.getSnapshot().run.status))
    await store.run()
    const immediate = scheduler.published.mock.calls.length
    expect(immediate).toBe(seen.length)
    for (const tick of ticks.splice(0)) tick()
    expect(scheduler.published).toHaveBeenCalledTimes(immediate)
    expect(store.getSnapshot().run.status).toBe('finished')
  })
})
