import type { StatusError, TimeSource } from './AgentStatus'
import { checkTimestamp } from './checkTimestamp'
import {
  createFoldCopier,
  type FolderItem as Item,
  type FolderRun as Run,
} from './createFoldCopier'
import type { EventLogEntry } from './EventLog'
import { foldEvent, type FoldEv as Ev, type FoldScope } from './foldEvent'
import type { FoldedLog } from './foldEventLog'
import { emptyUsage } from './emptyCounts'

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** A fold of an event log that grows one entry at a time; see {@link createLogFolder}. */
export interface LogFolder {
  /** Folds one more entry; `now` (ms since epoch) judges its `timestamp` (see `checkTimestamp`). */
  push(entry: EventLogEntry, now: number): void
  /**
   * What was folded so far, as fresh immutable copies: later pushes never change a result. A run
   * (and a timeline item) that did not change since the previous result is the same object.
   * Cost: O(runs + items of the runs that changed).
   */
  result(): FoldedLog
  /** Entries folded so far. */
  readonly count: number
  /** The last entry folded. */
  readonly last: EventLogEntry | undefined
}

/**
 * The incremental core of `foldEventLog`: each `push` costs O(1) (amortized), so a status page
 * over a 100,000-event thread re-derives in time proportional to what changed, not to the log.
 * Same semantics as `foldEventLog`, which pushes every entry into a new folder.
 */
