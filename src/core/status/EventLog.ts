import type { AgentEvent } from '../protocol/types'
import type { AgentEventListener } from '../store/AgentStore'

/** One event as the log recorded it. */
export interface EventLogEntry {
  /** Position in the log since it was created (0-based; keeps counting after trimming). */
  seq: number
  /** The event as applied (after chunk expansion), verbatim. */
  event: AgentEvent
  /**
   * When it was received, ms since epoch (`performance.timeOrigin + performance.now()` where
   * available, sub-millisecond; else `Date.now()`). Absent for events loaded from a file.
   */
  receivedAt?: number
  /** The event's own `timestamp` (ms since epoch, producer's clock) when it carries one. */
  timestamp?: number
}

/** What {@link EventLog.getSnapshot} returns: immutable, a new object after every change. */
export interface EventLogSnapshot {
  /** Increases by one per change (append or clear). */
  version: number
  /** The entries kept, oldest first (at most `limit`). */
  entries: readonly EventLogEntry[]
  /** Entries dropped from the front to stay within `limit`. */
  dropped: number
}

/** Options of {@link createEventLog}. */
export interface EventLogOptions {
  /** Most entries kept; older ones are dropped (counted in `dropped`). Default 100 000. */
  limit?: number
  /** Clock for `receivedAt`, ms since epoch. Default: high-resolution epoch time (see {@link EventLogEntry.receivedAt}). */
  now?: () => number
}

/** A bounded, append-only record of the events a store applied; see {@link createEventLog}. */
export interface EventLog {
  /** The current entries; the same object until the next change. */
  getSnapshot(): EventLogSnapshot
  /** Calls `listener` after each change; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void
  /** Appends an event (what the store listener does); for logs fed by hand (imports, tests). */
  append(event: AgentEvent, receivedAt?: number): void
  /** Drops every entry (the `seq` counter keeps counting). */
  clear(): void
  /** Stops recording (unsubscribes from the store). The entries stay readable. */
  dispose(): void
}

/** Something that reports applied events: an `AgentStore`, or any object with its `onEvent`. */
export interface EventLogSource {
  onEvent(listener: AgentEventListener): () => void
}

/** The default clock: sub-millisecond epoch time where `performance` exists. */
export function defaultEventClock(): number {
  const perf = (globalThis as { performance?: { timeOrigin?: number; now(): number } }).performance
  return perf && typeof perf.timeOrigin === 'number' ? perf.timeOrigin + perf.now() : Date.now()
}

/**
 * Records every event `source` (an `AgentStore`) applies, with its receive time and its own
 * `timestamp`, via `source.onEvent` (issue 5). It feeds `deriveAgentStatus` (durations, runs)
 * and the `EventInspector` (listing, export). Pass `null` for a log fed only by `append`.
 *
 * Appending is O(1) amortized; trimming to `limit` happens in batches (the array holds at most
 * `limit + limit / 4` entries, `getSnapshot()` exposes the newest `limit`). Subscribers are
 * called synchronously after each change; the React hooks instead re-read the log when the store
 * publishes (design.md rule 3), at most once per frame.
 *
 * @example
 * const log = createEventLog(store, { limit: 10_000 })
 * log.getSnapshot().entries.length // events so far
 */
export function createEventLog(
  source: EventLogSource | null,
  options: EventLogOptions = {},
): EventLog {
  const limit = Math.max(1, Math.floor(options.limit ?? 100_000))
  const now = options.now ?? defaultEventClock
  let all: EventLogEntry[] = []
  let seq = 0
  let dropped = 0
  let version = 0
  let cached: EventLogSnapshot | undefined
  const listeners = new Set<() => void>()

  const changed = () => {
    version++
    cached = undefined
    for (const listener of [...listeners]) {
      try {
        listener()
      } catch (error) {
        setTimeout(() => {
          throw error
        })
      }
    }
  }

  const append = (event: AgentEvent, receivedAt?: number) => {
    const ts = (event as { timestamp?: unknown }).timestamp
    all.push({
      seq: seq++,
      event,
      ...(receivedAt !== undefined && { receivedAt }),
      ...(typeof ts === 'number' && { timestamp: ts }),
    })
    if (all.length > limit + Math.ceil(limit / 4)) {
      const excess = all.length - limit
      all = all.slice(excess)
      dropped += excess
    }
    changed()
  }

  const unsubscribe = source?.onEvent((event) => append(event, now())) ?? (() => {})

  return {
    getSnapshot() {
      if (!cached) {
        const excess = Math.max(0, all.length - limit)
        cached = {
          version,
          entries: excess > 0 ? all.slice(excess) : all.slice(),
          dropped: dropped + excess,
        }
      }
      return cached
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    append,
    clear() {
      dropped += all.length
      all = []
      changed()
    },
    dispose: unsubscribe,
  }
}

/** Entries for events that come without receive times (a file, a fixture), `seq` from 0. */
export function toEventLogEntries(events: readonly unknown[]): EventLogEntry[] {
  return events.map((event, seq) => {
    const ts = (event as { timestamp?: unknown } | null)?.timestamp
    return { seq, event: event as AgentEvent, ...(typeof ts === 'number' && { timestamp: ts }) }
  })
}
