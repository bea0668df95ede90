import { describe, expect, it, vi } from 'vitest'
import { from, lastValueFrom, toArray } from 'rxjs'
import { createObservable } from '../../../src/core/transport/createObservable'

describe('createObservable', () => {
  it('accepts a next function or an observer object, and is cold', () => {
    const producer = vi.fn((o) => {
      o.next(1)
      o.next(2)
      o.complete()
    })
    const obs = createObservable<number>(producer)
    const a: number[] = []
    obs.subscribe((v) => a.push(v))
    const complete = vi.fn()
    const b: number[] = []
    obs.subscribe({ next: (v) => b.push(v), complete })
    expect(a).toEqual([1, 2])
    expect(b).toEqual([1, 2])
    expect(complete).toHaveBeenCalledOnce()
    expect(producer).toHaveBeenCalledTimes(2)
  })

  it('runs the teardown exactly once on unsubscribe, and delivers nothing after it', () => {
    const teardown = vi.fn()
    let sink!: { next(v: number): void; complete(): void; readonly closed: boolean }
    const obs = createObservable<number>((o) => {
      sink = o
      return teardown
    })
    const next = vi.fn()
    const complete = vi.fn()
    const sub = obs.subscribe({ next, complete })
    sink.next(1)
    sub.unsubscribe()
    sub.unsubscribe()
    sink.next(2)
    sink.complete()
    expect(next.mock.calls).toEqual([[1]])
    expect(complete).not.toHaveBeenCalled()
    expect(teardown).toHaveBeenCalledOnce()
    expect(sink.closed).toBe(true)
  })

  it('runs the teardown on complete and on error, also when the producer ends synchronously', () => {
    for (const end of ['complete', 'error'] as const) {
      const teardown = vi.fn()
      const error = vi.fn()
      createObservable<number>((o) => {
        if (end === 'complete') o.complete()
        else o.error(new Error('x'))
        o.next(9)
        return teardown
      }).subscribe({ error })
      expect(teardown).toHaveBeenCalledOnce()
      expect(error).toHaveBeenCalledTimes(end === 'error' ? 1 : 0)
    }
  })

  it('errors the subscription when the producer throws; only the first terminal counts', () => {
    const boom = new Error('boom')
    const error = vi.fn()
    createObservable(() => {
      throw boom
    }).subscribe({ error })
    expect(error).toHaveBeenCalledWith(boom)

    const calls: string[] = []
    createObservable<number>((o) => {
      o.error('a')
      o.error('b')
      o.complete()
    }).subscribe({ error: (e) => calls.push(`error ${e}`), complete: () => calls.push('complete') })
    expect(calls).toEqual(['error a'])
  })

  it('accepts a Subscription as teardown, and interoperates with rxjs from()', async () => {
    const inner = { unsubscribe: vi.fn() }
    createObservable(() => inner)
      .subscribe(() => undefined)
      .unsubscribe()
    expect(inner.unsubscribe).toHaveBeenCalledOnce()
    const obs = createObservable<number>((o) => {
      o.next(1)
      o.next(2)
      o.complete()
    })
    expect(await lastValueFrom(from(obs as never).pipe(toArray()))).toEqual([1, 2])
  })
})
