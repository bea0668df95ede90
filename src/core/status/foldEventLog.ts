import type {
  RunSummary,
  StatusError,
  TimeSource,
  TimelineItem,
  TimelineKind,
  UsageTotals,
} from './AgentStatus'
import { checkTimestamp } from './checkTimestamp'
import type { EventLogEntry } from './EventLog'
import { emptyUsage, sumUsage } from './sumUsage'

/** One run as folded from the log, with its own timeline. */
export interface FoldedRun extends RunSummary {
  /** Whether the log holds its terminal event (`RUN_FINISHED`/`RUN_ERROR`). */
  ended: boolean
  timeline: TimelineItem[]
}

/** What {@link foldEventLog} returns. */
export interface FoldedLog {
  /** Runs in start order. */
  runs: FoldedRun[]
  errors: StatusError[]
  inconsistencies: string[]
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
type Item = Mutable<TimelineItem>
type Run = Mutable<FoldedRun> & { offset?: number; lastTs?: number; usage: UsageTotals }
type Ev = Record<string, unknown> & { type: string }

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/**
 * Folds an event log into runs, per-run timelines (steps, tool calls, activities, reasoning,
 * subagents nested under their parent), errors and inconsistencies, in one pass (O(events)).
 *
 * **Times.** When a run's `RUN_STARTED` carries a plausible `timestamp`, the run is timed on the
 * producer's clock (`timeSource: 'event'`); events of it without one are placed by their receive
 * time shifted by the clock offset measured at `RUN_STARTED`. Otherwise receive times are used
 * (`received`), or nothing (`none`: durations unknown). Absurd timestamps (see
 * {@link checkTimestamp}) and timestamps going backwards are ignored and reported, once per kind
 * with a count. `now` (ms since epoch) times what is still running.
 */
export function foldEventLog(entries: readonly EventLogEntry[], now: number): FoldedLog {
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

  const openRun = (e: Ev | undefined, at: number | undefined, source: TimeSource): Run => {
    const r: Run = {
      ...(str(e?.runId) !== undefined && { runId: str(e?.runId) }),
      ...(str(e?.threadId) !== undefined && { threadId: str(e?.threadId) }),
      ...(str(e?.parentRunId) !== undefined && { parentRunId: str(e?.parentRunId) }),
      status: 'running',
      ...(at !== undefined && { startedAt: at }),
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
      if (item.finishedAt === undefined && item.status === 'running') item.status = 'incomplete'
    }
    r.ended = true
  }

  const timeOf = (r: Run, entry: EventLogEntry, e: Ev): number | undefined => {
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

  const addItem = (
    r: Run,
    kind: TimelineKind,
    ref: string,
    label: string,
    at: number | undefined,
    parent: Item | undefined,
  ): Item => {
    const key = `${kind}:${ref}`
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    const id = n === 1 ? key : `${key}:${n}`
    const item: Item = {
      id,
      kind,
      label,
      ...(r.runId !== undefined && { runId: r.runId }),
      status: 'running',
      ...(at !== undefined && { startedAt: at }),
      depth: parent ? parent.depth + 1 : 0,
      ...(parent && { parentId: parent.id }),
      ref,
    }
    items.set(`${kind}:${ref}`, item)
    r.timeline.push(item)
    return item
  }

  const finish = (item: Item, at: number | undefined, status: Item['status'] = 'finished') => {
    item.status = status
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

  for (const entry of entries) {
    const e = entry.event as unknown as Ev
    if (typeof e !== 'object' || e === null || typeof e.type !== 'string') {
      note('entries that are not events', `#${entry.seq}`)
      continue
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
      run = openRun(e, undefined, source)
      if (usable && entry.receivedAt !== undefined) run.offset = entry.receivedAt - (ts as number)
      const at = timeOf(run, entry, e)
      if (at !== undefined) run.startedAt = at
      run.eventCount++
      continue
    }
    if (!run || run.ended) {
      // A log trimmed mid-run, or events outside any run: an implicit run holds them.
      note('events outside a run', `#${entry.seq} ${e.type}`)
      run = openRun(undefined, undefined, entry.receivedAt !== undefined ? 'received' : 'none')
    }
    const r = run
    r.eventCount++
    const at = timeOf(r, entry, e)
    if (r.startedAt === undefined && at !== undefined && r.eventCount === 1) r.startedAt = at
    switch (e.type) {
      case 'RUN_FINISHED':
      case 'RUN_ERROR': {
        r.usage = sumUsage(r.usage, e.usage, `run ${r.runId ?? '?'}`)
        if (e.type === 'RUN_ERROR') {
          r.status = 'error'
          r.error = {
            ...(str(e.code) && { code: str(e.code) }),
            message: str(e.message) ?? 'Run error',
          }
          errors.push({
            source: 'run',
            ...r.error,
            ...(r.runId && { runId: r.runId }),
            ...(at !== undefined && { at }),
          })
        } else {
          const outcome = (e.outcome as { type?: unknown } | undefined)?.type
          if (outcome === 'success' || outcome === 'interrupt' || outcome === 'cancelled')
            r.outcome = outcome
          r.status =
            outcome === 'interrupt'
              ? 'interrupted'
              : outcome === 'cancelled'
                ? 'cancelled'
                : 'finished'
        }
        closeRun(r, at)
        break
      }
      case 'STEP_STARTED': {
        const name = str(e.stepName) ?? '?'
        const item = addItem(r, 'step', name, name, at, parentOf(e))
        openSteps.set(name, [...(openSteps.get(name) ?? []), item])
        r.steps++
        break
      }
      case 'STEP_FINISHED': {
        const name = str(e.stepName) ?? '?'
        const open = openSteps.get(name)
        const item = open?.pop()
        if (item) finish(item, at)
        else {
          note('steps finished that never started', `'${name}' (#${entry.seq})`)
          finish(addItem(r, 'step', name, name, undefined, parentOf(e)), at)
        }
        break
      }
      case 'TOOL_CALL_START': {
        const id = str(e.toolCallId) ?? '?'
        addItem(r, 'tool', id, str(e.toolCallName) ?? id, at, parentOf(e))
        r.toolCalls++
        break
      }
      case 'TOOL_CALL_END':
      case 'TOOL_CALL_RESULT': {
        const item = items.get(`tool:${str(e.toolCallId) ?? '?'}`)
        if (item) finish(item, at)
        break
      }
      case 'ACTIVITY_SNAPSHOT':
      case 'ACTIVITY_DELTA': {
        const id = str(e.messageId) ?? '?'
        const item =
          items.get(`activity:${id}`) ??
          addItem(r, 'activity', id, str(e.activityType) ?? 'activity', at, parentOf(e))
        if (at !== undefined && item.startedAt !== undefined && at > item.startedAt) {
          item.finishedAt = at
          item.durationMs = at - item.startedAt
        }
        break
      }
      case 'REASONING_START':
        addItem(r, 'reasoning', str(e.messageId) ?? '?', 'reasoning', at, parentOf(e))
        break
      case 'REASONING_END': {
        const item = items.get(`reasoning:${str(e.messageId) ?? '?'}`)
        if (item) finish(item, at)
        break
      }
      case 'SUBAGENT_STARTED': {
        const id = str(e.subagentRunId) ?? '?'
        const parent =
          items.get(`subagent:${str(e.parentSubagentRunId) ?? ''}`) ??
          items.get(`tool:${str(e.parentToolCallId) ?? ''}`)
        addItem(r, 'subagent', id, str(e.name) ?? id, at, parent)
        break
      }
      case 'SUBAGENT_FINISHED':
      case 'SUBAGENT_ERROR': {
        const id = str(e.subagentRunId) ?? '?'
        const item = items.get(`subagent:${id}`)
        if (item) finish(item, at, e.type === 'SUBAGENT_ERROR' ? 'error' : 'finished')
        if (e.type === 'SUBAGENT_ERROR') {
          const code = str(e.code)
          errors.push({
            source: 'subagent',
            ...(code !== undefined && { code }),
            message: `${item?.label ?? id}: ${str(e.message) ?? 'error'}`,
            ...(r.runId && { runId: r.runId }),
            ...(at !== undefined && { at }),
          })
        }
        break
      }
    }
  }
  // Activities end with their run (their last update is all the log knows).
  for (const r of runs) {
    for (const item of r.timeline) {
      if (item.kind === 'activity' && r.ended && item.status === 'running') item.status = 'finished'
    }
  }

  const inconsistencies = [...problems].map(([kind, { count, first }]) =>
    count === 1 ? `${kind}: ${first}` : `${kind}: ${count} times (first: ${first})`,
  )
  for (const r of runs) inconsistencies.push(...r.usage.inconsistent)
  return { runs, errors, inconsistencies }
}
