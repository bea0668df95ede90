import { useCallback, useLayoutEffect, useMemo, useState, type RefObject } from 'react'
import {
  defaultRangeExtractor,
  useVirtualizer,
  type Range,
  type VirtualItem,
  type Virtualizer,
} from '@tanstack/react-virtual'
import { measureRenderedRows, tailShift } from './measureRenderedRows'
import { rowsFrom } from './rowsFrom'

/** Options of {@link useMessageVirtualizer}. */
export interface MessageVirtualizerOptions {
  /**
   * Keys (message ids) of the rows the virtualizer lays out, in order: the thread's rows but the
   * last, which `Thread.Messages` renders in flow after them (see `ThreadVirtualizer.liveIndex`).
   */
  ids: readonly string[]
  /** Turn virtualization on. Once on it stays on while mounted (switching back would jump). */
  enabled: boolean
  scrollerRef: RefObject<HTMLElement | null>
  contentRef: RefObject<HTMLElement | null>
  /** Height (px) assumed for a row not measured yet. */
  estimateSize: number
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number
  /** Distance from the end (px) within which the list counts as at the end (and follows). */
  threshold: number
  /** Id of the row holding focus: always rendered, so focus is never lost to a scroll. */
  focusedId: string | undefined
  /**
   * When `enabled` at mount: `true` (default) starts virtualized, opening at the end; `false`
   * first measures the rows already on screen (e.g. a tail rendered while this hook's chunk
   * loaded) and switches from them, keeping the reader's place.
   */
  startOn?: boolean
  /**
   * Called with the rows to render whenever the library notifies a change (a scroll, a
   * measurement, new rows), right after it scheduled this hook's re-render, so that state set
   * here commits with that re-render (one commit where a hand-up after it would make two); and
   * after each commit of the component (in a layout effect: the rows measured in it included).
   */
  onWindow?: (items: VirtualItem[]) => void
}

/** What {@link useMessageVirtualizer} returns. */
export interface MessageVirtualizer {
  /** Whether virtualization is on. */
  on: boolean
  /** Rows to render while on (a window around the viewport), else `undefined`: render all. */
  items: VirtualItem[] | undefined
  /** Ref callback for each row element (carrying `data-index`): measures its height. */
  measureRow: (element: HTMLElement | null) => void
  /**
   * Ref callback for the spacer: an empty element at the top of the content, in flow, whose
   * height the virtualizer sets to the rows' total (the live row follows it in flow).
   */
  containerRef: (element: HTMLElement | null) => void
  /** Scrolls to the last row; the list then follows new content again. */
  scrollToEnd: () => void
  /** Scrolls to the first row. */
  scrollToStart: () => void
}

/**
 * Whether a row's change of height moves the scroll position with it (so the rows in view stay
 * put): when the row lies wholly above the viewport (on a first measurement, when it starts
 * above). The library's default also skips this while the user scrolls up, which lets the view
 * jump when a message above grows right after a scroll; the reader's place wins here.
 */
function keepReaderInPlace(
  item: VirtualItem,
  _delta: number,
  instance: Virtualizer<HTMLElement, HTMLElement>,
): boolean {
  const offset = instance.scrollOffset ?? 0
  return instance.itemSizeCache.has(item.key) ? item.end <= offset : item.start < offset
}

/**
 * Rows rendered while the list has no size yet (first render, `display: none`, jsdom): with the
 * live row that `Thread.Messages` renders after them, the thread's newest 20.
 */
const ROWS_WITHOUT_LAYOUT = 19

/**
 * The newest rows, for a list that cannot tell what is in view because it has no layout: the
 * first render, a hidden container, or a DOM without layout (jsdom in users' tests). Where
 * there is layout the virtualizer replaces them with the real window at once.
 */
function latestRows(ids: readonly string[]): VirtualItem[] {
  return rowsFrom(ids, Math.max(0, ids.length - ROWS_WITHOUT_LAYOUT))
}

/**
 * `@tanstack/react-virtual` set up for a chat: dynamic row heights (`measureElement`), the view
 * anchored to the end (`anchorTo: 'end'`: a row growing or a row appended while at the end keeps
 * the end in view; otherwise the reader's row stays put), direct DOM position updates (rows are
 * not re-rendered when they move), the focused row kept mounted, and the first paint at the end.
 */
