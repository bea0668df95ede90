import { useInsertionEffect, useLayoutEffect, useRef, type ReactNode } from 'react'
import type { VirtualItem } from '@tanstack/react-virtual'
import {
  useMessageVirtualizer,
  type MessageVirtualizer,
  type MessageVirtualizerOptions,
} from './useMessageVirtualizer'
import { sameRows } from './sameRows'

/** Props of {@link VirtualizerHost}. */
export interface VirtualizerHostProps extends Omit<MessageVirtualizerOptions, 'onWindowChange'> {
  /**
   * Receives the virtualizer when it turns on or its functions change (in a layout effect,
   * before paint); not when its window changes: the Root reads that itself during its render
   * (`MessageVirtualizer.readWindow`).
   */
  onChange: (virtualizer: MessageVirtualizer) => void
  /** The rows the Root renders in this commit (from `readWindow`); `undefined` until it does. */
  rendered: readonly VirtualItem[] | undefined
  /**
   * Called when the virtualizer's window no longer has the rows of `rendered` (a scroll, a
   * row measured): the Root renders again and reads it (from the library's callbacks, in the
   * same commit as the library's own re-render of this host).
   */
  onWindowChange: () => void
}

const sameState = (a: MessageVirtualizer, b: MessageVirtualizer) =>
  a.on === b.on &&
  a.readWindow === b.readWindow &&
  a.currentWindow === b.currentWindow &&
  a.measureRow === b.measureRow &&
  a.containerRef === b.containerRef &&
  a.scrollToEnd === b.scrollToEnd &&
  a.scrollToStart === b.scrollToStart

/**
 * Renders nothing: runs {@link useMessageVirtualizer} for `Thread.Root`, hands it up when it
 * turns on (or its functions change), and asks the Root to render again when the window no
 * longer has the rows the Root rendered. The Root reads the window itself, in its own render
 * (`readWindow`): a message appended re-renders the Root (its ids changed), which lays the
 * window out for it then, so the reply's row costs one commit. Rows leaving the window are
 * unmounted: the library neither measures nor positions rows out of its range. It lives in the
 * lazily loaded chunk with `@tanstack/react-virtual` (see `preloadVirtualizer`), so threads
 * shorter than `virtualizeAt` never load the library. Rendered after the Root's children, so
 * their elements (viewport, rows) exist when its layout effects run.
 */
export function VirtualizerHost({
  onChange,
  rendered,
  onWindowChange,
  ...options
}: VirtualizerHostProps): ReactNode {
  const renderedRef = useRef(rendered)
  const last = options.ids.length - 1
  const checkRef = useRef<() => void>(() => {})
  const virtualizer = useMessageVirtualizer({
    ...options,
    onWindowChange: () => checkRef.current(),
  })
  // Before the rows' refs (which may measure, and so notify) run in this commit.
  useInsertionEffect(() => {
    renderedRef.current = rendered
    checkRef.current = () => {
      const shown = renderedRef.current
      if (shown && !sameRows(shown, virtualizer.currentWindow(), last)) onWindowChange()
    }
  })
  const handedUp = useRef<MessageVirtualizer | null>(null)
  useLayoutEffect(() => {
    if (!handedUp.current || !sameState(handedUp.current, virtualizer)) {
      handedUp.current = virtualizer
      onChange(virtualizer)
    }
    // A change the library made without a notification (e.g. in its own layout effects).
    checkRef.current()
  })
  return null
}
