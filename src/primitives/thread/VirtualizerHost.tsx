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

const sameRows = (a: readonly VirtualItem[] | undefined, b: readonly VirtualItem[] | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.length === b.length &&
    a.every((item, i) => item.key === b[i].key && item.index === b[i].index))

const sameState = (a: MessageVirtualizer, b: MessageVirtualizer) =>
  a.on === b.on &&
  a.measureRow === b.measureRow &&
  a.containerRef === b.containerRef &&
  a.scrollToEnd === b.scrollToEnd &&
  a.scrollToStart === b.scrollToStart &&
  sameRows(a.items, b.items)

/**
 * Renders nothing: runs {@link useMessageVirtualizer} for `Thread.Root` and hands its state up
 * (only when it changed in a way the rows' rendering needs: a re-measured row re-renders no
 * one). It lives in the lazily loaded chunk with `@tanstack/react-virtual` (see
 * `preloadVirtualizer`), so threads shorter than `virtualizeAt` never load the library.
 * Rendered after the Root's children, so their elements (viewport, rows) exist when its layout
 * effects run.
 */
export function VirtualizerHost({ onChange, ...options }: VirtualizerHostProps): ReactNode {
  const virtualizer = useMessageVirtualizer(options)
  const handedUp = useRef<MessageVirtualizer | null>(null)
  useLayoutEffect(() => {
    if (handedUp.current && sameState(handedUp.current, virtualizer)) return
    handedUp.current = virtualizer
    onChange(virtualizer)
  }, [onChange, virtualizer])
  return null
}