export function useMessageVirtualizer({
  ids,
  enabled,
  scrollerRef,
  contentRef,
  estimateSize,
  overscan,
  threshold,
  focusedId,
  startOn = true,
  onWindow,
}: MessageVirtualizerOptions): MessageVirtualizer {
  // `seed` holds the measured rows when switching on with rows on screen.
  const [state, setState] = useState(() => ({ on: enabled && startOn, seed: [] as VirtualItem[] }))
  const on = state.on
  const [pendingEnd, setPendingEnd] = useState(enabled && startOn)

  useLayoutEffect(() => {
    if (!enabled || on) return
    const scroller = scrollerRef.current
    const content = contentRef.current
    const atEnd = scroller
      ? scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= threshold
      : true
    const seed = measureRenderedRows(content, ids)
    const shift = tailShift(seed, estimateSize)
    // Hold the content's height while the rows turn absolute, or the browser clamps scrollTop
    // when the first row is measured; released once the spacer holds the rows' height.
    if (content) content.style.minHeight = `${content.getBoundingClientRect().height + shift}px`
    if (scroller && !atEnd && shift > 0) scroller.scrollTop += shift
    setState({ on: true, seed })
    if (atEnd) setPendingEnd(true)
  }, [enabled, on, scrollerRef, contentRef, ids, threshold, estimateSize])

  // The rows to render: the library's window, or the newest rows while it has no layout.
  const noLayoutRows = useMemo(() => latestRows(ids), [ids])
  const itemsOf = (windowed: VirtualItem[]) => (windowed.length === 0 ? noLayoutRows : windowed)
  const getItemKey = useCallback((index: number) => ids[index], [ids])
  const estimate = useCallback(() => estimateSize, [estimateSize])
  const focusedIndex = useMemo(
    () => (focusedId === undefined ? -1 : ids.lastIndexOf(focusedId)),
    [focusedId, ids],
  )
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (focusedIndex < 0 || indexes.includes(focusedIndex)) return indexes
      return [...indexes, focusedIndex].sort((x, y) => x - y)
    },
    [focusedIndex],
  )
  const [scrollMargin, setScrollMargin] = useState(0)
  const count = ids.length

  // Before the virtualizer reads the scroll position (its layout effects run after this one):
  // start at the end, where the first render's rows are (`initialOffset`).
  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    if (!on || !pendingEnd || !scroller) return
    scroller.scrollTop = scroller.scrollHeight
  }, [on, pendingEnd, scrollerRef])

  // The virtualizer instance is stable and mutable by design; nothing here memoizes its output.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    count,
    enabled: on,
    getScrollElement: () => scrollerRef.current,
    estimateSize: estimate,
    getItemKey,
    overscan,
    rangeExtractor,
    scrollMargin,
    // Where the first window is: at the end when opening there, else where the reader is.
    initialOffset: () =>
      pendingEnd ? scrollMargin + count * estimateSize : (scrollerRef.current?.scrollTop ?? 0),
    initialMeasurementsCache: state.seed,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: threshold,
    directDomUpdates: true,
    // The window's rows re-render in React's next task rather than synchronously from the
    // library's scroll and measurement callbacks, some of which run inside a commit (a row
    // measured from its ref: `measureRow`), where React cannot flush; the overscan covers the
    // scroll in between, and rows' positions are written directly anyway.
    useFlushSync: false,
    onChange: (instance) => onWindow?.(itemsOf(instance.getVirtualItems())),
  })

  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepReaderInPlace
  // After each commit as well: the window with the rows measured in it (their refs ran first).
  useLayoutEffect(() => {
    if (on) onWindow?.(itemsOf(virtualizer.getVirtualItems()))
  })

  // The content starts below the scroller's padding: tell the virtualizer (once on).
  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    const content = contentRef.current
    if (!on || !scroller || !content) return
    const margin =
      content.getBoundingClientRect().top -
      scroller.getBoundingClientRect().top +
      scroller.scrollTop
    setScrollMargin(Number.isFinite(margin) && margin > 0 ? Math.round(margin) : 0)
  }, [on, scrollerRef, contentRef])

  useLayoutEffect(() => {
    if (!on || !pendingEnd) return
    virtualizer.scrollToEnd()
    setPendingEnd(false)
  }, [on, pendingEnd, virtualizer])

  const containerRef = useCallback(
    (element: HTMLElement | null) => {
      virtualizer.containerRef(element)
      if (element) contentRef.current?.style.removeProperty('min-height')
    },
    [virtualizer, contentRef],
  )
  const scrollToEnd = useCallback(() => virtualizer.scrollToEnd(), [virtualizer])
  const scrollToStart = useCallback(() => virtualizer.scrollToOffset(0), [virtualizer])
  const items = on ? itemsOf(virtualizer.getVirtualItems()) : undefined
  const measureRow = useCallback(
    (element: HTMLElement | null) => {
      const index = element ? virtualizer.indexFromElement(element) : -1
      const rejoining =
        index >= 0 &&
        index < virtualizer.options.count &&
        virtualizer.elementsCache.get(virtualizer.options.getItemKey(index)) === element
      virtualizer.measureElement(element)
      if (!element || index < 0) return
      if (
        index === virtualizer.options.count - 1 &&
        !virtualizer.itemSizeCache.has(virtualizer.options.getItemKey(index))
      ) {
        // The row joining the virtualized rows (it was the live row until a message was
        // appended): in flow until now, it has its height. The library measures a new row only
        // when not scrolling (else on its ResizeObserver's callback, after it laid the rows out
        // with the estimate: the window moves twice); measure it now.
        virtualizer.resizeItem(
          index,
          virtualizer.options.measureElement(element, undefined, virtualizer),
        )
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
    },
    [virtualizer],
  )
  // The same object until something in it changes (the host hands it up only then).
  return useMemo(
    () => ({ on, items, measureRow, containerRef, scrollToEnd, scrollToStart }),
    [on, items, measureRow, containerRef, scrollToEnd, scrollToStart],
  )
}
