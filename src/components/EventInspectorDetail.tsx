import { useId, useMemo, type ReactNode } from 'react'
import type { EventLogEntry } from '../core/status/EventLog'
import { reduceEventLog } from '../core/status/reduceEventLog'
import type { StatusLabels } from '../primitives/status/StatusLabels'

/** Props of {@link EventInspectorDetail}. */
export interface EventInspectorDetailProps {
  entries: readonly EventLogEntry[]
  /** Index into `entries` of the selected event, or -1. */
  index: number
  labels: StatusLabels
}

/** Most characters of the state JSON shown (the rest is cut with an ellipsis). */
const STATE_CHARS = 20_000

const json = (value: unknown, max = STATE_CHARS) => {
  let text: string
  try {
    text = JSON.stringify(value, null, 2) ?? 'undefined'
  } catch {
    text = String(value)
  }
  return text.length > max ? `${text.slice(0, max)}…` : text
}

interface PatchOp {
  op?: unknown
  path?: unknown
  from?: unknown
  value?: unknown
}

/**
 * The inspector's detail pane for one event: its JSON, a JSON Patch view of a `STATE_DELTA`
 * (one row per operation, `data-op`), and the snapshot right after it (time travel:
 * `reduceEventLog(events, { upTo })`, O(index)): run status, message count, state, and the
 * approval/interrupt lifecycle (tool calls and interrupts with their status). Messages the
 * store added itself (the user's) are not events and do not appear there.
 */
export function EventInspectorDetail({
  entries,
  index,
  labels,
}: EventInspectorDetailProps): ReactNode {
  const headingId = useId()
  const events = useMemo(() => entries.map((e) => e.event), [entries])
  const snapshot = useMemo(
    () => (index < 0 ? undefined : reduceEventLog(events, { upTo: index })),
    [events, index],
  )
  const entry = entries[index]
  if (!entry || !snapshot) {
    return (
      <div className="awr-inspector-detail" role="region" aria-label={labels.snapshotAfter}>
        <p>{labels.selectEvent}</p>
      </div>
    )
  }
  const event = entry.event as unknown as { type?: unknown; delta?: unknown }
  const patch =
    event.type === 'STATE_DELTA' && Array.isArray(event.delta) ? (event.delta as PatchOp[]) : []
  const toolCalls = Object.values(snapshot.toolCalls)
  return (
    <div className="awr-inspector-detail" role="region" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {labels.snapshotAfter} #{entry.seq} ({String(event.type)})
      </h3>
      <pre data-part="event">{json(entry.event)}</pre>
      {patch.length > 0 && (
        <>
          <h4>{labels.patch}</h4>
          <ol className="awr-inspector-patch" data-part="patch">
            {patch.map((op, i) => (
              <li key={i} data-op={String(op.op)}>
                <code>{String(op.op)}</code> <code>{String(op.path)}</code>
                {op.from !== undefined && (
                  <>
                    {' '}
                    ← <code>{String(op.from)}</code>
                  </>
                )}
                {op.value !== undefined && (
                  <>
                    {' '}
                    = <code>{json(op.value, 200)}</code>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <dl data-part="snapshot">
        <dt>run</dt>
        <dd data-part="run-status">
          {snapshot.run.status}
          {snapshot.run.runId !== undefined && ` (${snapshot.run.runId})`}
          {snapshot.run.error && ` — ${snapshot.run.error.code}: ${snapshot.run.error.message}`}
        </dd>
        <dt>{labels.messages}</dt>
        <dd data-part="message-count">{snapshot.messages.length}</dd>
      </dl>
      <h4>state</h4>
      <pre data-part="state">{json(snapshot.state)}</pre>
      {(toolCalls.length > 0 || snapshot.interrupts.length > 0) && (
        <>
          <h4>{labels.lifecycle}</h4>
          <ul data-part="lifecycle">
            {toolCalls.map((c) => (
              <li key={`tool:${c.id}`} data-state={c.status}>
                tool <code>{c.name}</code> {c.id}: {c.status}
              </li>
            ))}
            {snapshot.interrupts.map((i) => (
              <li key={`interrupt:${i.id}`} data-state={i.state}>
                interrupt <code>{i.reason}</code> {i.id}: {i.state}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