export function createLogFolder(): LogFolder {
  const runs: Run[] = []
  const errors: StatusError[] = []
  const problems = new Map<string, { count: number; first: string }>()
  const note = (kind: string, example: string) => {
    const p = problems.get(kind)
    if (p) p.count++
    else problems.set(kind, { count: 1, first: example })
  }
  let run: Run | undefined
  let items = new Map<string, Item>()
  let seen = new Map<string, number>()
  const openSteps = new Map<string, Item[]>()
  let count = 0
  let last: EventLogEntry | undefined
  const copier = createFoldCopier()
  let errorsCopy: StatusError[] = []

  const openRun = (e: Ev | undefined, source: TimeSource): Run => {
    const r: Run = {
      ...(str(e?.runId) !== undefined && { runId: str(e?.runId) }),
      ...(str(e?.threadId) !== undefined && { threadId: str(e?.threadId) }),
      ...(str(e?.parentRunId) !== undefined && { parentRunId: str(e?.parentRunId) }),
      status: 'running',
      usage: emptyUsage(),
      steps: 0,
      toolCalls: 0,
      eventCount: 0,
      timeSource: source,
      ended: false,
      timeline: [],
    }
    runs.push(r)
    items = new Map()
    seen = new Map()
    openSteps.clear()
    return r
  }

  const closeRun = (r: Run, at: number | undefined) => {
    if (at !== undefined) r.finishedAt = at
    if (r.startedAt !== undefined && r.finishedAt !== undefined) {
      r.durationMs = r.finishedAt - r.startedAt
      if (r.durationMs < 0) {
        note('run ends before it starts', `run ${r.runId ?? '?'}`)
        delete r.durationMs
      }
    }
    for (const item of r.timeline) {
      if (item.status !== 'running') continue
      // Activities end with their run (their last update is all the log knows).
      if (item.kind === 'activity' && item.finishedAt !== undefined) item.status = 'finished'
      else if (item.finishedAt === undefined) item.status = 'incomplete'
      copier.touchItem(item)
    }
    r.ended = true
    copier.touchRun(r)
  }

  const timeOf = (r: Run, entry: EventLogEntry, e: Ev, now: number): number | undefined => {
    const ts = e.timestamp
    if (ts !== undefined) {
      const bad = checkTimestamp(ts, now)
      if (bad) note(`absurd timestamp: ${bad}`, `#${entry.seq} ${e.type} (${String(ts)})`)
      else if (r.timeSource === 'event') {
        if (r.lastTs !== undefined && (ts as number) < r.lastTs) {
          note('timestamps go backwards', `#${entry.seq} ${e.type}`)
          return r.lastTs
        }
        r.lastTs = ts as number
        return ts as number
      }
    }
    if (entry.receivedAt === undefined) return undefined
    return r.offset !== undefined ? entry.receivedAt - r.offset : entry.receivedAt
  }

  const addItem: FoldScope['addItem'] = (r, kind, ref, label, at, parent) => {
    const key = `${kind}:${ref}`
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    const item: Item = {
      id: n === 1 ? key : `${key}:${n}`,
      kind,
      label,
      ...(r.runId !== undefined && { runId: r.runId }),
      status: 'running',
      ...(at !== undefined && { startedAt: at }),
      depth: parent ? parent.depth + 1 : 0,
      ...(parent && { parentId: parent.id }),
      ref,
    }
    items.set(key, item)
    r.timeline.push(item)
    copier.touchItem(item)
    return item
  }

  const finish = (item: Item, at: number | undefined, status: Item['status'] = 'finished') => {
    item.status = status
    copier.touchItem(item)
    if (at === undefined) return
    item.finishedAt = at
    if (item.startedAt !== undefined) {
      if (at < item.startedAt) note('items end before they start', `${item.kind} ${item.label}`)
      else item.durationMs = at - item.startedAt
    }
  }

  const parentOf = (e: Ev): Item | undefined => {
    const sub = str(e.subagentRunId)
    return sub !== undefined ? items.get(`subagent:${sub}`) : undefined
  }

  const scope: FoldScope = {
    item: (key) => items.get(key),
    openSteps,
    addItem,
    finish,
    parentOf,
    closeRun,
    note,
    errors,
    touchItem: copier.touchItem,
  }

  function push(entry: EventLogEntry, now: number): void {
    count++
    last = entry
    const e = entry.event as unknown as Ev
    if (typeof e !== 'object' || e === null || typeof e.type !== 'string') {
      note('entries that are not events', `#${entry.seq}`)
      return
    }
    if (e.type === 'RUN_STARTED') {
      if (run && !run.ended) {
        run.status = 'truncated'
        run.error = {
          code: 'truncated',
          message: 'The stream ended before RUN_FINISHED/RUN_ERROR.',
        }
        closeRun(run, undefined)
      }
      const ts = e.timestamp
      const usable = ts !== undefined && checkTimestamp(ts, now) === undefined
      const source: TimeSource = usable
        ? 'event'
        : entry.receivedAt !== undefined
          ? 'received'
          : 'none'
      run = openRun(e, source)
      if (usable && entry.receivedAt !== undefined) run.offset = entry.receivedAt - (ts as number)
      const at = timeOf(run, entry, e, now)
      if (at !== undefined) run.startedAt = at
      run.eventCount++
      copier.touchRun(run)
      return
    }
    if (!run || run.ended) {
      // A log trimmed mid-run, or events outside any run: an implicit run holds them.
      note('events outside a run', `#${entry.seq} ${e.type}`)
      run = openRun(undefined, entry.receivedAt !== undefined ? 'received' : 'none')
    }
    const r = run
    copier.touchRun(r)
    r.eventCount++
    const at = timeOf(r, entry, e, now)
    if (r.startedAt === undefined && at !== undefined && r.eventCount === 1) r.startedAt = at
    foldEvent(scope, r, entry, e, at)
  }

  return {
    push,
    result() {
      const copies = copier.copy(runs)
      if (errorsCopy.length !== errors.length) errorsCopy = errors.slice()
      const inconsistencies = [...problems].map(([kind, { count: n, first }]) =>
        n === 1 ? `${kind}: ${first}` : `${kind}: ${n} times (first: ${first})`,
      )
      for (const r of runs) inconsistencies.push(...r.usage.inconsistent)
      return { runs: copies, errors: errorsCopy, inconsistencies }
    },
    get count() {
      return count
    },
    get last() {
      return last
    },
  }
}
