import { defaultRangeExtractor, type Range, type VirtualItem } from '@tanstack/react-virtual'
import { rowsFrom } from './rowsFrom'

/** The virtualizer's options that follow the thread's rows (see {@link createWindowOptions}). */
export interface WindowOptions {
  count: number
  getItemKey: (index: number) => string
  /**
   * `estimateSize` (px), or for a row measured in flow as the live row before it joined the
   * virtualized rows, that height.
   */
  estimateSize: (index: number) => number
  /** The library's range, plus the focused row. */
  rangeExtractor: (range: Range) => number[]
  /** The rows shown while the list has no layout (see `latestRows`). */
  noLayoutRows: VirtualItem[]
}

/** What {@link createWindowOptions} returns. */
export interface WindowOptionsCache {
  /**
   * The options for these rows. `content`: the rows' container, where the live row is measured
   * when `ids` changed (`null`: not measured).
   */
  of: (
    ids: readonly string[],
    focusedId: string | undefined,
    estimateSize: number,
    content: HTMLElement | null,
  ) => WindowOptions
  /** The options last returned by `of`, if any. */
  latest: () => WindowOptions | undefined
}

/**
 * Rows rendered while the list has no size yet (first render, `display: none`, jsdom): with the
 * live row that `Thread.Messages` renders after them, the thread's newest 20.
 */
const ROWS_WITHOUT_LAYOUT = 19

/**
 * Height (px) of the live row, `[data-live]` in `content`, when it is the row at `index`: the
 * row about to join the virtualized rows (a message was appended below it). `undefined` when it
 * is not there or has no layout.
 */
function liveRowHeight(content: HTMLElement | null, index: number): number | undefined {
  const row = content?.querySelector<HTMLElement>(':scope > [data-live]')
  if (!row || row.dataset.index !== String(index)) return undefined
  return row.offsetHeight > 0 ? row.offsetHeight : undefined
}

/**
 * A cache of the virtualizer's options that depend on the thread's rows, per virtualizer: the
 * same functions for the same `ids` (by identity), `focusedId` and `estimateSize`, whoever asks.
 * `Thread.Root` sets them on the virtualizer during its own render, to read the window it
 * renders (`MessageVirtualizer.readWindow`); the host's render passes the same ones to the
 * library, which then sees nothing new.
 *
 * When `ids` change, the row that is now last (it was the live row, rendered in flow in
 * `content` until a message was appended) is measured there, once (a DOM read, during render):
 * the virtualizer lays the window out with its real height instead of the estimate, so its
 * measurement in the commit moves nothing and the window needs no second commit.
 */
export function createWindowOptions(): WindowOptionsCache {
  // Heights of rows measured as the live row, just before they joined (by key).
  const measuredLive = new Map<string, number>()
  let last: WindowOptions | undefined
  let lastIds: readonly string[] | undefined
  let lastFocused: string | undefined
  let lastEstimate = 0
  const of: WindowOptionsCache['of'] = (ids, focusedId, estimateSize, content) => {
    if (last && ids === lastIds && focusedId === lastFocused && estimateSize === lastEstimate) {
      return last
    }
    const count = ids.length
    const joining = ids[count - 1]
    if (ids !== lastIds && joining !== undefined && !measuredLive.has(joining)) {
      const height = liveRowHeight(content, count - 1)
      if (height !== undefined) measuredLive.set(joining, height)
    }
    const focusedIndex = focusedId === undefined ? -1 : ids.lastIndexOf(focusedId)
    const getItemKey = ids === lastIds && last ? last.getItemKey : (index: number) => ids[index]
    last = {
      count,
      getItemKey,
      estimateSize: (index) => measuredLive.get(ids[index]) ?? estimateSize,
      rangeExtractor: (range) => {
        const indexes = defaultRangeExtractor(range)
        if (focusedIndex < 0 || indexes.includes(focusedIndex)) return indexes
        return [...indexes, focusedIndex].sort((x, y) => x - y)
      },
      noLayoutRows:
        ids === lastIds && last
          ? last.noLayoutRows
          : rowsFrom(ids, Math.max(0, count - ROWS_WITHOUT_LAYOUT)),
    }
    lastIds = ids
    lastFocused = focusedId
    lastEstimate = estimateSize
    return last
  }
  return { of, latest: () => last }
}
