import { AgentError } from '../protocol/AgentError'

/** The `type` of the optional first line of an exported event log. */
export const EVENT_LOG_HEADER_TYPE = '__awr_fixture__'

/** The optional first line of an exported event log (never an AG-UI event: its `type` is reserved). */
export interface EventLogHeader {
  type: typeof EVENT_LOG_HEADER_TYPE
  /** Format version; this kit writes 1. */
  version: number
  threadId?: string
  /** When it was exported, ISO 8601. */
  exportedAt?: string
  /** Number of event lines that follow. */
  count?: number
  /** Free-form: app name, agent url, notes. */
  [key: string]: unknown
}

/** What {@link parseEventLog} returns. */
export interface ParsedEventLog {
  /** The events, in file order, as parsed (not validated: the store validates on replay). */
  events: unknown[]
  header?: EventLogHeader
  /** One `AgentError('invalid_json')` per line that is not a JSON object, naming the line; those lines are skipped. */
  errors: AgentError[]
}

/**
 * Writes events as JSON Lines, a replayable fixture (issue 5, "Export"): an optional header
 * line `{"type":"__awr_fixture__","version":1,...}`, then one event per line, each ending with
 * `\n`. Events are written verbatim (`JSON.stringify`); read them back with {@link parseEventLog}.
 *
 * @param events The events, e.g. `log.getSnapshot().entries.map((e) => e.event)`.
 * @param header Fields for the header line; omit for events only.
 */
export function formatEventLog(
  events: readonly unknown[],
  header?: Partial<Omit<EventLogHeader, 'type'>>,
): string {
  const lines: string[] = []
  if (header) {
    lines.push(
      JSON.stringify({ type: EVENT_LOG_HEADER_TYPE, version: 1, count: events.length, ...header }),
    )
  }
  for (const event of events) lines.push(JSON.stringify(event))
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

/**
 * Reads an event log written by {@link formatEventLog} (JSON Lines; blank lines and `\r\n`
 * ignored; a UTF-8 BOM skipped), or a JSON array of events (the `recorded-dotnet` fixtures).
 * Never throws: a line that is not a JSON object becomes an `AgentError('invalid_json')` in
 * `errors` (message `line N: ...`) and is skipped; a JSON array that does not parse is one
 * such error for line 1.
 */
export function parseEventLog(text: string): ParsedEventLog {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const errors: AgentError[] = []
  const events: unknown[] = []
  let header: EventLogHeader | undefined
  if (body.trimStart().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(body)
      if (Array.isArray(parsed)) return { events: parsed, errors }
    } catch (cause) {
      errors.push(new AgentError('invalid_json', `line 1: ${(cause as Error).message}`, { cause }))
      return { events, errors }
    }
  }
  const lines = body.split('\n')
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (line === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (cause) {
      errors.push(
        new AgentError('invalid_json', `line ${i + 1}: ${(cause as Error).message}`, { cause }),
      )
      return
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(new AgentError('invalid_json', `line ${i + 1}: not a JSON object`))
      return
    }
    if ((value as { type?: unknown }).type === EVENT_LOG_HEADER_TYPE) {
      if (header === undefined && events.length === 0) header = value as EventLogHeader
      return
    }
    events.push(value)
  })
  return { events, ...(header && { header }), errors }
}
