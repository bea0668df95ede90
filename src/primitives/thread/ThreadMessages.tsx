import {
  forwardRef,
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  type ComponentType,
  type CSSProperties,
  type FocusEvent,
  type HTMLAttributes,
  type ReactNode,
  type RefObject,
} from 'react'
import { composeEventHandlers } from '../composeEventHandlers'
import { composeRefs } from '../composeRefs'
import { Content as MessageContent } from '../message/MessageContent'
import { Root as MessageRoot } from '../message/MessageRoot'
import { useThreadContext } from './ThreadContext'

/** Props `Thread.Messages` gives each message component. */
export interface ThreadMessageProps {
  /** `Message.id`. */
  id: string
  /**
   * 1-based position among the thread's messages while virtualized (only a window of rows
   * exists, so assistive tech needs it as `aria-posinset`); `undefined` otherwise.
   */
  posInSet?: number
}

/** Props of `Thread.Messages`. */
export interface ThreadMessagesProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * Renders one message by id. Prefer `components.Message` (a stable component keeps rows from
   * re-rendering when the list scrolls); an inline function re-renders the rows in view.
   */
  children?: (id: string, info: ThreadMessageProps & { index: number }) => ReactNode
  /** Component per message; default `Message.Root` + `Message.Content`. */
  components?: { Message?: ComponentType<ThreadMessageProps> }
  /** Class of each row wrapper (`div[data-awr="thread-row"][data-index]`). */
  rowClassName?: string
}

function DefaultMessage({ id, posInSet }: ThreadMessageProps): ReactNode {
  return (
    <MessageRoot id={id} aria-posinset={posInSet}>
      <MessageContent />
    </MessageRoot>
  )
}

interface RowProps {
  id: string
  index: number
  virtual: boolean
  /**
   * Where the row is while the list is virtualized: `live` (the last row, in flow after the
   * virtualized rows) or `positioned` (one of them, placed by the virtualizer's transform);
   * `undefined` while not virtualized (rows in flow).
   */
  layout?: 'live' | 'positioned'
  /** Ref for the row element: the virtualizer's `measureRow`, or the live row's `followRef`. */
  measure: ((element: HTMLElement | null) => void) | undefined
  Message: ComponentType<ThreadMessageProps>
  render: ThreadMessagesProps['children']
  className: string | undefined
}

/**
 * The styles virtualization needs, set inline so that a list styled by the app alone (headless
 * use) lays out right: the virtualized rows out of flow at the top of the content, each moved by
 * the transform the virtualizer writes; the live row in flow below the spacer, whatever the CSS
 * of the rows, and without a transform the virtualizer may have written while it was one of
 * them (the row's measure ref positions it again when it rejoins them).
 */
const ROW_STYLE: Record<'live' | 'positioned', CSSProperties> = {
  live: { position: 'relative', transform: 'none' },
  positioned: { position: 'absolute', top: 0, insetInlineStart: 0, width: '100%' },
}
const CONTENT_STYLE: CSSProperties = { position: 'relative' }

/** One row: a wrapper the virtualizer measures and positions, around the message. */
const Row = memo(function Row({
  id,
  index,
  virtual,
  layout,
  measure,
  Message,
  render,
  className,
}: RowProps) {
  const posInSet = virtual ? index + 1 : undefined
  return (
    <div
      className={className}
      style={layout && ROW_STYLE[layout]}
      data-awr="thread-row"
      data-index={index}
      data-live={layout === 'live' || undefined}
      ref={measure}
    >
      {render ? render(id, { id, index, posInSet }) : <Message id={id} posInSet={posInSet} />}
    </div>
  )
})

/**
 * Writes `aria-setsize` on the rows' `[aria-posinset]` elements. Done on the DOM rather than
 * through props so that a new message re-renders no other message (only the count changed).
 */
function useSetSize(contentRef: RefObject<HTMLElement | null>, size: number | undefined): void {
  useLayoutEffect(() => {
    const content = contentRef.current
    if (!content || size === undefined) return
    const value = String(size)
    for (const el of content.querySelectorAll(':scope > [data-index] > [aria-posinset]')) {
      if (el.getAttribute('aria-setsize') !== value) el.setAttribute('aria-setsize', value)
    }
  })
}

