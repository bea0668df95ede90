import {
  useCallback,
  useDeferredValue,
  useMemo,
  useState,
  type ChangeEvent,
  type ReactNode,
} from 'react'
import { AgentError } from '../core/protocol/AgentError'
import type { EventLogEntry } from '../core/status/EventLog'
import { formatEventLog, parseEventLog } from '../core/status/eventLogFormat'
import { useAgentSelector } from '../react/useAgentSelector'
import { useEventLog } from '../react/useEventLog'
import { defaultStatusLabels, type StatusLabels } from '../primitives/status/StatusLabels'
import { createEventIndex } from './createEventIndex'
import { EventInspectorDetail } from './EventInspectorDetail'
import { EventInspectorList } from './EventInspectorList'
import { eventLifecycle } from './eventSummary'
import { replayEventLog } from './replayEventLog'

/** Props of {@link EventInspector}. */
export interface EventInspectorProps {
  /** Plain use (no provider): the entries to show. Default: the provider's event log. */
  entries?: readonly EventLogEntry[]
  /** Thread id written in the export header. Default: the provider's `threadId`. */
  threadId?: string
  /** Called with the JSON Lines text on Export instead of downloading a file. */
  onExport?: (text: string) => void
  labels?: Partial<StatusLabels>
  theme?: 'light' | 'dark'
  className?: string
}

/** The type filter's value for the approval / interrupt lifecycle rows. */
const LIFECYCLE = '__lifecycle__'

const searchText = new WeakMap<object, string>()
function textOf(event: unknown): string {
  if (typeof event !== 'object' || event === null) return String(event).toLowerCase()
  let text = searchText.get(event)
  if (text === undefined) {
    text = JSON.stringify(event).toLowerCase()
    searchText.set(event, text)
  }
  return text
}

