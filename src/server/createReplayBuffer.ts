import type { BaseEvent, WireEvent } from '../core/protocol/types'

/** One event of a run as the server keeps it: its id, the event, and its JSON text. */
export interface ReplayEntry {
  /** The event id: 1 for the run's first event, then +1 per event (the SSE `id:` line). */
  readonly id: number
  readonly event: BaseEvent | WireEvent
  /** `JSON.stringify(event)`, serialised once and reused by every listener. */
  readonly json: string
  /** UTF-8 length of `json`, in bytes (what counts against `maxBytes`). */
  readonly bytes: number
}

/** Options of {@link createReplayBuffer}. */
export interface ReplayBufferOptions {
  /** Most events held; the oldest drop first. Default `10000`. */
  maxEvents?: number
  /**
   * Most bytes (UTF-8 JSON of the held events) held; the oldest drop first. The newest event is
   * always kept, even when it alone is larger. Default `8388608` (8 MiB).
   */
  maxBytes?: number
  /** Milliseconds the buffer stays readable after {@link ReplayBuffer.end}. Default `60000`. */
  ttlMs?: number
  /** Clock in milliseconds (tests inject one). Default `Date.now`. */
  now?: () => number
}

/** Where a listener that has seen every id up to `lastEventId` can resume. */
export type ReplayCheck =
  | { ok: true }
  | { ok: false; code: 'replay_gap'; firstId: number }
  | { ok: false; code: 'bad_last_event_id' }

/**
 * The bounded, expiring event log of one run (see {@link createReplayBuffer}). Ids are assigned
 * here, so they are unique per run, start at 1 and grow by 1.
 */
export interface ReplayBuffer {
  /**
   * Assigns the next id to `event`, stores it (dropping the oldest over the bounds), returns it.
   * `json` may pass `JSON.stringify(event)` when the caller already has it.
   */
  append(event: BaseEvent | WireEvent, json?: string): ReplayEntry
  /**
   * The oldest id the buffer would hold after appending an entry of `bytes` bytes (what
   * `firstId` would become): lets a producer wait instead of dropping what a listener still
   * needs.
   */
  firstIdAfter(bytes: number): number
  /** The entry with this id, or `undefined` when it was dropped or does not exist yet. */
  get(id: number): ReplayEntry | undefined
  /**
   * Whether the events after `lastEventId` can be replayed: `replay_gap` when `lastEventId + 1`
   * was dropped (`firstId` is the oldest id still held), `bad_last_event_id` when
   * `lastEventId` is negative, not an integer, or beyond the last id assigned.
   */
  check(lastEventId: number): ReplayCheck
  /** The oldest id still held; `lastId + 1` when the buffer holds nothing. */
  readonly firstId: number
  /** The last id assigned; `0` before the first event. */
  readonly lastId: number
  /** Events held. */
  readonly size: number
  /** Bytes held (sum of the entries' `bytes`). */
  readonly bytes: number
  /** Marks the run as over: no more appends; the buffer expires `ttlMs` later. Idempotent. */
  end(): void
  /** The clock time `end()` was first called, or `undefined` while the run goes on. */
  readonly endedAt: number | undefined
  /** True once `ttlMs` have passed since `end()` (never while the run goes on). */
  isExpired(): boolean
}

/**
 * Creates the replay buffer of one run: every appended event gets the next id (1, 2, 3, …) and
 * is held, serialised, until it falls out of the bounds (`maxEvents`, `maxBytes`: oldest first)
 * or the whole buffer expires (`ttlMs` after {@link ReplayBuffer.end}). Memory is bounded by
 * the options; appending and reading by id cost O(1) amortized.
 *
 * Implements the server half of the kit's resume contract (README, "Resumable streams and
 * WebSocket"): the SSE `id:` line and the WebSocket frame's `id` come from here.
 *
 * @throws TypeError for a bound that is not a positive number, and from `append` for an event
 *   that is not serialisable to JSON or after `end()`.
 * @example
 * const buffer = createReplayBuffer({ maxEvents: 1000 })
 * buffer.append({ type: 'RUN_STARTED', threadId: 't', runId: 'r' }) // { id: 1, ... }
 */
export function createReplayBuffer(options: ReplayBufferOptions = {}): ReplayBuffer {
  const { maxEvents = 10_000, maxBytes = 8 * 1024 * 1024, ttlMs = 60_000, now = Date.now } = options
  for (const [name, value] of Object.entries({ maxEvents, maxBytes })) {
    if (!(value > 0)) throw new TypeError(`createReplayBuffer: ${name} must be > 0, got ${value}`)
  }
  if (!(ttlMs >= 0)) throw new TypeError(`createReplayBuffer: ttlMs must be >= 0, got ${ttlMs}`)

  let entries: ReplayEntry[] = []
  let head = 0 // index in `entries` of the oldest held entry
  let lastId = 0
  let bytes = 0
  let endedAt: number | undefined

  const size = () => entries.length - head
  const firstId = () => lastId - size() + 1

  function evict() {
    while (size() > 1 && (size() > maxEvents || bytes > maxBytes)) {
      bytes -= entries[head].bytes
      head++
    }
    if (head > 1024 && head * 2 > entries.length) {
      entries = entries.slice(head)
      head = 0
    }
  }

  return {
    append(event, serialised) {
      if (endedAt !== undefined) throw new TypeError('ReplayBuffer: append() after end()')
      const json = serialised ?? JSON.stringify(event)
      if (json === undefined) throw new TypeError('ReplayBuffer: the event is not serialisable')
      const entry: ReplayEntry = { id: ++lastId, event, json, bytes: Buffer.byteLength(json) }
      entries.push(entry)
      bytes += entry.bytes
      evict()
      return entry
    },
    firstIdAfter(extra) {
      let n = size() + 1
      let held = bytes + extra
      for (let i = head; n > 1 && (n > maxEvents || held > maxBytes); i++, n--)
        held -= entries[i].bytes
      return lastId + 2 - n
    },
    get(id) {
      if (!Number.isInteger(id) || id < firstId() || id > lastId) return undefined
      return entries[head + id - firstId()]
    },
    check(lastEventId) {
      if (!Number.isInteger(lastEventId) || lastEventId < 0 || lastEventId > lastId)
        return { ok: false, code: 'bad_last_event_id' }
      if (lastEventId + 1 < firstId()) return { ok: false, code: 'replay_gap', firstId: firstId() }
      return { ok: true }
    },
    get firstId() {
      return firstId()
    },
    get lastId() {
      return lastId
    },
    get size() {
      return size()
    },
    get bytes() {
      return bytes
    },
    end() {
      endedAt ??= now()
    },
    get endedAt() {
      return endedAt
    },
    isExpired() {
      return endedAt !== undefined && now() - endedAt >= ttlMs
    },
  }
}
