import { createEventParser } from '../core/protocol/parseEvent'
import type { BaseEvent, RunAgentInput } from '../core/protocol/types'
import { reduceEvents } from '../core/reducer/reduceEvents'
import { createOpenEventTracker, isTrackedEventType } from './createOpenEventTracker'
import type { ReplayBuffer } from './createReplayBuffer'

/**
 * The snapshot re-sync of an ended run after its replay buffer expired (README, "Resumable
 * streams and WebSocket"), for a client that holds the run's events up to some id. `frames`
 * are, in order: the run's `RUN_STARTED` (when the client has not seen it), `MESSAGES_SNAPSHOT`
 * (the thread's messages after the run: its input messages plus what it added), the events
 * that close what was open at the client's id (`TEXT_MESSAGE_END`, `TOOL_CALL_END`, ...),
 * `STATE_SNAPSHOT` (the state after the run; absent when it has none) and the run's own
 * terminal event (`RUN_FINISHED`/`RUN_ERROR`). They are numbered from `lastId + 1`, after every
 * id of the run, so a client's id bookkeeping accepts each exactly once (as a `replay_resynced`
 * skip), and the spec's ordering rules hold for the stream the client then has.
 */
export interface RunResync {
  threadId: string
  runId: string
  /** The run's last real event id. */
  lastId: number
  frames: ReadonlyArray<{ id: number; json: string }>
}

/** Options of {@link createResyncStore}. */
export interface ResyncStoreOptions {
  /** Milliseconds a re-sync is kept after its run ended. `0` keeps none. Default `3600000` (1 h). */
  ttlMs?: number
  /** Most threads kept (one re-sync each: its latest ended run); the oldest go first. Default `1000`. */
  maxThreads?: number
  /** Clock in milliseconds (tests inject one). Default `Date.now`. */
  now?: () => number
}

/** The re-syncs a run registry keeps, one per thread (see {@link createResyncStore}). @internal */
export interface ResyncStore {
  /** Remembers an ended run (no-op when its buffer lost its first events, or lacks a terminal event). */
  keep(input: RunAgentInput, buffer: ReplayBuffer): void
  /** The re-sync of `runId` for a client holding ids up to `lastEventId`, if kept and not expired. */
  get(runId: string, lastEventId: number): RunResync | undefined
  clear(): void
}

const TERMINAL = new Set(['RUN_FINISHED', 'RUN_ERROR'])

/** One kept run: its final snapshots and the start/end events that say what was open when. */
interface Kept {
  threadId: string
  runId: string
  lastId: number
  /** `RUN_STARTED`, starts and ends (text, tool calls, steps, ...), with their ids. */
  transitions: Array<{ id: number; event: unknown }>
  /** `MESSAGES_SNAPSHOT`, `STATE_SNAPSHOT`?, terminal event. */
  tail: unknown[]
  at: number
}

function framesOf(kept: Kept, lastEventId: number): RunResync {
  const tracker = createOpenEventTracker()
  let runStarted: unknown
  for (const t of kept.transitions) {
    if (t.id > lastEventId) break
    tracker.observe(t.event)
  }
  if (!tracker.started)
    runStarted = kept.transitions.find((t) => (t.event as BaseEvent).type === 'RUN_STARTED')?.event
  // A replay that skips events must start with a snapshot (or, for a client that holds no
  // event, with RUN_STARTED); the closers follow the messages snapshot, which already holds the
  // complete messages they end.
  const [messages, ...rest] = kept.tail
  const events = [
    ...(runStarted ? [runStarted] : []),
    messages,
    ...(tracker.started && !tracker.terminated ? tracker.closingEvents() : []),
    ...rest,
  ]
  const { threadId, runId, lastId } = kept
  const frames = events.map((event, i) => ({ id: lastId + 1 + i, json: JSON.stringify(event) }))
  return { threadId, runId, lastId, frames }
}

/**
 * Creates the per-thread store of snapshot re-syncs behind `createRunRegistry`: when a run ends
 * with every event still buffered (id 1 on), its thread's messages and state are reduced once
 * (`reduceEvents` from the run's input) and kept `ttlMs`, so a client coming back after the
 * replay buffer expired is re-synced instead of told `run_not_found`. Memory: one messages list
 * and state per thread, at most `maxThreads` threads.
 * @internal
 */
export function createResyncStore(options: ResyncStoreOptions = {}): ResyncStore {
  const { ttlMs = 3_600_000, maxThreads = 1000, now = Date.now } = options
  const byThread = new Map<string, Kept>()
  const threadOf = new Map<string, string>() // runId → threadId
  return {
    keep(input, buffer) {
      if (!(ttlMs > 0) || buffer.firstId !== 1 || buffer.lastId < 1) return
      const events: unknown[] = []
      for (let id = 1; id <= buffer.lastId; id++) events.push(buffer.get(id)?.event)
      const terminal = events.at(-1) as BaseEvent | undefined
      if (!terminal || !TERMINAL.has(terminal.type)) return
      const { threadId, runId } = input
      // The agent's own events, as it yielded them: validated (and translated) as a client would.
      const snapshot = reduceEvents(
        events,
        {
          threadId,
          messages: input.messages,
          ...(input.state !== undefined && { state: input.state }),
        },
        { parser: createEventParser() },
      )
      const transitions: Kept['transitions'] = []
      events.forEach((event, i) => {
        if (isTrackedEventType((event as BaseEvent | undefined)?.type))
          transitions.push({ id: i + 1, event })
      })
      const tail = [
        { type: 'MESSAGES_SNAPSHOT', messages: snapshot.messages },
        ...(snapshot.state === undefined
          ? []
          : [{ type: 'STATE_SNAPSHOT', snapshot: snapshot.state }]),
        terminal,
      ]
      const previous = byThread.get(threadId)
      if (previous) threadOf.delete(previous.runId)
      byThread.delete(threadId) // re-insert: Map order is age order
      const lastId = buffer.lastId
      byThread.set(threadId, { threadId, runId, lastId, transitions, tail, at: now() })
      threadOf.set(runId, threadId)
      for (const [oldest, kept] of byThread) {
        if (byThread.size <= maxThreads) break
        byThread.delete(oldest)
        threadOf.delete(kept.runId)
      }
    },
    get(runId, lastEventId) {
      const threadId = threadOf.get(runId)
      const kept = threadId === undefined ? undefined : byThread.get(threadId)
      if (!kept) return undefined
      if (now() - kept.at < ttlMs) return framesOf(kept, lastEventId)
      byThread.delete(kept.threadId)
      threadOf.delete(runId)
      return undefined
    },
    clear() {
      byThread.clear()
      threadOf.clear()
    },
  }
}
