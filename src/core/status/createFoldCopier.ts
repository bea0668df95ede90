import type { TimelineItem } from './AgentStatus'
import type { FoldedRun } from './foldEventLog'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
/** A run as `createLogFolder` mutates it (with its clock bookkeeping). @internal */
export type FolderRun = Mutable<FoldedRun> & { offset?: number; lastTs?: number }
/** A timeline item as `createLogFolder` mutates it. @internal */
export type FolderItem = Mutable<TimelineItem>

/**
 * Immutable copies of a folder's mutable runs and items, made only for what was touched since
 * the previous `copy` (the rest keeps its previous copy, same object). @internal
 */
export function createFoldCopier() {
  const dirtyRuns = new Set<FolderRun>()
  const dirtyItems = new Set<FolderItem>()
  const runCopies = new WeakMap<FolderRun, FoldedRun>()
  const itemCopies = new WeakMap<FolderItem, TimelineItem>()

  const copyItem = (item: FolderItem): TimelineItem => {
    let copy = itemCopies.get(item)
    if (!copy || dirtyItems.has(item)) {
      copy = { ...item }
      itemCopies.set(item, copy)
    }
    return copy
  }

  const copyRun = (r: FolderRun): FoldedRun => {
    let copy = runCopies.get(r)
    if (!copy || dirtyRuns.has(r)) {
      const { offset: _o, lastTs: _l, ...rest } = r
      copy = { ...rest, timeline: r.timeline.map(copyItem) }
      runCopies.set(r, copy)
    }
    return copy
  }

  return {
    /** Marks a run as changed (its counters, status, times or timeline). */
    touchRun: (r: FolderRun) => void dirtyRuns.add(r),
    /** Marks an item as changed; its run must be touched too. */
    touchItem: (item: FolderItem) => void dirtyItems.add(item),
    /** Copies of `runs` (O(runs + items of touched runs)); clears the marks. */
    copy(runs: readonly FolderRun[]): FoldedRun[] {
      const copies = runs.map(copyRun)
      dirtyRuns.clear()
      dirtyItems.clear()
      return copies
    },
  }
}