function download(text: string, name: string) {
  if (typeof URL.createObjectURL !== 'function') return
  const url = URL.createObjectURL(new Blob([text], { type: 'application/jsonl' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A file's text (`Blob.text()`, or `FileReader` where it is missing, as in jsdom). */
function readText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
    reader.readAsText(file)
  })
}

interface Imported {
  entries: readonly EventLogEntry[]
  errors: readonly AgentError[]
  name: string
}

function InspectorView({
  entries: liveEntries,
  dropped = 0,
  threadId,
  onExport,
  labels: partial,
  theme,
  className,
}: EventInspectorProps & { entries: readonly EventLogEntry[]; dropped?: number }): ReactNode {
  const labels = useMemo(() => ({ ...defaultStatusLabels, ...partial }), [partial])
  const [imported, setImported] = useState<Imported | undefined>()
  const [replaying, setReplaying] = useState(false)
  const [type, setType] = useState('')
  const [text, setText] = useState('')
  const [selected, setSelected] = useState(-1)
  const query = useDeferredValue(text.trim().toLowerCase())
  const entries = imported?.entries ?? liveEntries

  // Incremental over the live log: each publication looks at the new events only.
  const [index] = useState(createEventIndex)
  const types = useMemo(() => index.types(entries), [index, entries])
  const visible = useMemo(() => {
    const match = (raw: unknown) => {
      const event = raw as { type?: unknown } | null
      if (type === LIFECYCLE ? !eventLifecycle(event) : type !== '' && event?.type !== type)
        return false
      return query === '' || textOf(event).includes(query)
    }
    return index.visible(entries, `${type}\u0000${query}`, match)
  }, [index, entries, type, query])

  const exportLog = useCallback(() => {
    const body = formatEventLog(
      entries.map((e) => e.event),
      {
        ...(threadId !== undefined && { threadId }),
        exportedAt: new Date().toISOString(),
      },
    )
    if (onExport) onExport(body)
    else download(body, `${threadId ?? 'thread'}.jsonl`)
  }, [entries, threadId, onExport])

  const importLog = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0]
    event.currentTarget.value = ''
    if (!file) return
    setReplaying(true)
    try {
      const parsed = parseEventLog(await readText(file))
      const { log } = await replayEventLog(parsed.events, parsed.header?.threadId)
      setImported({ entries: log.getSnapshot().entries, errors: parsed.errors, name: file.name })
      setSelected(-1)
    } catch (cause) {
      const error = new AgentError(
        'invalid_response',
        `${file.name}: ${(cause as Error)?.message ?? String(cause)}`,
        { cause },
      )
      setImported({ entries: [], errors: [error], name: file.name })
    } finally {
      setReplaying(false)
    }
  }

  return (
    <section
      className={['awr-chat', 'awr-inspector', className].filter(Boolean).join(' ')}
      aria-label={labels.inspector}
      data-awr="event-inspector"
      data-source={imported ? 'imported' : 'live'}
      {...(theme && { 'data-theme': theme })}
    >
      <div className="awr-inspector-toolbar" role="toolbar" aria-label={labels.inspector}>
        <label>
          {labels.filterType}{' '}
          <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="">{labels.allTypes}</option>
            <option value={LIFECYCLE}>{labels.lifecycle}</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          {labels.filterText}{' '}
          <input type="search" value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </label>
        <span role="status" data-part="count">
          {visible.length} / {entries.length} {labels.events.toLowerCase()}
          {!imported && dropped > 0 && ` (${dropped} ${labels.droppedEvents})`}
          {imported && ` — ${labels.imported}: ${imported.name}`}
          {replaying && ` — ${labels.replaying}`}
        </span>
        <button type="button" onClick={exportLog} disabled={entries.length === 0}>
          {labels.exportLog}
        </button>
        <label className="awr-inspector-import">
          {labels.importLog}{' '}
          <input
            type="file"
            accept=".jsonl,.ndjson,.json,application/jsonl"
            onChange={(e) => void importLog(e)}
          />
        </label>
        {imported && (
          <button type="button" onClick={() => (setImported(undefined), setSelected(-1))}>
            {labels.backToLive}
          </button>
        )}
      </div>
      {imported && imported.errors.length > 0 && (
        <ul className="awr-inspector-errors" aria-label={labels.importErrors}>
          {imported.errors.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      )}
      <div className="awr-inspector-body">
        <EventInspectorList
          entries={entries}
          visible={visible}
          selected={selected}
          onSelect={setSelected}
          label={labels.events}
          emptyLabel={labels.noEvents}
        />
        <EventInspectorDetail entries={entries} index={selected} labels={labels} />
      </div>
    </section>
  )
}

function ConnectedInspector(props: EventInspectorProps): ReactNode {
  const log = useEventLog()
  const threadId = useAgentSelector((s) => s.threadId)
  return (
    <InspectorView threadId={threadId} {...props} entries={log.entries} dropped={log.dropped} />
  )
}

/**
 * An embeddable devtools panel (issue 5): every raw event the store applied, with its time and
 * the gap since the previous one; filters by type (or the approval/interrupt lifecycle) and by
 * text; the selected event's JSON, its JSON Patch (`STATE_DELTA`) and the snapshot right after
 * it (time travel). **Export** writes the events as JSON Lines (`formatEventLog`, with a
 * `__awr_fixture__` header); **Import** reads such a file (or a JSON array) and replays it
 * through `createScriptedAgent` into a new store, shown until "Back to live".
 *
 * The list is virtualized (fixed rows): 100,000 events keep a window of rows in the DOM.
 * Connected to the nearest `AgentProvider`'s event log (`useEventLog`), or plain with
 * `entries`. Nothing runs at import time: bundles that do not import it leave it out.
 */
export function EventInspector(props: EventInspectorProps): ReactNode {
  return props.entries ? (
    <InspectorView {...props} entries={props.entries} />
  ) : (
    <ConnectedInspector {...props} />
  )
}
