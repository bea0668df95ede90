import { describe, expect, it, vi } from 'vitest'
import { createObservable } from '../../../src/core/transport/createObservable'
import { fromAsyncIterable, toAsyncIterable } from '../../../src/core/transport/asyncIterable'

describe('toAsyncIterable / fromAsyncIterable', () => {
  it('iterates values in order and throws the error at the end', async () => {
    const obs = createObservable<number>((o) => {
      o.next(1)
      setTimeout(() => {
        o.next(2)
        o.error(new Error('late'))
      })
    })
    const seen: number[] = []
    await expect(
      (async () => {
        for await (const v of toAsyncIterable(obs)) seen.push(v)
      })(),
    ).rejects.toThrow('late')
    expect(seen).toEqual([1, 2])
  })

  it('unsubscribes (cancels the source) when the loop exits early', async () => {
    const teardown = vi.fn()
    const obs = createObservable<number>((o) => {
      const id = setInterval(() => o.next(1), 1)
      return () => {
        clearInterval(id)
        teardown()
      }
    })
    for await (const _ of toAsyncIterable(obs)) break
    expect(teardown).toHaveBeenCalledOnce()
  })

  it('fromAsyncIterable delivers, completes, and stops the generator on unsubscribe', async () => {
    async function* gen() {
      yield 1
      yield 2
    }
    const values: number[] = []
    await new Promise<void>((resolve) =>
      fromAsyncIterable(gen()).subscribe({ next: (v) => values.push(v), complete: resolve }),
    )
    expect(values).toEqual([1, 2])

    let finalized = false
    async function* endless() {
      try {
        for (let i = 0; ; i++) {
          yield i
          await new Promise((r) => setTimeout(r, 1))
        }
      } finally {
        finalized = true
      }
    }
    const got: number[] = []
    const sub = fromAsyncIterable(endless()).subscribe((v) => got.push(v))
    await new Promise((r) => setTimeout(r, 10))
    sub.unsubscribe()
    const count = got.length
    await new Promise((r) => setTimeout(r, 10))
    expect(got.length).toBe(count)
    expect(finalized).toBe(true)
  })
})