/**
 * The messages of the thread, one row per visible message id (or, while `Thread.Root`
 * virtualizes, per id near the viewport; while the virtualizer's chunk loads, per id of the
 * thread's tail, laid out in flow); place it in `Thread.Viewport`. Each message subscribes
 * to itself (`Message.Root` uses `useMessage`), so while a reply streams only that message
 * re-renders.
 *
 * DOM: `div[data-awr="thread-messages"]` > `div[data-awr="thread-row"][data-index]`. While
 * virtualized (`data-virtualized`): first `div[data-awr="thread-spacer"]` (in flow, the
 * virtualizer sets its height to the virtualized rows' total), then the rows near the viewport
 * (the virtualizer sets each one's `transform`), then the thread's last row, `[data-live]`, in
 * flow below the spacer: a reply streaming into it never re-renders the list nor moves the
 * virtualizer's window. The layout this needs is set inline, so no stylesheet is required: the
 * element `position: relative` (your `style` wins), the virtualized rows `position: absolute;
 * top: 0; inset-inline-start: 0; width: 100%`, the live row `position: relative;
 * transform: none`.
 */
export const Messages = forwardRef<HTMLDivElement, ThreadMessagesProps>(function Messages(
  { children, components, rowClassName, style, onFocus, onBlur, ...rest },
  ref,
) {
  const {
    ids,
    items,
    liveIndex,
    measureRow,
    spacerRef,
    followRef,
    virtualized,
    virtualizer,
    setContent,
    setFocusedId,
  } = useThreadContext('Messages')
  const contentRef = useRef<HTMLDivElement | null>(null)
  const composedRef = useMemo(
    () => composeRefs<HTMLDivElement>(ref, setContent, contentRef),
    [ref, setContent],
  )
  const onRowFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
      setFocusedId(row ? ids[Number(row.dataset.index)] : undefined)
    },
    [ids, setFocusedId],
  )
  const onRowBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(undefined)
    },
    [setFocusedId],
  )
  useSetSize(contentRef, virtualized ? ids.length : undefined)
  const Message = components?.Message ?? DefaultMessage
  const rowProps = { Message, render: children, className: rowClassName }
  const virtualRow = (index: number, layout?: 'positioned') => (
    <Row
      key={ids[index]}
      id={ids[index]}
      index={index}
      virtual
      layout={layout}
      measure={measureRow}
      {...rowProps}
    />
  )
  let rows: ReactNode
  if (!items) {
    rows = ids.map((id, index) => (
      <Row key={id} id={id} index={index} virtual={false} measure={undefined} {...rowProps} />
    ))
  } else if (liveIndex === undefined) {
    rows = items.map((item) => virtualRow(item.index))
  } else {
    const indexes = items.map((item) => item.index).filter((index) => index < liveIndex)
    // The former live row, right after a message was appended: the virtualizer's window catches
    // up in the next commit; rendered now, it keeps its element (no remount, no flash).
    if (liveIndex > 0 && !indexes.includes(liveIndex - 1)) indexes.push(liveIndex - 1)
    rows = [
      <div key="awr-spacer" ref={spacerRef} data-awr="thread-spacer" aria-hidden />,
      ...indexes.map((index) => virtualRow(index, 'positioned')),
      <Row
        key={ids[liveIndex]}
        id={ids[liveIndex]}
        index={liveIndex}
        virtual
        layout="live"
        measure={followRef}
        {...rowProps}
      />,
    ]
  }
  return (
    <div
      {...rest}
      ref={composedRef}
      style={liveIndex === undefined ? style : { ...CONTENT_STYLE, ...style }}
      data-awr="thread-messages"
      data-virtualized={virtualizer === 'on' || undefined}
      onFocus={composeEventHandlers(onFocus, onRowFocus)}
      onBlur={composeEventHandlers(onBlur, onRowBlur)}
    >
      {rows}
    </div>
  )
})
