import type { VirtualItem } from '@tanstack/react-virtual'

/**
 * Whether two windows of a virtualized thread render the same rows (keys and indexes; the
 * positions may differ: the virtualizer writes them to the DOM itself). `last`: index of the
 * last virtualized row, which `Thread.Messages` renders whether it is in the window or not (it
 * was the live row until a message was appended), so a window that only gained or lost it
 * renders the same rows.
 */
export function sameRows(
  a: readonly VirtualItem[] | undefined,
  b: readonly VirtualItem[] | undefined,
  last: number,
): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  const x = a.at(-1)?.index === last ? a.slice(0, -1) : a
  const y = b.at(-1)?.index === last ? b.slice(0, -1) : b
  return (
    x.length === y.length &&
    x.every((item, i) => item.key === y[i].key && item.index === y[i].index)
  )
}
