import { createContext, useContext, type RefObject } from 'react'

/** What `Thread.Messages` registers with its Root so other parts can scroll the thread. */
export interface ThreadController {
  /** Scrolls to the newest message and sticks to the bottom again. */
  scrollToBottom: () => void
  /** Scrolls to the first message (virtualized lists jump there themselves). */
  scrollToStart: () => void
}

/** The imperative handle of `Thread.Root` (its `handleRef` prop). */
export interface ThreadHandle {
  /** Scrolls to the newest message and sticks to the bottom again (e.g. after a send). */
  scrollToBottom: () => void
}

/** Layout facts `Thread.Messages` reports to its Root (they re-render the Root when they flip). */
export interface ThreadLayout {
  /** Whether the viewport is within the stick threshold of its end. */
  atBottom: boolean
  /** Whether the message list renders only a window of rows. */
  virtualized: boolean
}

/** What `Thread.Root` shares with its parts; read it with {@link useThreadContext}. */
export interface ThreadContextValue extends ThreadLayout {
  /** Visible message ids (`useMessageIds`), in thread order. */
  ids: readonly string[]
  /** The scrolling element (`Thread.Viewport`). */
  viewportRef: RefObject<HTMLElement | null>
  /** The scroll functions of the mounted `Thread.Messages`, if any. */
  controllerRef: RefObject<ThreadController | null>
  /** Called by `Thread.Messages` when a layout fact changes. */
  report: (layout: ThreadLayout) => void
  /** Scrolls to the bottom through the mounted `Thread.Messages` (no-op without one). */
  scrollToBottom: () => void
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
