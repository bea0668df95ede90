import type { Observable } from '../core/transport/Agent'

/** Anything {@link writeEventStream} can read events from. */
export type EventSource<T> = AsyncIterable<T> | Observable<T>

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof (value as AsyncIterable<T> | null)?.[Symbol.asyncIterator] === 'function'
}

/**
 * Returns an async iterator over `source`. An Observable is subscribed at once and its values
 * are queued (an Observable cannot be paused, so the queue is unbounded); `return()`
 * unsubscribes. An async iterable is returned as its own iterator.
 *
 * @throws TypeError when `source` is neither an async iterable nor an Observable.
 * @internal
 */
export function toAsyncIterator<T>(source: EventSource<T>): AsyncIterator<T> {
  if (isAsyncIterable<T>(source)) return source[Symbol.asyncIterator]()
  if (typeof (source as Observable<T> | null)?.subscribe !== 'function') {
    throw new TypeError('Expected an AsyncIterable or an Observable of events')
  }
  const queue: T[] = []
  let done = false
  let failure: { error: unknown } | undefined
  let wake: (() => void) | undefined
  const notify = () => {
    const w = wake
    wake = undefined
    w?.()
  }
  const subscription = (source as Observable<T>).subscribe({
    next: (value) => {
      if (done) return
      queue.push(value)
      notify()
    },
    error: (error) => {
      if (done) return
      failure = { error }
      done = true
      notify()
    },
    complete: () => {
      done = true
      notify()
    },
  })
  return {
    async next(): Promise<IteratorResult<T>> {
      for (;;) {
        if (queue.length > 0) return { value: queue.shift() as T, done: false }
        if (failure) {
          const { error } = failure
          failure = undefined
          throw error
        }
        if (done) return { value: undefined, done: true }
        await new Promise<void>((resolve) => (wake = resolve))
      }
    },
    async return(): Promise<IteratorResult<T>> {
      done = true
      queue.length = 0
      failure = undefined
      subscription.unsubscribe()
      notify()
      return { value: undefined, done: true }
    },
  }
}
