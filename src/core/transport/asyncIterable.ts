import type { Observable, Subscription } from './Agent'
import { createObservable } from './createObservable'

/**
 * Adapts an {@link Observable} to an `AsyncIterable` (`for await`): values are buffered until
 * read (unbounded; the sources here are event streams a consumer keeps up with), the
 * Observable's `error` is thrown from the loop, and leaving the loop early (`break`, `return`,
 * a throw) unsubscribes, which cancels the source (e.g. an `HttpAgent` request).
 *
 * @example
 * for await (const event of toAsyncIterable(agent.run(input))) console.log(event.type)
 */
export function toAsyncIterable<T>(observable: Observable<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const buffer: T[] = []
      let done = false
      let failure: { error: unknown } | undefined
      let wake: (() => void) | undefined
      const notify = () => {
        const w = wake
        wake = undefined
        w?.()
      }
      const subscription: Subscription = observable.subscribe({
        next(value) {
          buffer.push(value)
          notify()
        },
        error(error) {
          failure = { error }
          done = true
          notify()
        },
        complete() {
          done = true
          notify()
        },
      })
      return {
        async next(): Promise<IteratorResult<T>> {
          while (buffer.length === 0 && !done)
            await new Promise<void>((resolve) => (wake = resolve))
          if (buffer.length > 0) return { value: buffer.shift() as T, done: false }
          if (failure) {
            const { error } = failure
            failure = undefined
            throw error
          }
          return { value: undefined, done: true }
        },
        async return(): Promise<IteratorResult<T>> {
          done = true
          buffer.length = 0
          failure = undefined
          subscription.unsubscribe()
          notify() // a next() still waiting resolves as done
          return { value: undefined, done: true }
        },
      }
    },
  }
}

/**
 * Adapts an `AsyncIterable` (an async generator, a Node stream) to an {@link Observable}:
 * each value is delivered with `next`, the end with `complete`, a throw with `error`.
 * Unsubscribing stops the iteration and calls the iterator's `return()` (a generator's
 * `finally` blocks run).
 */
export function fromAsyncIterable<T>(iterable: AsyncIterable<T>): Observable<T> {
  return createObservable<T>((subscriber) => {
    const iterator = iterable[Symbol.asyncIterator]()
    let stopped = false
    void (async () => {
      try {
        for (;;) {
          const step = await iterator.next()
          if (stopped) return
          if (step.done) return subscriber.complete()
          subscriber.next(step.value)
        }
      } catch (error) {
        if (!stopped) subscriber.error(error)
      }
    })()
    return () => {
      if (stopped) return
      stopped = true
      void iterator.return?.()?.catch(() => undefined)
    }
  })
}
