import { createContext, useContext, type RefObject } from 'react'
import type { VirtualItem } from '@tanstack/react-virtual'
import type { VirtualizerStatus } from './useThreadVirtualizer'

/** The imperative handle of `Thread.Root` (its `handleRef` prop). */
export interface ThreadHandle {
  /** Scrolls to the newest message and sticks to the bottom again (e.g. after a send). */
  scrollToBottom: () => void
}

/** What `Thread.Root` shares with its parts; read it with {@link useThreadContext}. */
export interface ThreadContextValue {
  /** Visible message ids (`useMessageIds`), in thread order. */
  ids: readonly string[]
  /** Whether the viewport is within the stick threshold of its end. */
  atBottom: boolean
  /**
   * Whether the list renders only a window of rows: the virtualizer's (`virtualizer: 'on'`) or,
   * while its chunk loads or if it failed to load, the thread's tail. Rows then carry
   * `aria-posinset`/`aria-setsize`.
   */
  virtualized: boolean
  /** Where virtualization stands (see {@link VirtualizerStatus}). */
  virtualizer: VirtualizerStatus
  /**
   * Rows to render while virtualized (a window around the viewport, or the tail), else all.
   * While `virtualizer` is `on`, the same array until the rows (keys, indexes) change: the items'
   * positions may be older than the DOM's (the virtualizer writes rows' positions itself).
   */
  items: VirtualItem[] | undefined
  /**
   * While `virtualizer` is `on`: index of the thread's last row, rendered in flow after the
   * virtualized rows (not one of `items`), so a reply streaming into it never re-renders the
   * list; else `undefined`.
   */
  liveIndex: number | undefined
  /** Ref callback of each row element (carrying `data-index`) while `virtualizer` is `on`. */
  measureRow: ((element: HTMLElement | null) => void) | undefined
  /**
   * Ref callback of the spacer while `virtualizer` is `on`: an empty element first in the rows'
   * container, in flow, whose height the virtualizer sets to the virtualized rows' total.
   */
  spacerRef: ((element: HTMLElement | null) => void) | undefined
  /** Ref callback of the live row (see `liveIndex`): its growth is followed while at the bottom. */
  followRef: (element: HTMLElement | null) => void
  /** The scrolling element (`Thread.Viewport` sets it). */
  viewportRef: RefObject<HTMLElement | null>
  /** Ref callback of the rows' container (`Thread.Messages` sets it). */
  setContent: (element: HTMLElement | null) => void
  /** Tells the Root which message holds focus (kept rendered while virtualized). */
  setFocusedId: (id: string | undefined) => void
  /** Scrolls to the newest message and sticks to the bottom again. */
  scrollToBottom: () => void
  /** Scrolls to the first message. */
  scrollToStart: () => void
}

/** React context of the Thread parts. */
export const ThreadContext = createContext<ThreadContextValue | null>(null)

/**
 * The context of the nearest `Thread.Root`, for custom parts.
 * @throws Error naming the part when used outside a Root.
 */
export function useThreadContext(part = 'useThreadContext'): ThreadContextValue {
  const value = useContext(ThreadContext)
  if (!value) throw new Error(`<Thread.${part}> must be used inside <Thread.Root>.`)
  return value
}
