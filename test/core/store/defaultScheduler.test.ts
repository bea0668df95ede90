import { afterEach, describe, expect, it, vi } from 'vitest'
import { defaultScheduler, FRAME_TIMEOUT_MS, HIDDEN_FLUSH_DELAY_MS } from '../../../src/core/store'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('defaultScheduler', () => {
  it('uses a microtask where there is no requestAnimationFrame', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined)
    const flush = vi.fn()
    defaultScheduler(flush)
    expect(flush).not.toHaveBeenCalled()
    await Promise.resolve()
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('uses the next animation frame in a visible tab, once', () => {
    vi.useFakeTimers()
    let frame: FrameRequestCallback | undefined
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => ((frame = cb), 7))
    vi.stubGlobal('cancelAnimationFrame', vi.fn())
    vi.stubGlobal('document', { visibilityState: 'visible' })
    const flush = vi.fn()
    defaultScheduler(flush)
    expect(flush).not.toHaveBeenCalled()
    frame?.(0)
    expect(flush).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(FRAME_TIMEOUT_MS * 2) // the safety timer was cleared
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('falls back to a timer when the frame never fires', () => {
    vi.useFakeTimers()
    const cancel = vi.fn()
    vi.stubGlobal('requestAnimationFrame', () => 3)
    vi.stubGlobal('cancelAnimationFrame', cancel)
    vi.stubGlobal('document', { visibilityState: 'visible' })
    const flush = vi.fn()
    defaultScheduler(flush)
    vi.advanceTimersByTime(FRAME_TIMEOUT_MS)
    expect(flush).toHaveBeenCalledTimes(1)
    expect(cancel).toHaveBeenCalledWith(3)
  })

  it('uses a short timer in a hidden tab', () => {
    vi.useFakeTimers()
    const raf = vi.fn()
    vi.stubGlobal('requestAnimationFrame', raf)
    vi.stubGlobal('document', { visibilityState: 'hidden' })
    const flush = vi.fn()
    defaultScheduler(flush)
    vi.advanceTimersByTime(HIDDEN_FLUSH_DELAY_MS - 1)
    expect(flush).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(flush).toHaveBeenCalledTimes(1)
    expect(raf).not.toHaveBeenCalled()
  })
})
