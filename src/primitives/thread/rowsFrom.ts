import type { VirtualItem } from '@tanstack/react-virtual'

/**
 * The rows from index `from` to the end, as virtualizer items without positions (they render in
 * flow): the newest rows, for a list that shows only its tail.
 */
export function rowsFrom(ids: readonly string[], from: number): VirtualItem[] {
  return ids
    .slice(from)
    .map((key, i) => ({ key, index: from + i, start: 0, end: 0, size: 0, lane: 0 }))
}
