import { createObservable } from '../transport/createObservable'
import type { Observable } from '../transport/Agent'

/**
 * An Observable that subscribes to `open()` once `ready` settles (it never rejects: the kit's
 * loaders log and resolve), forwarding everything; unsubscribing before then means `open` is
 * never called. Used to start a run after an on-demand module loaded.
 * @internal
 */
export function deferUntil<T>(ready: Promise<void>, open: () => Observable<T>): Observable<T> {
  return createObservable<T>((sink) => {
    let subscription: { unsubscribe(): void } | undefined
    let cancelled = false
    void ready.then(() => {
      if (cancelled || sink.closed) return
      try {
        subscription = open().subscribe({
          next: (value) => sink.next(value),
          error: (error) => sink.error(error),
          complete: () => sink.complete(),
        })
      } catch (error) {
        sink.error(error)
      }
    })
    return () => {
      cancelled = true
      subscription?.unsubscribe()
    }
  })
}
