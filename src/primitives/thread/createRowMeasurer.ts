import type { Virtualizer } from '@tanstack/react-virtual'

/**
 * The row ref callback of a virtualized thread (`MessageVirtualizer.measureRow`): registers the
 * row with the virtualizer (which measures and positions it), and covers the two ways a row
 * joins the virtualized rows from the live row (rendered in flow after them, not measured by
 * the library): a new row (a message was appended) and a known row with the element it had
 * (e.g. after a regenerate).
 */
export function createRowMeasurer(
  virtualizer: Virtualizer<HTMLElement, HTMLElement>,
): (element: HTMLElement | null) => void {
  return (element) => {
    const index = element ? virtualizer.indexFromElement(element) : -1
    const { count, getItemKey } = virtualizer.options
    const key = index >= 0 && index < count ? getItemKey(index) : undefined
    const rejoining = key !== undefined && virtualizer.elementsCache.get(key) === element
    virtualizer.measureElement(element)
    if (!element || key === undefined) return
    if (index === count - 1 && !virtualizer.itemSizeCache.has(key)) {
      // The row joining the virtualized rows (it was the live row until a message was
      // appended): in flow until now, it has its height. The library measures a new row only
      // when not scrolling (else on its ResizeObserver's callback, after it laid the rows out
      // with the estimate: the window moves twice); measure it now.
      const size = virtualizer.options.measureElement(element, undefined, virtualizer)
      virtualizer.getTotalSize() // brings `measurementsCache` up to date
      if (virtualizer.measurementsCache[index]?.size === size) {
        // Laid out with this height already (measured as the live row when the message was
        // appended, `createWindowOptions`): record it as measured; nothing moves.
        virtualizer.itemSizeCache.set(key, size)
      } else {
        virtualizer.resizeItem(index, size)
      }
      return
    }
    if (!rejoining) return
    // A row back among the virtualized rows with the element it had (it was the live row in
    // between, e.g. after a regenerate). The library measures a known element only when it
    // resizes, and writes a position only when it differs from the one it last wrote there:
    // measure it (its height may have changed while live) and position it here (the live row
    // had no transform; same format as the library's `directDomUpdates`).
    virtualizer.resizeItem(
      index,
      virtualizer.options.measureElement(element, undefined, virtualizer),
    )
    virtualizer.getTotalSize() // brings `measurementsCache` up to date
    const item = virtualizer.measurementsCache[index]
    const top = item ? item.start - virtualizer.options.scrollMargin : 0
    element.style.transform = `translate3d(0, ${top}px, 0)`
  }
}
