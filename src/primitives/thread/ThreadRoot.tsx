import {
  forwardRef,
  useCallback,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
  type Ref,
} from 'react'
import { useMessageIds } from '../../react/useMessageIds'
import { Slot } from '../Slot'
import {
  ThreadContext,
  type ThreadContextValue,
  type ThreadController,
  type ThreadHandle,
  type ThreadLayout,
} from './ThreadContext'

/** Props of `Thread.Root`. */
export interface ThreadRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the Root's props merged in. */
  asChild?: boolean
  /** Receives `{ scrollToBottom }`, e.g. for a composer outside the thread to call after a send. */
  handleRef?: Ref<ThreadHandle>
}

/**
 * The conversation of the nearest `AgentProvider`: subscribes to the visible message ids
 * (`useMessageIds`: the same array until a message is added or removed, so never per token) and
 * shares them, the scroll state and the scroll functions with `Thread.Viewport`,
 * `Thread.Messages`, `Thread.Empty` and `Thread.ScrollToBottom`.
 *
 * DOM: `div[data-awr="thread"]` with `data-state="at-bottom|scrolled-up"` and
 * `data-virtualized` while the list renders a window of rows.
 *
 * @throws Error naming `AgentProvider` when used outside one.
 */
export const Root = forwardRef<HTMLDivElement, ThreadRootProps>(function Root(
  { asChild, handleRef, children, ...rest },
  ref,
) {
  const ids = useMessageIds()
  const viewportRef = useRef<HTMLElement | null>(null)
  const controllerRef = useRef<ThreadController | null>(null)
  const [layout, setLayout] = useState<ThreadLayout>({ atBottom: true, virtualized: false })
  const report = useCallback((next: ThreadLayout) => {
    setLayout((current) =>
      current.atBottom === next.atBottom && current.virtualized === next.virtualized
        ? current
        : next,
    )
  }, [])
  const scrollToBottom = useCallback(() => controllerRef.current?.scrollToBottom(), [])
  useImperativeHandle(handleRef, () => ({ scrollToBottom }), [scrollToBottom])
  const context = useMemo<ThreadContextValue>(
    () => ({ ...layout, ids, viewportRef, controllerRef, report, scrollToBottom }),
    [layout, ids, report, scrollToBottom],
  )
  const Comp = asChild ? Slot : 'div'
  return (
    <ThreadContext.Provider value={context}>
      <Comp
        {...rest}
        ref={ref}
        data-awr="thread"
        data-state={layout.atBottom ? 'at-bottom' : 'scrolled-up'}
        data-virtualized={layout.virtualized || undefined}
      >
        {children}
      </Comp>
    </ThreadContext.Provider>
  )
})
