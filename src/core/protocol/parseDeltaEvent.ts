import type { AgentEvent } from './types'

/**
 * The fast path of event validation for the events that make up almost every stream:
 * `TEXT_MESSAGE_CONTENT`, `REASONING_MESSAGE_CONTENT` and `TOOL_CALL_ARGS` (spec 1.1, "Events").
 * Returns `raw` itself when it is such an event in its plain form — a plain object with a string
 * id and `delta`, an optional integer `timestamp`, and no other member — which the schema
 * accepts as is (nothing to translate, strip or report). Returns `undefined` for anything else
 * (`metadata`, `rawEvent`, `subagentRunId`, an unknown member, a wrong type, `null`), which then
 * takes the full path (`createEventParser`): the fast path never accepts what the full path
 * would reject or change, and it skips the zod walk (about 2 µs an event).
 * @internal
 */
export function parseDeltaEvent(raw: unknown): AgentEvent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const event = raw as Record<string, unknown>
  const type = event.type
  let idField: string
  if (type === 'TEXT_MESSAGE_CONTENT' || type === 'REASONING_MESSAGE_CONTENT') idField = 'messageId'
  else if (type === 'TOOL_CALL_ARGS') idField = 'toolCallId'
  else return undefined
  if (typeof event[idField] !== 'string' || typeof event.delta !== 'string') return undefined
  const proto = Object.getPrototypeOf(event)
  if (proto !== Object.prototype && proto !== null) return undefined
  for (const key in event) {
    if (key === 'timestamp') {
      if (!Number.isSafeInteger(event.timestamp)) return undefined
    } else if (key !== 'type' && key !== 'delta' && key !== idField) return undefined
  }
  return event as unknown as AgentEvent
}
