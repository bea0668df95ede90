/**
 * The always-on compatibility boundary for retired wire forms (spec 1.1, "Processing model":
 * compatibility runs before enforcement), plus the downgrades a pinned older peer needs.
 *
 * - `THINKING_START` / `THINKING_END` → `REASONING_START` / `REASONING_END`;
 *   `THINKING_TEXT_MESSAGE_START` / `_CONTENT` / `_END` → `REASONING_MESSAGE_START` / `_CONTENT` / `_END`;
 *   the pre-0.0.45 `THINKING_CONTENT` reads like `THINKING_TEXT_MESSAGE_CONTENT`. The retired
 *   events carry no ids, so ids are minted deterministically from the run: `<runId>:reasoning:<n>`.
 *   A content event with no open thinking message becomes a `REASONING_MESSAGE_CHUNK`, which
 *   opens the message itself.
 * - `null` in optional fields retired producers filled with null (`rawEvent`, `result`,
 *   `outcome`, `parentMessageId`) reads as absent.
 * - Legacy `binary` content parts in `MESSAGES_SNAPSHOT` / `RUN_STARTED.input` are upgraded.
 * - For a peer pinned at or below 0.0.57 (`dropSubagents`), `SUBAGENT_*` events are dropped
 *   with a warning and `subagentRunId` attribution is removed.
 */
import type { Diagnostic } from './Diagnostic'
import { isPlainObject } from './isPlainObject'
import { upgradeLegacyMessages } from './upgradeLegacyContent'

type RawEvent = Record<string, unknown>

/** The retired `THINKING_*` event types this boundary translates. */
export const RETIRED_THINKING_TYPES: ReadonlySet<string> = new Set([
  'THINKING_START',
  'THINKING_END',
  'THINKING_CONTENT',
  'THINKING_TEXT_MESSAGE_START',
  'THINKING_TEXT_MESSAGE_CONTENT',
  'THINKING_TEXT_MESSAGE_END',
])

const NULLABLE_LEGACY: Record<string, readonly string[]> = {
  RUN_FINISHED: ['result', 'outcome'],
  SUBAGENT_FINISHED: ['result'],
  TOOL_CALL_START: ['parentMessageId'],
  TOOL_CALL_CHUNK: ['parentMessageId'],
}

/** Stateful translator of one event stream; see the module docs. */
export interface LegacyTranslator {
  /**
   * Translates one raw event (a plain object with a string `type`). Returns the event to
   * validate (possibly `event` itself), or `undefined` when the event is dropped. Pushes the
   * diagnostics the translation produced.
   */
  translate(event: RawEvent, diagnostics: Diagnostic[]): RawEvent | undefined
}

/**
 * Creates a {@link LegacyTranslator} for one stream.
 *
 * @param options.dropSubagents true when the peer predates subagents (protocol ≤ 0.0.57).
 */
