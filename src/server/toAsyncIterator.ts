import type { Observable } from '../core/transport/Agent'
import { toAsyncIterable } from '../core/transport/asyncIterable'

/** Anything {@link writeEventStream} can read events from. */
export type EventSource<T> = AsyncIterable<T> | Observable<T>

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof (value as AsyncIterable<T> | null)?.[Symbol.asyncIterator] === 'function'
}

/**
 * Returns an async iterator over `source`. An Observable goes through `toAsyncIterable` (core):
 * subscribed at once, values queued (an Observable cannot be paused), `return()` unsubscribes. An async iterable is returned as its own iterator.
 *
 * @throws TypeError when `source` is neither an async iterable nor an Observable.
 * @internal
 */
export function toAsyncIterator<T>(source: EventSource<T>): AsyncIterator<T> {
  if (isAsyncIterable<T>(source)) return source[Symbol.asyncIterator]()
  if (typeof (source as Observable<T> | null)?.subscribe !== 'function') {
    throw new TypeError('Expected an AsyncIterable or an Observable of events')
  }
  return toAsyncIterable(source as Observable<T>)[Symbol.asyncIterator]()
}
