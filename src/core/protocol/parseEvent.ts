/**
 * Per-event validation at the transport edge (spec 1.1, "Processing model": compatibility →
 * enforcement). Ordering and lifecycle rules (what may follow what) are not judged here; the
 * reducer's pipeline verifies them.
 */
import { AgentError } from './AgentError'
import type { Diagnostic } from './Diagnostic'
import { isPlainObject } from './isPlainObject'
import { checkDeclaredVersion } from './checkDeclaredVersion'
import { compareVersions, effectiveVersion, isComparableVersion } from './compareVersions'
import { createLegacyTranslator } from './createLegacyTranslator'
import { EVENT_SCHEMAS } from './eventSchemas'
import { formatIssues, jsonTypeOf } from './formatIssues'
import { parseDeltaEvent } from './parseDeltaEvent'
import { stripUnknown } from './stripUnknown'
import type { AgentEvent } from './types'

/** Options of {@link createEventParser} and {@link parseEvent}. */
export interface EventParserOptions {
  /**
   * The highest protocol version the peer speaks (a dotted version, e.g. `1.1`, `0.0.45`).
   * Default: the kit's `PROTOCOL_VERSION` (`1.1`). At or below `0.0.57`, `SUBAGENT_*` events are
   * dropped with a warning. Below `1.1`, a producer declaring `1.1` draws the "newer" warning.
   * @throws TypeError (from {@link createEventParser}) when not a dotted numeric version.
   */
  maxProtocolVersion?: string
}

/**
 * The outcome of parsing one raw event:
 * - `ok: true`: `event` is a valid AG-UI event (translated and stripped as needed);
 * - `dropped: true`: the event is not delivered (an unknown type, a retired event with no 1.0
 *   equivalent, a lifecycle event an old peer cannot receive); the run continues;
 * - `dropped: false`: the event is malformed; `error` is `AgentError('invalid_event')`, whose
 *   message names the event type and the failing field path, and whose `event` is the raw input.
 *
 * `diagnostics` always lists what was translated, stripped or dropped (SHOULD-level warnings);
 * read-only (an event with nothing to report shares one frozen empty array).
 */
export type ParseEventResult =
  | { ok: true; event: AgentEvent; diagnostics: readonly Diagnostic[] }
  | { ok: false; dropped: true; diagnostics: readonly Diagnostic[] }
  | { ok: false; dropped: false; error: AgentError; diagnostics: readonly Diagnostic[] }

/** The diagnostics of an event with nothing to report: one frozen array, no allocation per token. */
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([])

/** A stateful parser for one event stream (one run's response); see {@link createEventParser}. */
export interface EventParser {
  /** Parses the next raw event of the stream (already `JSON.parse`d). Never throws. */
  parse(raw: unknown): ParseEventResult
}

function invalid(message: string, raw: unknown, diagnostics: Diagnostic[]): ParseEventResult {
  return {
    ok: false,
    dropped: false,
    error: new AgentError('invalid_event', message, { event: raw }),
    diagnostics,
  }
}

function duplicateInterruptId(event: Record<string, any>): string | undefined {
  const interrupts: Array<{ id: string }> | undefined = event.outcome?.interrupts
  if (!interrupts) return undefined
  const seen = new Set<string>()
  for (const { id } of interrupts) {
    if (seen.has(id)) return id
    seen.add(id)
  }
  return undefined
}

/**
 * Creates a stateful event parser for one stream. State is needed because retired
 * `THINKING_*` events carry no ids: the ids minted for a thinking span must be the same on its
 * start and end events. Use one parser per stream (per `Agent.run`).
 *
 * The streaming deltas (`TEXT_MESSAGE_CONTENT`, `REASONING_MESSAGE_CONTENT`, `TOOL_CALL_ARGS`)
 * in their plain form take a fast path with the same outcome (see `parseDeltaEvent`).
 *
 * Per event, in order (spec 1.1, "Processing model"):
 * 1. not a JSON object, or no string `type` → `invalid_event`;
 * 2. compatibility: retired `THINKING_*` → `REASONING_*` (info `thinking_translated`, message
 *    names the retired type), `null` in retired-nullable optional fields → absent, legacy
 *    `binary` content parts → media parts, `SUBAGENT_*` dropped for a peer ≤ 0.0.57;
 * 3. an unknown `type` → dropped, warning `unknown_event_dropped` naming the type;
 * 4. strip: undescribed members, unrecognised union members (an unknown outcome `type`, a part
 *    of an unknown kind, a patch `op` RFC 6902 does not define) are removed, one warning
 *    `unknown_field_stripped` per JSON Pointer path (e.g. `/futureProp`, `/delta/0`). Open
 *    material is kept verbatim and draws no warning: `metadata`, `rawEvent`, `RAW.event`,
 *    `CUSTOM.value`, state snapshots, activity content, extra members of patch operations;
 * 5. schema validation: a known field with a wrong value (a number `delta`, an unknown `role`,
 *    an array `outcome`, a missing `name`) → `invalid_event`, never coerced;
 * 6. `RUN_FINISHED` with two interrupts sharing an id → `invalid_event`;
 * 7. `RUN_STARTED.protocolVersion` newer than spoken, or not `MAJOR.MINOR` → a warning.
 */
