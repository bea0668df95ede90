import { useLayoutEffect, type ReactNode } from 'react'
import {
  useMessageVirtualizer,
  type MessageVirtualizer,
  type MessageVirtualizerOptions,
} from './useMessageVirtualizer'

/** Props of {@link VirtualizerHost}. */
export interface VirtualizerHostProps extends MessageVirtualizerOptions {
  /**
   * Receives the virtualizer's state when it changed (in a layout effect, before paint); the
   * same object (`MessageVirtualizer`) until then.
   */
  onChange: (virtualizer: MessageVirtualizer) => void
}

/**
 * Renders nothing: runs {@link useMessageVirtualizer} for `Thread.Root` and hands its state up.
 * It lives in the lazily loaded chunk with `@tanstack/react-virtual` (see `preloadVirtualizer`),
 * so threads shorter than `virtualizeAt` never load the library. Rendered after the Root's
 * children, so their elements (viewport, rows) exist when its layout effects run.
 */
export function VirtualizerHost({ onChange, ...options }: VirtualizerHostProps): ReactNode {
  const virtualizer = useMessageVirtualizer(options)
  useLayoutEffect(() => onChange(virtualizer), [onChange, virtualizer])
  return null
}
