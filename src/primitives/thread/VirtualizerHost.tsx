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
}

/**
 * Whether the rows handed up (`rendered`) still render every row of the new window (`next`), so
 * that handing it up would change nothing on screen: the same rows, or the same less some rows
 * above the new window's first row. Those stay mounted (off screen, above the reader, where
 * nothing moves them) until the window next gains a row: unmounting them alone would cost a
 * commit of the whole list, e.g. when the list follows a message appended at the end. `last`:
 * index of the last virtualized row, which `Thread.Messages` renders whether it is in the window
 * or not (it was the live row until a message was appended), so it is left out of the comparison.
 */
const rowsStillRendered = (
  rendered: readonly VirtualItem[] | undefined,
  next: readonly VirtualItem[] | undefined,
  last: number,
) => {
  if (rendered === next) return true
  if (rendered === undefined || next === undefined) return false
  const x = rendered.at(-1)?.index === last ? rendered.slice(0, -1) : rendered
  const y = next.at(-1)?.index === last ? next.slice(0, -1) : next
  const from = x.length - y.length
  return (
    from >= 0 &&
    (from === 0 || y.length > 0) &&
    y.every((item, i) => item.key === x[from + i].key && item.index === x[from + i].index)
  )
}

const sameState = (a: MessageVirtualizer, b: MessageVirtualizer, last: number) =>
  a.on === b.on &&
  a.measureRow === b.measureRow &&
  a.containerRef === b.containerRef &&
  a.scrollToEnd === b.scrollToEnd &&
  a.scrollToStart === b.scrollToStart &&
  rowsStillRendered(a.items, b.items, last)

/**
 * Renders nothing: runs {@link useMessageVirtualizer} for `Thread.Root` and hands its state up
 * (only when it changed in a way the rows' rendering needs: a re-measured row, or a window
 * that only lost rows above it, re-renders no one). It lives in the lazily loaded chunk with `@tanstack/react-virtual` (see
 * `preloadVirtualizer`), so threads shorter than `virtualizeAt` never load the library.
 * Rendered after the Root's children, so their elements (viewport, rows) exist when its layout
 * effects run.
 */
export function VirtualizerHost({ onChange, ...options }: VirtualizerHostProps): ReactNode {
  const virtualizer = useMessageVirtualizer(options)
  const handedUp = useRef<MessageVirtualizer | null>(null)
  useLayoutEffect(() => {
    if (handedUp.current && sameState(handedUp.current, virtualizer, options.ids.length - 1)) return
    handedUp.current = virtualizer
    onChange(virtualizer)
  }, [onChange, virtualizer, options.ids.length])
  return null
}
