import type { EventLogEntry } from '../core/status/EventLog'

/** Decides whether an event passes the inspector's filters. @internal */
export type EventMatcher = (event: unknown) => boolean

/** The inspector's lists over a growing log; see {@link createEventIndex}. @internal */
export interface EventIndex {
  /** Event types seen, sorted; the same array until a new type shows up. */
  types(entries: readonly EventLogEntry[]): readonly string[]
  /**
   * Indexes into `entries` of the events `match` accepts, in order. `key` names the filter:
   * a new key (or a log that did not just grow) starts over.
   */
  visible(entries: readonly EventLogEntry[], key: string, match: EventMatcher): readonly number[]
}

/** Where a previous pass over a log stopped: how many entries, and the last one. */
interface Cursor {
  first: EventLogEntry | undefined
  count: number
  last: EventLogEntry | undefined
}

const startOver = (): Cursor => ({ first: undefined, count: 0, last: undefined })

/** Whether `entries` is the log `cursor` saw, grown by appending (entries are shared objects). */
function grew(cursor: Cursor, entries: readonly EventLogEntry[]): boolean {
  return (
    cursor.count > 0 &&
    entries.length >= cursor.count &&
    entries[0] === cursor.first &&
    entries[cursor.count - 1] === cursor.last
  )
}

const advance = (cursor: Cursor, entries: readonly EventLogEntry[]) => {
  cursor.first = entries[0]
  cursor.count = entries.length
  cursor.last = entries[entries.length - 1]
}

const typeOf = (entry: EventLogEntry) =>
  String((entry.event as unknown as { type?: unknown } | null)?.type)

/**
 * The event inspector's type list and filtered rows, kept up to date incrementally: while the
 * live log only grows (one store's `EventLog` snapshots share their entries), each call looks
 * at the new entries only, so a 100,000-event thread costs per publication what arrived since
 * the previous one (plus a copy of the row index list), not a pass over the log.
 * @internal
 */
export function createEventIndex(): EventIndex {
  let typesCursor = startOver()
  const seen = new Set<string>()
  let sorted: readonly string[] = []
  let rowsCursor = startOver()
  let rowsKey = ''
  let rows: number[] = []
  let rowsCopy: readonly number[] = []

  return {
    types(entries) {
      if (!grew(typesCursor, entries)) {
        typesCursor = startOver()
        seen.clear()
        sorted = []
      }
      const before = seen.size
      for (let i = typesCursor.count; i < entries.length; i++) seen.add(typeOf(entries[i]))
      if (seen.size !== before || (sorted.length === 0 && seen.size > 0)) sorted = [...seen].sort()
      advance(typesCursor, entries)
      return sorted
    },
    visible(entries, key, match) {
      if (key !== rowsKey || !grew(rowsCursor, entries)) {
        rowsCursor = startOver()
        rowsKey = key
        rows = []
        rowsCopy = []
      }
      const before = rows.length
      for (let i = rowsCursor.count; i < entries.length; i++) {
        if (match(entries[i].event)) rows.push(i)
      }
      if (rows.length !== before || rowsCopy.length !== rows.length) rowsCopy = rows.slice()
      advance(rowsCursor, entries)
      return rowsCopy
    },
  }
}
