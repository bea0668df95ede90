import type { Observable, Observer, Subscription } from './Agent'

/**
 * The observer handed to a {@link createObservable} producer: calls are ignored once the
 * subscription is closed (after `error`, `complete` or `unsubscribe`), so a producer may call
 * them freely from late callbacks.
 */
export interface SubscriberSink<T> {
  next(value: T): void
  error(error: unknown): void
  complete(): void
  /** True after `error`, `complete` or `unsubscribe`. */
  readonly closed: boolean
}

/** What a producer may return: a cleanup function, a subscription, or nothing. */
export type Teardown = (() => void) | Subscription | void

const observableKey: symbol | string =
  (typeof Symbol === 'function' && (Symbol as unknown as { observable?: symbol }).observable) ||
  '@@observable'

function reportUnhandled(error: unknown): void {
  setTimeout(() => {
    throw error
  })
}

/**
 * A minimal Observable (the rxjs contract the {@link Observable} interface describes), for the
 * kit's transports: cold (the producer runs once per `subscribe`), synchronous delivery, no
 * operators. rxjs `from()` accepts it (`Symbol.observable` / `@@observable` interop).
 *
 * Guarantees: `subscribe` accepts an observer object or a `next` function; nothing is delivered
 * after `error`, `complete` or `unsubscribe()`; the teardown runs exactly once, on whichever of
 * those comes first (also when the producer completes synchronously before returning it); a
 * producer that throws errors the subscription. An error with no `error` callback is rethrown
 * asynchronously, as rxjs does.
 *
 * @example
 * const ticks = createObservable<number>((o) => {
 *   const id = setInterval(() => o.next(Date.now()), 1000)
 *   return () => clearInterval(id)
 * })
 */
export function createObservable<T>(
  producer: (subscriber: SubscriberSink<T>) => Teardown,
): Observable<T> {
  const observable: Observable<T> & Record<PropertyKey, unknown> = {
    subscribe(observerOrNext: Observer<T> | ((value: T) => void)): Subscription {
      const observer: Observer<T> =
        typeof observerOrNext === 'function' ? { next: observerOrNext } : (observerOrNext ?? {})
      let closed = false
      let teardown: (() => void) | undefined
      let finished = false

      const runTeardown = () => {
        finished = true
        const t = teardown
        teardown = undefined
        t?.()
      }
      const sink: SubscriberSink<T> = {
        next(value) {
          if (!closed) observer.next?.(value)
        },
        error(error) {
          if (closed) return
          closed = true
          try {
            if (observer.error) observer.error(error)
            else reportUnhandled(error)
          } finally {
            runTeardown()
          }
        },
        complete() {
          if (closed) return
          closed = true
          try {
            observer.complete?.()
          } finally {
            runTeardown()
          }
        },
        get closed() {
          return closed
        },
      }

      try {
        const t = producer(sink)
        const fn = typeof t === 'function' ? t : t ? () => t.unsubscribe() : undefined
        if (finished) fn?.()
        else teardown = fn
      } catch (error) {
        sink.error(error)
      }

      return {
        unsubscribe() {
          if (closed && finished) return
          closed = true
          runTeardown()
        },
      }
    },
    [observableKey](): Observable<T> {
      return observable
    },
  }
  return observable
}
