import type { StatusError, TimelineKind } from './AgentStatus'
import type { FolderItem as Item, FolderRun as Run } from './createFoldCopier'
import type { EventLogEntry } from './EventLog'
import { sumUsage } from './sumUsage'

/** An event as the fold reads it: any object with a string `type`. @internal */
export type FoldEv = Record<string, unknown> & { type: string }

/** What {@link foldEvent} may read and change of `createLogFolder`'s state. @internal */
export interface FoldScope {
  /** The current run's item by `<kind>:<ref>`. */
  item(key: string): Item | undefined
  /** Open steps by name (a stack: the same name may nest). */
  openSteps: Map<string, Item[]>
  addItem(
    r: Run,
    kind: TimelineKind,
    ref: string,
    label: string,
    at: number | undefined,
    parent: Item | undefined,
  ): Item
  finish(item: Item, at: number | undefined, status?: Item['status']): void
  /** Marks an item changed outside `addItem`/`finish` (for the next result's copies). */
  touchItem(item: Item): void
  /** The subagent an event belongs to (`subagentRunId`), if known. */
  parentOf(e: FoldEv): Item | undefined
  closeRun(r: Run, at: number | undefined): void
  /** Records one inconsistency of `kind`. */
  note(kind: string, example: string): void
  errors: StatusError[]
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/**
 * Applies one event of run `r` (received at `at`, ms) to the fold: terminal events end the run
 * (status, outcome, error, usage), `STEP_*`, `TOOL_CALL_*`, `ACTIVITY_*`, `REASONING_*` and
 * `SUBAGENT_*` open and close timeline items. Other events change nothing here.
 * @internal
 */
export function foldEvent(
  scope: FoldScope,
  r: Run,
  entry: EventLogEntry,
  e: FoldEv,
  at: number | undefined,
): void {
  const { openSteps, addItem, finish, parentOf, closeRun, note, errors, touchItem } = scope
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
      return
    }
    case 'STEP_STARTED': {
      const name = str(e.stepName) ?? '?'
      const item = addItem(r, 'step', name, name, at, parentOf(e))
      const open = openSteps.get(name)
      if (open) open.push(item)
      else openSteps.set(name, [item])
      r.steps++
      return
    }
    case 'STEP_FINISHED': {
      const name = str(e.stepName) ?? '?'
      const item = openSteps.get(name)?.pop()
      if (item) finish(item, at)
      else {
        note('steps finished that never started', `'${name}' (#${entry.seq})`)
        finish(addItem(r, 'step', name, name, undefined, parentOf(e)), at)
      }
      return
    }
    case 'TOOL_CALL_START': {
      const id = str(e.toolCallId) ?? '?'
      addItem(r, 'tool', id, str(e.toolCallName) ?? id, at, parentOf(e))
      r.toolCalls++
      return
    }
    case 'TOOL_CALL_END':
    case 'TOOL_CALL_RESULT': {
      const item = scope.item(`tool:${str(e.toolCallId) ?? '?'}`)
      if (item) finish(item, at)
      return
    }
    case 'ACTIVITY_SNAPSHOT':
    case 'ACTIVITY_DELTA': {
      const id = str(e.messageId) ?? '?'
      const item =
        scope.item(`activity:${id}`) ??
        addItem(r, 'activity', id, str(e.activityType) ?? 'activity', at, parentOf(e))
      if (at !== undefined && item.startedAt !== undefined && at > item.startedAt) {
        item.finishedAt = at
        item.durationMs = at - item.startedAt
        touchItem(item)
      }
      return
    }
    case 'REASONING_START':
      addItem(r, 'reasoning', str(e.messageId) ?? '?', 'reasoning', at, parentOf(e))
      return
    case 'REASONING_END': {
      const item = scope.item(`reasoning:${str(e.messageId) ?? '?'}`)
      if (item) finish(item, at)
      return
    }
    case 'SUBAGENT_STARTED': {
      const id = str(e.subagentRunId) ?? '?'
      const parent =
        scope.item(`subagent:${str(e.parentSubagentRunId) ?? ''}`) ??
        scope.item(`tool:${str(e.parentToolCallId) ?? ''}`)
      addItem(r, 'subagent', id, str(e.name) ?? id, at, parent)
      return
    }
    case 'SUBAGENT_FINISHED':
    case 'SUBAGENT_ERROR': {
      const id = str(e.subagentRunId) ?? '?'
      const item = scope.item(`subagent:${id}`)
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
      return
    }
  }
}
