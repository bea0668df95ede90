import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { Scheduler } from './Scheduler'
import { createListenerSet } from './createListenerSet'

/** The store's publication side: what subscribers see, and when. @internal */
export interface Publisher {
  /** The published snapshot (what `getSnapshot()` returns). */
  published(): AgentSnapshot
  /** Publishes the current snapshot now and notifies subscribers, if it changed. */
  flush(): void
  /** Publishes at the scheduler's next tick (once, however many calls before it). */
  schedule(): void
  subscribe(listener: () => void): () => void
  /** Drops every subscriber and ignores pending ticks. */
  close(): void
}

/**
 * Frame-batched publication (design.md, "core/store"): streamed changes call `schedule()`, and
 * the scheduler's tick publishes the latest `current()` once, so a burst of tokens costs one
 * notification per frame. A throwing scheduler is reported and the flush happens at once.
 * @internal
 */
export function createPublisher(current: () => AgentSnapshot, scheduler: Scheduler): Publisher {
  let published = current()
  let scheduled = false
  let closed = false
  const listeners = createListenerSet<[]>('subscribe')

  /** Publishes `current()` if it changed; true when it did. */
  function publish(): boolean {
    if (current() === published) return false
    published = current()
    listeners.emit()
    return true
  }

  return {
    published: () => published,
    flush() {
      if (!publish()) return
      try {
        scheduler.published?.()
      } catch (error) {
        console.error('[agent-wire-react] scheduler.published() threw:', error)
      }
    },
    schedule() {
      if (scheduled || closed) return
      scheduled = true
      const fire = () => {
        scheduled = false
        if (!closed) publish()
      }
      try {
        scheduler(fire)
      } catch (error) {
        console.error('[agent-wire-react] scheduler threw; flushing now:', error)
        fire()
      }
    },
    subscribe: (listener) => listeners.add(listener),
    close() {
      closed = true
      listeners.clear()
    },
  }
}
