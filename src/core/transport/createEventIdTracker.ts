import { AgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'

/** What {@link EventIdTracker.check} decided about one incoming event. */
export type EventIdVerdict =
  | { action: 'accept'; id?: number; diagnostic?: Diagnostic }
  | { action: 'drop'; diagnostic: Diagnostic }
  | { action: 'gap'; error: AgentError }

/** Tracks the event ids of one run; see {@link createEventIdTracker}. */
export interface EventIdTracker {
  /** The last id accepted (0 before any). Resume from here (`Last-Event-ID`, `resume.lastEventId`). */
  readonly lastId: number
  /** The next event starts a replay (after `resume`/`Last-Event-ID`): its id is checked for a gap. */
  beginReplay(): void
  /**
   * Judges an event by its id (a non-negative integer, or its decimal string; anything else is
   * not tracked and accepted as is) and its `type`:
   * - id ≤ `lastId` → `drop` (warning `duplicate_event_dropped`): never delivered twice;
   * - first new id of a replay > `lastId + 1` → `gap` (`AgentError('replay_gap')`; the tracker
   *   is unchanged: the next event is judged as the first of the replay again), unless the
   *   event is `MESSAGES_SNAPSHOT`/`STATE_SNAPSHOT` (a snapshot re-sync: accepted, info
   *   `replay_resynced`), or `RUN_STARTED` while nothing was delivered (`lastId` 0: no event
   *   of the run can come before it; a server's re-sync of a run the client never saw);
   * - otherwise `accept`, and `lastId` becomes the id.
   */
  check(id: unknown, eventType: unknown): EventIdVerdict
}

const SNAPSHOT_TYPES = new Set(['MESSAGES_SNAPSHOT', 'STATE_SNAPSHOT'])

function toId(id: unknown): number | undefined {
  if (typeof id === 'number') return Number.isSafeInteger(id) && id >= 0 ? id : undefined
  if (typeof id === 'string' && /^\d{1,15}$/.test(id)) return Number(id)
  return undefined
}

/**
 * Where a run's event ids stand: the last id accepted (0 before any; resume from here) and
 * whether the next event starts a replay (its id is checked for a gap). A plain object an
 * `HttpAgent` run keeps in its initial load; {@link checkEventId} judges events against it.
 */
export interface EventIdCursor {
  lastId: number
  replaying: boolean
}

/**
 * Judges an event by its id against `cursor` and advances it; see {@link EventIdTracker.check}
 * (the same rules: issue 6, "Resume").
 */
export function checkEventId(
  cursor: EventIdCursor,
  rawId: unknown,
  eventType: unknown,
): EventIdVerdict {
  const id = toId(rawId)
  if (id === undefined) return { action: 'accept' }
  const last = cursor.lastId
  if (id <= last) {
    return {
      action: 'drop',
      diagnostic: {
        level: 'warning',
        code: 'duplicate_event_dropped',
        message: `Event id ${id} was already delivered (last id ${last}): ${String(eventType)} dropped.`,
        ...(typeof eventType === 'string' && { eventType }),
      },
    }
  }
  // Nothing delivered yet and the replay opens with RUN_STARTED: nothing can precede it.
  const gap = cursor.replaying && id > last + 1 && !(last === 0 && eventType === 'RUN_STARTED')
  // A refused event (gap) changes nothing: the next one is still the first of the replay
  // (a caller that drops it, like a WebSocket run's stale leftover, goes on judging).
  if (gap && !SNAPSHOT_TYPES.has(eventType as string)) {
    return {
      action: 'gap',
      error: new AgentError(
        'replay_gap',
        `The replay started at event id ${id}, after the last delivered id ${last}: events ${last + 1}–${id - 1} are lost.`,
        { firstId: id },
      ),
    }
  }
  cursor.replaying = false
  cursor.lastId = id
  if (!gap) return { action: 'accept', id }
  return {
    action: 'accept',
    id,
    diagnostic: {
      level: 'info',
      code: 'replay_resynced',
      message: `The replay skipped events ${last + 1}–${id - 1} and re-synced from ${String(eventType)}.`,
      eventType: eventType as string,
    },
  }
}

/**
 * Creates the id bookkeeping of one run for resumable transports (issue 6, "Resume"): event
 * ids are per-run sequence numbers starting at 1; the client never delivers an id it already
 * delivered, and checks that a replay continues where it left off.
 *
 * @param lastId the id already delivered (an `attach` from `lastEventId`). Default: 0.
 */
export function createEventIdTracker(lastId = 0): EventIdTracker {
  const cursor: EventIdCursor = { lastId, replaying: false }
  return {
    get lastId() {
      return cursor.lastId
    },
    beginReplay() {
      cursor.replaying = true
    },
    check: (id, eventType) => checkEventId(cursor, id, eventType),
  }
}
