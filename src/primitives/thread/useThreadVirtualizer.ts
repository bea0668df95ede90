import { createElement, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { MessageVirtualizer, MessageVirtualizerOptions } from './useMessageVirtualizer'
import {
  loadedVirtualizerHost,
  loadVirtualizerHost,
  type VirtualizerHostComponent,
} from './preloadVirtualizer'
import { rowsFrom } from './rowsFrom'
import type { VirtualItem } from '@tanstack/react-virtual'

/**
 * Where the thread's virtualization stands: `off` (below `virtualizeAt`: every row renders),
 * `loading` (the virtualizer's chunk is on its way: a bounded tail of rows renders), `failed`
 * (the chunk could not be loaded: the tail stays, the load is retried on the next message) or
 * `on` (the virtualizer renders the rows near the viewport).
 */
export type VirtualizerStatus = 'off' | 'loading' | 'failed' | 'on'

/** Options of {@link useThreadVirtualizer}: those of `useMessageVirtualizer`, but `virtualizeAt`. */
export interface ThreadVirtualizerOptions extends Omit<
  MessageVirtualizerOptions,
  'enabled' | 'startOn'
> {
  /** Number of rows from which the list virtualizes; once reached it stays virtualized. */
  virtualizeAt: number
  /** The virtualizer's commits of its own (see `VirtualizerHostProps.onOwnCommit`). */
  onOwnCommit?: () => void
}

/** What {@link useThreadVirtualizer} returns. */
export interface ThreadVirtualizer {
  status: VirtualizerStatus
  /** Rows to render (the virtualizer's window, or the tail), else `undefined`: all. */
  items: VirtualItem[] | undefined
  /**
   * While `on`: index of the thread's last row, which renders in flow after the virtualized rows
   * (it is not one of `items`): while a reply streams into it, its growth never re-renders the
   * list, and the virtualizer's window (clamped to the virtualized rows) stays put. When a
   * message is appended, the former last row joins the virtualized rows (measured then).
   * `undefined` otherwise.
   */
  liveIndex: number | undefined
  /** Row ref callback while `on` (measures the row), else `undefined`. */
  measureRow: ((element: HTMLElement | null) => void) | undefined
  /** The spacer's ref callback while `on` (the virtualizer sets its height), else `undefined`. */
  containerRef: ((element: HTMLElement | null) => void) | undefined
  /** Index of the tail's first row while it shows (`loading`, `failed`), else `undefined`. */
  tailStart: number | undefined
  /** While `on`: scrolls to the last row; the list follows new content again. */
  scrollToEnd: () => void
  /** While `on`: scrolls to the first row. */
  scrollToStart: () => void
  /**
   * The virtualizer once its chunk is loaded: render it after the Root's children. `stuck`:
   * whether the reader is stuck to the bottom (`useStickToBottom`'s `atBottom`, the reader's
   * intent: it flips on scroll events, not on growth); when the chunk arrives while a tail is on
   * screen, a stuck list opens the virtualizer at the end, else the reader's place is kept.
   */
  renderHost: (stuck: boolean) => ReactNode
}

/** The tail renders `virtualizeAt` rows (what a plain list shows), within these: enough to fill
 * a viewport, few enough for a fast first paint. */
const TAIL_MIN = 20
const TAIL_MAX = 50

const noop = () => {}

/**
 * `Thread.Root`'s virtualization, with `@tanstack/react-virtual` loaded on first need (see
 * `preloadVirtualizer`): below `virtualizeAt` rows nothing is loaded and every row renders; from
 * there, until the chunk is in, only the newest rows render (at most `virtualizeAt`, between 20
 * and 50: the thread's end, stuck to the bottom) and the virtualizer then takes over from them
 * without moving the reader. A failed load keeps the tail and is retried on the next message.
 */
export function useThreadVirtualizer({
  ids,
  virtualizeAt,
  focusedId,
  ...options
}: ThreadVirtualizerOptions): ThreadVirtualizer {
  const [reached, setReached] = useState(false)
  const enabled = reached || ids.length >= virtualizeAt
  if (enabled && !reached) setReached(true)
  // `atMount`: the chunk was there at mount, so no tail was painted to switch from.
  const [loaded, setLoaded] = useState(() => {
    const Host = loadedVirtualizerHost()
    return Host ? { Host, atMount: true } : undefined
  })
  const [failed, setFailed] = useState(false)
  const [virtual, setVirtual] = useState<MessageVirtualizer | null>(null)
  // Every row but the last: that one renders in flow after them (`liveIndex`).
  const virtualIds = useMemo(() => ids.slice(0, -1), [ids])

  useEffect(() => {
    if (!enabled || loaded) return
    let live = true
    void loadVirtualizerHost().then((Host: VirtualizerHostComponent | undefined) => {
      if (!live) return
      if (Host) setLoaded({ Host, atMount: false })
      else setFailed(true)
    })
    return () => {
      live = false
    }
    // `ids`: each new message of a thread whose load failed tries again.
  }, [enabled, loaded, ids])

  // The host hands up a new object only when something in it changed.
  const onChange = setVirtual
  const on = loaded !== undefined && virtual?.on === true
  const status: VirtualizerStatus = on
    ? 'on'
    : !enabled
      ? 'off'
      : failed && !loaded
        ? 'failed'
        : 'loading'
  // The tail's first row stays put as messages arrive (dropping rows above the reader would
  // make the browser's scroll anchoring move the view, and unstick it); it moves on only once
  // the tail holds twice its size (the Root then re-sticks a stuck reader).
  const tailSize = Math.min(TAIL_MAX, Math.max(TAIL_MIN, virtualizeAt))
  const [tailStart, setTailStart] = useState<number>()
  const showTail = enabled && !on
  let from = tailStart
  if (showTail && (from === undefined || from > ids.length || ids.length - from > 2 * tailSize)) {
    from = Math.max(0, ids.length - tailSize)
    setTailStart(from)
  }
  const tail = useMemo(
    () => (showTail && from !== undefined ? rowsFrom(ids, from) : undefined),
    [showTail, ids, from],
  )
  const renderHost = (stuck: boolean) =>
    loaded
      ? createElement(loaded.Host, {
          ...options,
          ids: virtualIds,
          enabled,
          focusedId,
          // Read once, when the host mounts.
          startOn: loaded.atMount || stuck,
          onChange,
        })
      : null
  return {
    status,
    items: on ? virtual.items : tail,
    liveIndex: on && ids.length > 0 ? ids.length - 1 : undefined,
    measureRow: on ? virtual.measureRow : undefined,
    containerRef: on ? virtual.containerRef : undefined,
    scrollToEnd: on ? virtual.scrollToEnd : noop,
    scrollToStart: on ? virtual.scrollToStart : noop,
    renderHost,
    tailStart: showTail ? from : undefined,
  }
}