export function createLegacyTranslator(options: { dropSubagents: boolean }): LegacyTranslator {
  let runId: string | undefined
  let minted = 0
  let spanId: string | undefined
  let messageId: string | undefined
  let chunkMessageId: string | undefined

  const mint = () => `${runId ?? 'run'}:reasoning:${++minted}`

  function thinking(event: RawEvent, diagnostics: Diagnostic[]): RawEvent | undefined {
    const original = event.type as string
    const rest: RawEvent = { ...event }
    delete rest.title
    const note = (to: string, extra = '') =>
      diagnostics.push({
        level: 'info',
        code: 'thinking_translated',
        message: `Translated the retired ${original} event to ${to}.${extra}`,
        eventType: original,
      })
    switch (original) {
      case 'THINKING_START': {
        spanId = mint()
        messageId = chunkMessageId = undefined
        const title =
          event.title === undefined
            ? ''
            : ` Its title ${JSON.stringify(event.title)} has no 1.0 field and is dropped.`
        note('REASONING_START', title)
        return { ...rest, type: 'REASONING_START', messageId: spanId }
      }
      case 'THINKING_TEXT_MESSAGE_START':
        messageId = mint()
        chunkMessageId = undefined
        note('REASONING_MESSAGE_START')
        return { ...rest, type: 'REASONING_MESSAGE_START', messageId, role: 'reasoning' }
      case 'THINKING_CONTENT':
      case 'THINKING_TEXT_MESSAGE_CONTENT':
        if (messageId !== undefined) {
          note('REASONING_MESSAGE_CONTENT')
          return { ...rest, type: 'REASONING_MESSAGE_CONTENT', messageId }
        }
        chunkMessageId ??= mint()
        note('REASONING_MESSAGE_CHUNK', ' No thinking message was open, so the chunk opens one.')
        return { ...rest, type: 'REASONING_MESSAGE_CHUNK', messageId: chunkMessageId }
      case 'THINKING_TEXT_MESSAGE_END': {
        if (messageId === undefined && chunkMessageId !== undefined) {
          chunkMessageId = undefined
          note('nothing', ' The chunk-opened reasoning message closes with the next event.')
          return undefined
        }
        const id = messageId ?? mint()
        messageId = undefined
        note('REASONING_MESSAGE_END')
        return { ...rest, type: 'REASONING_MESSAGE_END', messageId: id }
      }
      default: {
        // THINKING_END
        const id = spanId ?? mint()
        spanId = messageId = chunkMessageId = undefined
        note('REASONING_END')
        return { ...rest, type: 'REASONING_END', messageId: id }
      }
    }
  }

  function withoutNulls(event: RawEvent, diagnostics: Diagnostic[]): RawEvent {
    const type = event.type as string
    let out = event
    for (const key of ['rawEvent', ...(NULLABLE_LEGACY[type] ?? [])]) {
      if (out[key] !== null) continue
      out = { ...out }
      delete out[key]
      diagnostics.push({
        level: 'warning',
        code: 'null_field_removed',
        message: `Removed '${key}: null' on ${type}: the field is optional and never null, so it reads as absent.`,
        eventType: type,
      })
    }
    return out
  }

  function withoutAttribution(event: RawEvent): RawEvent {
    const strip = (v: unknown) => {
      if (!isPlainObject(v) || !('subagentRunId' in v)) return v
      const { subagentRunId: _drop, ...rest } = v
      return rest
    }
    const out = strip(event) as RawEvent
    if (Array.isArray(out.messages)) out.messages = out.messages.map(strip)
    if (isPlainObject(out.outcome) && Array.isArray(out.outcome.interrupts)) {
      out.outcome = { ...out.outcome, interrupts: out.outcome.interrupts.map(strip) }
    }
    if (isPlainObject(out.input) && Array.isArray(out.input.messages)) {
      out.input = { ...out.input, messages: out.input.messages.map(strip) }
    }
    return out
  }

  return {
    translate(event, diagnostics) {
      const type = event.type as string
      let out: RawEvent | undefined = event
      if (RETIRED_THINKING_TYPES.has(type)) out = thinking(event, diagnostics)
      if (out === undefined) return undefined
      if (options.dropSubagents) {
        if (type.startsWith('SUBAGENT_')) {
          diagnostics.push({
            level: 'warning',
            code: 'subagent_event_dropped',
            message: `AG-UI is dropping ${type} because the peer (protocol 0.0.57 or older) predates subagent support.`,
            eventType: type,
          })
          return undefined
        }
        out = withoutAttribution(out)
      }
      out = withoutNulls(out, diagnostics)
      if (type === 'MESSAGES_SNAPSHOT' && Array.isArray(out.messages)) {
        const messages = upgradeLegacyMessages(out.messages, diagnostics)
        if (messages !== out.messages) out = { ...out, messages }
      }
      if (type === 'RUN_STARTED') {
        if (typeof out.runId === 'string') runId = out.runId
        const input = out.input
        if (isPlainObject(input) && Array.isArray(input.messages)) {
          const messages = upgradeLegacyMessages(input.messages, diagnostics)
          if (messages !== input.messages) out = { ...out, input: { ...input, messages } }
        }
      }
      return out
    },
  }
}
