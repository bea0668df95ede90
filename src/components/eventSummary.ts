/** At most this many characters of a delta or message in a one-line summary. */
const MAX = 60

const clip = (text: string) => (text.length > MAX ? `${text.slice(0, MAX)}…` : text)

/**
 * A one-line summary of an AG-UI event for the inspector's list: its ids and, for deltas, the
 * text (clipped to 60 characters). Never throws on malformed events.
 */
export function eventSummary(event: unknown): string {
  if (typeof event !== 'object' || event === null) return String(event)
  const e = event as Record<string, unknown>
  const parts: string[] = []
  for (const key of [
    'runId',
    'stepName',
    'messageId',
    'toolCallId',
    'toolCallName',
    'subagentRunId',
    'name',
  ]) {
    if (typeof e[key] === 'string') parts.push(`${key}=${e[key] as string}`)
  }
  if (typeof e.delta === 'string') parts.push(JSON.stringify(clip(e.delta)))
  else if (Array.isArray(e.delta)) parts.push(`${e.delta.length} op(s)`)
  if (typeof e.message === 'string') parts.push(clip(e.message))
  const outcome = (e.outcome as { type?: unknown } | undefined)?.type
  if (typeof outcome === 'string') parts.push(`outcome=${outcome}`)
  return parts.join(' ')
}

/**
 * Which human-in-the-loop lifecycle an event belongs to, for the inspector's marks and its
 * "Approvals and interrupts" filter: `interrupt` (a `RUN_FINISHED` with outcome `interrupt`, a
 * `RUN_STARTED` whose input resumes), `tool` (`TOOL_CALL_START`/`END`/`RESULT`), else `undefined`.
 */
export function eventLifecycle(event: unknown): 'interrupt' | 'tool' | undefined {
  const e = event as { type?: unknown; outcome?: { type?: unknown }; input?: { resume?: unknown } }
  if (e?.type === 'RUN_FINISHED' && e.outcome?.type === 'interrupt') return 'interrupt'
  if (e?.type === 'RUN_STARTED' && Array.isArray(e.input?.resume)) return 'interrupt'
  if (
    e?.type === 'TOOL_CALL_START' ||
    e?.type === 'TOOL_CALL_END' ||
    e?.type === 'TOOL_CALL_RESULT'
  )
    return 'tool'
  return undefined
}
