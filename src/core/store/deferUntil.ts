import { createObservable } from '../transport/createObservable'
import type { Observable } from '../transport/Agent'

/**
 * An Observable that subscribes to `open()` once `ready` resolves, forwarding everything; when
 * `ready` rejects (an on-demand chunk that could not be loaded), it errors with that reason and
 * `open` is never called; unsubscribing before then means `open` is never called either. Used
 * to start a run after an on-demand module loaded.
 * @internal
 */
export function deferUntil<T>(ready: Promise<unknown>, open: () => Observable<T>): Observable<T> {
  return createObservable<T>((sink) => {
    let subscription: { unsubscribe(): void } | undefined
    let cancelled = false
    const fail = (error: unknown) => sink.error(error)
    void ready.then(
      () => {
        if (cancelled || sink.closed) return
        try {
          subscription = open().subscribe({
            next: (value) => sink.next(value),
            error: fail,
            complete: () => sink.complete(),
          })
        } catch (error) {
          fail(error)
        }
      },
      (error: unknown) => {
        if (!cancelled && !sink.closed) fail(error)
      },
    )
    return () => {
      cancelled = true
      subscription?.unsubscribe()
    }
  })
}
