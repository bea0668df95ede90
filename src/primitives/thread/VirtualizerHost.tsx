import { useLayoutEffect, useRef, type ReactNode } from 'react'
import type { VirtualItem } from '@tanstack/react-virtual'
import {
  useMessageVirtualizer,
  type MessageVirtualizer,
  type MessageVirtualizerOptions,
} from './useMessageVirtualizer'

/** Props of {@link VirtualizerHost}. */
export interface VirtualizerHostProps extends MessageVirtualizerOptions {
  /**
   * Receives the virtualizer's state when the rows to render (their keys and indexes) or its
   * functions changed (in a layout effect, before paint). The items' positions may be older than
   * the DOM's: the virtualizer writes rows' positions to the DOM itself.
   */
  onChange: (virtualizer: MessageVirtualizer) => void
  /**
   * Called after each commit of the host that no change of `ids` caused: the library moving the
   * window (a row joining the rows, a measurement, a scroll) and the Root taking it up. A change
   * of `ids` comes with the store's publish, which its scheduler counted already; these are extra
   * commits (`Thread.Root` passes its store scheduler's `published()`, so they cost the stream a
   * frame instead of adding commits to one).
   */
  onOwnCommit?: () => void
}

/**
 * Whether two windows render the same rows. `last`: index of the last virtualized row, which
 * `Thread.Messages` renders whether it is in the window or not (it was the live row until a
 * message was appended), so a window that only gained or lost it renders the same rows.
 */
const sameRows = (
  a: readonly VirtualItem[] | undefined,
  b: readonly VirtualItem[] | undefined,
  last: number,
) => {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  const x = a.at(-1)?.index === last ? a.slice(0, -1) : a
  const y = b.at(-1)?.index === last ? b.slice(0, -1) : b
  return (
    x.length === y.length &&
    x.every((item, i) => item.key === y[i].key && item.index === y[i].index)
  )
}

const sameState = (a: MessageVirtualizer, b: MessageVirtualizer, last: number) =>
  a.on === b.on &&
  a.measureRow === b.measureRow &&
  a.containerRef === b.containerRef &&
  a.scrollToEnd === b.scrollToEnd &&
  a.scrollToStart === b.scrollToStart &&
  sameRows(a.items, b.items, last)

/**
 * Renders nothing: runs {@link useMessageVirtualizer} for `Thread.Root` and hands its state up
 * only when it changed in a way the rows' rendering needs (a re-measured row re-renders no one,
 * nor does the window gaining the last virtualized row, which renders anyway). Rows leaving the
 * window are unmounted: the library neither measures nor positions rows out of its range. It
 * lives in the lazily loaded chunk with `@tanstack/react-virtual` (see `preloadVirtualizer`), so
 * threads shorter than `virtualizeAt` never load the library. Rendered after the Root's
 * children, so their elements (viewport, rows) exist when its layout effects run.
 */
export function VirtualizerHost({
  onChange,
  onOwnCommit,
  ...options
}: VirtualizerHostProps): ReactNode {
  const handedUp = useRef<MessageVirtualizer | null>(null)
  const last = options.ids.length - 1
  const handUp = (next: MessageVirtualizer) => {
    if (handedUp.current && sameState(handedUp.current, next, last)) return
    handedUp.current = next
    onChange(next)
  }
  // The window as last told (by the library, or after a commit): newer than a render's.
  const windowNow = useRef<VirtualItem[] | undefined>(undefined)
  const virtualizer = useMessageVirtualizer({
    ...options,
    // A moved window goes up with the library's re-render of this host: one commit for both.
    onWindow: (items) => {
      windowNow.current = items
      if (handedUp.current) handUp({ ...handedUp.current, items })
    },
  })
  const committedIds = useRef(options.ids)
  useLayoutEffect(() => {
    if (committedIds.current === options.ids) onOwnCommit?.()
    committedIds.current = options.ids
  })
  useLayoutEffect(() => handUp({ ...virtualizer, items: windowNow.current ?? virtualizer.items }))
  return null
}
