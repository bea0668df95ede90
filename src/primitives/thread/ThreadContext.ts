import { createContext, useContext, type RefObject } from 'react'
import type { VirtualItem } from '@tanstack/react-virtual'

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
  /** Whether the list renders only a window of rows. */
  virtualized: boolean
  /** Rows to render while virtualized (a window around the viewport), else `undefined`: all. */
  items: VirtualItem[] | undefined
  /** Ref callback of each row element (carrying `data-index`) while virtualized: measures it. */
  measureRow: ((element: HTMLElement | null) => void) | undefined
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
