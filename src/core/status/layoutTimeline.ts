import type { TimelineItem } from './AgentStatus'

/** One positioned bar of {@link layoutTimeline}. */
export interface TimelineBar {
  item: TimelineItem
  /** Offset from the timeline's start, percent of its span (0–100); `undefined`: time unknown. */
  offsetPercent?: number
  /** Width, percent of the span (at least `minWidthPercent` so an instant stays visible). */
  widthPercent?: number
}

/** What {@link layoutTimeline} returns. */
export interface TimelineLayout {
  /** ms since epoch of the left edge; `undefined` when no item has a time. */
  start?: number
  /** Span in ms (≥ 1). */
  spanMs: number
  bars: TimelineBar[]
}

/**
 * Positions timeline items as Gantt bars: the span runs from the earliest start (or the run's
 * start) to the latest end (or the run's end), where a running item ends at `now`. Items
 * without a start time get no position (shown as "time unknown"). Pure; O(items).
 *
 * @param now ms since epoch, the end of running items.
 * @param run The run's `startedAt` / `finishedAt` (ms since epoch), to span the whole run.
 * @param minWidthPercent Narrowest bar, percent. Default 0.5.
 */
export function layoutTimeline(
  items: readonly TimelineItem[],
  now: number,
  run: { startedAt?: number; finishedAt?: number } = {},
  minWidthPercent = 0.5,
): TimelineLayout {
  let start = run.startedAt
  let end = run.finishedAt
  const endOf = (item: TimelineItem) =>
    item.finishedAt ?? (item.status === 'running' ? now : item.startedAt)
  for (const item of items) {
    if (item.startedAt === undefined) continue
    if (start === undefined || item.startedAt < start) start = item.startedAt
    const e = endOf(item)
    if (e !== undefined && (end === undefined || e > end)) end = e
  }
  if (start === undefined) return { spanMs: 1, bars: items.map((item) => ({ item })) }
  const spanMs = Math.max(1, (end ?? start) - start)
  const bars = items.map((item): TimelineBar => {
    if (item.startedAt === undefined) return { item }
    const offset = ((item.startedAt - start) / spanMs) * 100
    const width = (((endOf(item) ?? item.startedAt) - item.startedAt) / spanMs) * 100
    const offsetPercent = Math.min(100, Math.max(0, offset))
    return {
      item,
      offsetPercent,
      widthPercent: Math.min(100 - offsetPercent, Math.max(minWidthPercent, width)),
    }
  })
  return { start, spanMs, bars }
}
