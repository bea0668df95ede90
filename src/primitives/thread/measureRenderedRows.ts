import type { VirtualItem } from '@tanstack/react-virtual'

/**
 * Sizes of the rows rendered in the (plain) content right now, so switching to the virtualized
 * layout lands every row where it was: no jump when a thread crosses the threshold.
 */
export function measureRenderedRows(
  content: HTMLElement | null,
  ids: readonly string[],
): VirtualItem[] {
  if (!content) return []
  const items: VirtualItem[] = []
  const top = content.getBoundingClientRect().top
  for (const row of Array.from(content.children)) {
    const index = Number((row as HTMLElement).dataset.index)
    if (!Number.isInteger(index) || ids[index] === undefined) continue
    const rect = row.getBoundingClientRect()
    const start = rect.top - top
    items.push({
      key: ids[index],
      index,
      start,
      end: start + rect.height,
      size: rect.height,
      lane: 0,
    })
  }
  return items
}

/**
 * How far (px) the virtualized layout puts the last rendered row below where it is now. 0 when
 * every row is rendered; when only a tail is (`Thread.Root` renders one while this chunk loads),
 * the rows above it take their estimated height and move it down.
 */
export function tailShift(seed: readonly VirtualItem[], estimateSize: number): number {
  const last = seed.at(-1)
  if (!last) return 0
  let start = last.index * estimateSize
  for (const item of seed) if (item.index < last.index) start += item.size - estimateSize
  return Math.max(0, start - last.start)
}
