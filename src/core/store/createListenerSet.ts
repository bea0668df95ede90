/** A set of listeners notified safely; see {@link createListenerSet}. */
export interface ListenerSet<A extends unknown[]> {
  /** Adds `listener`; returns the function that removes it (idempotent). */
  add(listener: (...args: A) => void): () => void
  /** Calls every listener with `args`; a throwing listener is reported and the rest still run. */
  emit(...args: A): void
  /** Removes every listener. */
  clear(): void
  /** Number of listeners. */
  readonly size: number
}

/**
 * A listener registry that never throws into its caller: an exception from one listener is
 * reported with `console.error` (prefixed with `label`) and the other listeners still run.
 * A listener added twice is called once (Set semantics).
 */
export function createListenerSet<A extends unknown[]>(label: string): ListenerSet<A> {
  const listeners = new Set<(...args: A) => void>()
  return {
    add(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    emit(...args) {
      // Called once per event (the store's `onEvent`): no copy when nobody listens.
      if (listeners.size === 0) return
      for (const listener of [...listeners]) {
        try {
          listener(...args)
        } catch (error) {
          console.error(`[agent-wire-react] ${label} listener threw:`, error)
        }
      }
    },
    clear() {
      listeners.clear()
    },
    get size() {
      return listeners.size
    },
  }
}
