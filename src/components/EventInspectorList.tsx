import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import type { EventLogEntry } from '../core/status/EventLog'
import { formatClock, formatDuration } from '../primitives/status/formatDuration'
import { eventLifecycle, eventSummary } from './eventSummary'

/** Height of one row, px (rows are fixed-height so 100,000 rows cost nothing to lay out). */
export const EVENT_ROW_HEIGHT = 24

/** Props of {@link EventInspectorList}. */
export interface EventInspectorListProps {
  /** Every entry of the log (gaps are measured against the previous entry of the log). */
  entries: readonly EventLogEntry[]
  /** Indexes into `entries` that pass the filters, in order. */
  visible: readonly number[]
  /** Index into `entries` of the selected event, or -1. */
  selected: number
  onSelect: (index: number) => void
  label: string
  emptyLabel: string
  /** Rows rendered beyond each edge of the viewport. Default 10. */
  overscan?: number
}

const timeOf = (e: EventLogEntry | undefined) => e?.receivedAt ?? e?.timestamp

/** The size assumed while the list has no layout (hidden, or jsdom in tests): about 18 rows. */
const NO_LAYOUT_RECT = { width: 600, height: 420 }

/** Reports the scroller's size, or {@link NO_LAYOUT_RECT} while it has none. */
function observeScrollerRect(
  instance: Virtualizer<HTMLDivElement, Element>,
  report: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement
  if (!element) return undefined
  const measure = () =>
    report(
      element.clientHeight > 0
        ? { width: element.clientWidth, height: element.clientHeight }
        : NO_LAYOUT_RECT,
    )
  measure()
  if (typeof ResizeObserver === 'undefined') return undefined
  const observer = new ResizeObserver(measure)
  observer.observe(element)
  return () => observer.disconnect()
}

/**
 * The inspector's event list: a `listbox` of `option`s (seq, clock time, gap since the previous
 * event, type, summary), virtualized with `@tanstack/react-virtual` (fixed 24 px rows; only the
 * rows in view plus `overscan` are in the DOM, each with `aria-posinset`/`aria-setsize`).
 * Arrow keys, Home and End move the selection.
 */
export function EventInspectorList({
  entries,
  visible,
  selected,
  onSelect,
  label,
  emptyLabel,
  overscan = 10,
}: EventInspectorListProps): ReactNode {
  const scrollerRef = useRef<HTMLDivElement>(null)
  // The virtualizer is mutable by design; nothing here memoizes its output.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => EVENT_ROW_HEIGHT,
    overscan,
    initialRect: NO_LAYOUT_RECT,
    observeElementRect: observeScrollerRect,
  })
  const position = visible.indexOf(selected)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (visible.length === 0) return
    const last = visible.length - 1
    const next =
      event.key === 'ArrowDown'
        ? Math.min(last, position + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, position < 0 ? 0 : position - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined
    if (next === undefined) return
    event.preventDefault()
    onSelect(visible[next])
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  return (
    <div
      ref={scrollerRef}
      className="awr-inspector-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKeyDown}
      {...(selected >= 0 && position >= 0 && { 'aria-activedescendant': `awr-event-${selected}` })}
    >
      {visible.length === 0 ? (
        <div role="option" aria-selected="false" aria-disabled="true" className="awr-inspector-row">
          {emptyLabel}
        </div>
      ) : (
        <div style={{ position: 'relative', blockSize: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const index = visible[row.index]
            const entry = entries[index]
            const event = entry.event as unknown as { type?: unknown }
            const t = timeOf(entry)
            const prev = timeOf(entries[index - 1])
            const gap = t !== undefined && prev !== undefined ? t - prev : undefined
            const lifecycle = eventLifecycle(event)
            return (
              <div
                key={entry.seq}
                id={`awr-event-${index}`}
                role="option"
                aria-selected={index === selected}
                aria-posinset={row.index + 1}
                aria-setsize={visible.length}
                className="awr-inspector-row"
                data-type={String(event?.type)}
                {...(lifecycle && { 'data-lifecycle': lifecycle })}
                style={{
                  position: 'absolute',
                  insetBlockStart: row.start,
                  insetInlineStart: 0,
                  insetInlineEnd: 0,
                }}
                onClick={() => onSelect(index)}
              >
                <span>#{entry.seq}</span>
                <span>{formatClock(t)}</span>
                <span>{gap === undefined ? '' : `+${formatDuration(Math.max(0, gap))}`}</span>
                <span>
                  <b>{String(event?.type)}</b> {eventSummary(event)}
                </span>
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}