export function createEventParser(options: EventParserOptions = {}): EventParser {
  const { maxProtocolVersion } = options
  if (maxProtocolVersion !== undefined && !isComparableVersion(maxProtocolVersion)) {
    throw new TypeError(
      `maxProtocolVersion '${maxProtocolVersion}' is not a dotted numeric version`,
    )
  }
  const clientVersion = effectiveVersion(maxProtocolVersion)
  const translator = createLegacyTranslator({
    dropSubagents:
      maxProtocolVersion !== undefined && compareVersions(maxProtocolVersion, '0.0.57') <= 0,
  })

  return {
    parse(raw) {
      const delta = parseDeltaEvent(raw)
      if (delta !== undefined) return { ok: true, event: delta, diagnostics: NO_DIAGNOSTICS }
      const diagnostics: Diagnostic[] = []
      if (!isPlainObject(raw))
        return invalid(
          `An event must be a JSON object, received ${jsonTypeOf(raw)}.`,
          raw,
          diagnostics,
        )
      if (typeof raw.type !== 'string') {
        return invalid(
          `An event must have a string 'type', received ${jsonTypeOf(raw.type)}.`,
          raw,
          diagnostics,
        )
      }
      const translated = translator.translate(raw, diagnostics)
      if (translated === undefined) return { ok: false, dropped: true, diagnostics }
      const type = translated.type as string
      const schema = EVENT_SCHEMAS.get(type)
      if (!schema) {
        diagnostics.push({
          level: 'warning',
          code: 'unknown_event_dropped',
          message: `Dropped unrecognised event '${type}': the protocol does not describe it.`,
          eventType: type,
        })
        return { ok: false, dropped: true, diagnostics }
      }
      const { value, stripped } = stripUnknown(translated, schema)
      for (const path of stripped) {
        diagnostics.push({
          level: 'warning',
          code: 'unknown_field_stripped',
          message: `Removed unrecognised material at '${path}' on ${type}.`,
          eventType: type,
        })
      }
      const result = schema.safeParse(value)
      if (!result.success) {
        const origin = type === raw.type ? '' : ` (translated from the retired ${raw.type})`
        const details = formatIssues(result.error.issues, value)
        return invalid(`Invalid ${type} event${origin}: ${details}.`, raw, diagnostics)
      }
      const event = result.data as Record<string, any>
      if (type === 'RUN_FINISHED') {
        const id = duplicateInterruptId(event)
        if (id !== undefined) {
          return invalid(
            `Invalid RUN_FINISHED event: its outcome has two interrupts carrying the id '${id}'.`,
            raw,
            diagnostics,
          )
        }
      }
      if (type === 'RUN_STARTED') {
        const warning = checkDeclaredVersion(event.protocolVersion, clientVersion)
        if (warning) diagnostics.push(warning)
      }
      return { ok: true, event: event as AgentEvent, diagnostics }
    },
  }
}

/**
 * Parses one raw event with a fresh {@link createEventParser} (no memory of earlier events, so
 * ids minted for retired `THINKING_*` events are not shared across calls: parse a stream with
 * one parser instead). Never throws; see {@link ParseEventResult}.
 *
 * @example
 * const r = parseEvent(JSON.parse(frame))
 * if (r.ok) apply(r.event) else if (!r.dropped) fail(r.error)
 */
export function parseEvent(raw: unknown, options: EventParserOptions = {}): ParseEventResult {
  return createEventParser(options).parse(raw)
}
