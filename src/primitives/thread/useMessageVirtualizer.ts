import { useCallback, useLayoutEffect, useMemo, useState, type RefObject } from 'react'
import { useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual'
import { createRangeTracker } from './createRangeTracker'
import { createRowMeasurer } from './createRowMeasurer'
import { createWindowOptions } from './createWindowOptions'

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
   * Called on each of the library's change notifications (scroll, resize, measurement; some
   * run inside a commit), after it scheduled its own re-render of this hook when the visible
   * range changed: a component rendering the rows from `readWindow` checks its window then, and
   * re-renders in the same commit as this hook (see `VirtualizerHost`).
   */
  onWindowChange?: () => void
}

/** What {@link useMessageVirtualizer} returns. */
export interface MessageVirtualizer {
  /** Whether virtualization is on. */
  on: boolean
  /**
   * Rows to render while on (a window around the viewport), else `undefined`: render all. As of
   * this hook's render: for a component rendered before it in the same commit, see `readWindow`.
   */
  items: VirtualItem[] | undefined
  /**
   * While on: the window for `ids` and `focusedId` (the same values as this hook's options, or
   * those it is about to get), read during the caller's render: sets the virtualizer's options
   * for them first, so a component rendering before this hook in the same commit (`Thread.Root`)
   * renders the window the commit ends with. A row appended below the live row: the live row's
   * height is read from the DOM then, so the window is laid out with it. `undefined` while off.
   */
  readWindow: (ids: readonly string[], focusedId: string | undefined) => VirtualItem[] | undefined
  /** The window as the virtualizer has it now (for its current options), without changing them. */
  currentWindow: () => VirtualItem[]
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
 * Sizes of the rows rendered in the (plain) content right now, so switching to the virtualized
 * layout lands every row where it was: no jump when a thread crosses the threshold.
 */
function measureRenderedRows(content: HTMLElement | null, ids: readonly string[]): VirtualItem[] {
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
function tailShift(seed: readonly VirtualItem[], estimateSize: number): number {
  const last = seed.at(-1)
  if (!last) return 0
  let start = last.index * estimateSize
  for (const item of seed) if (item.index < last.index) start += item.size - estimateSize
  return Math.max(0, start - last.start)
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
  onWindowChange,
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

  // The options that follow the rows: the same functions `readWindow` sets during the Root's
  // render (see `createWindowOptions`). The content is read there, not here (a render).
  const [windowOptions] = useState(createWindowOptions)
  const { noLayoutRows, ...rowOptions } = windowOptions.of(ids, focusedId, estimateSize, null)
  const [scrollMargin, setScrollMargin] = useState(0)
  const { count } = rowOptions
  const [ranges] = useState(createRangeTracker)
  useLayoutEffect(() => {
    ranges.changed = onWindowChange
  })

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
    ...rowOptions,
    enabled: on,
    getScrollElement: () => scrollerRef.current,
    overscan,
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
    // After the library scheduled its own re-render of this hook (when the visible range
    // changed): the Root, which renders the rows, re-renders in the same commit if it must.
    onChange: ranges.onChange,
  })
  if (on) ranges.catchUp(virtualizer)

  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = keepReaderInPlace

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
  const windowed = on ? virtualizer.getVirtualItems() : undefined
  const items = windowed?.length === 0 ? noLayoutRows : windowed
  const currentWindow = useCallback(() => {
    const rows = virtualizer.getVirtualItems()
    return rows.length === 0 ? (windowOptions.latest()?.noLayoutRows ?? rows) : rows
  }, [virtualizer, windowOptions])
  const readWindow = useCallback(
    (nextIds: readonly string[], nextFocusedId: string | undefined) => {
      if (!on) return undefined
      const next = windowOptions.of(nextIds, nextFocusedId, estimateSize, contentRef.current)
      const current = virtualizer.options
      if (
        current.count !== next.count ||
        current.getItemKey !== next.getItemKey ||
        current.rangeExtractor !== next.rangeExtractor ||
        current.estimateSize !== next.estimateSize
      ) {
        const { noLayoutRows: _rows, ...options } = next
        virtualizer.setOptions({ ...current, ...options })
      }
      const rows = virtualizer.getVirtualItems()
      return rows.length === 0 ? next.noLayoutRows : rows
    },
    [on, virtualizer, windowOptions, estimateSize, contentRef],
  )
  const measureRow = useMemo(() => createRowMeasurer(virtualizer), [virtualizer])
  // The same object until something in it changes (the host hands it up only then).
  return useMemo(
    () => ({
      on,
      items,
      readWindow,
      currentWindow,
      measureRow,
      containerRef,
      scrollToEnd,
      scrollToStart,
    }),
    [on, items, readWindow, currentWindow, measureRow, containerRef, scrollToEnd, scrollToStart],
  )
}
