import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import { createLegacyTranslator } from '../../../src/core/protocol/createLegacyTranslator'
import { EVENT_SCHEMAS } from '../../../src/core/protocol/eventSchemas'
import { parseDeltaEvent } from '../../../src/core/protocol/parseDeltaEvent'
import { parseEvent } from '../../../src/core/protocol/parseEvent'
import { stripUnknown } from '../../../src/core/protocol/stripUnknown'

/** The full path of `createEventParser` (translation, strip, schema), without the fast path. */
function fullPath(raw: Record<string, unknown>) {
  const diagnostics: Diagnostic[] = []
  const translated = createLegacyTranslator({ dropSubagents: false }).translate(raw, diagnostics)
  const schema = EVENT_SCHEMAS.get(raw.type as string)!
  const { value, stripped } = stripUnknown(translated, schema)
  const result = schema.safeParse(value)
  return { ok: result.success, data: result.data, changed: diagnostics.length + stripped.length }
}

const anyValue = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(null, true, 1e21, -0, 2 ** 53, 1.5),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
)
/** Delta-like events: right or wrong types, known and unknown members, as they come off the wire. */
const types = fc.constantFrom('TEXT_MESSAGE_CONTENT', 'REASONING_MESSAGE_CONTENT', 'TOOL_CALL_ARGS')
const candidates = fc
  .oneof(
    fc.record(
      {
        type: types,
        messageId: fc.oneof(fc.string({ maxLength: 4 }), anyValue),
        toolCallId: fc.oneof(fc.string({ maxLength: 4 }), anyValue),
        delta: fc.oneof(fc.string({ maxLength: 6 }), anyValue),
        timestamp: fc.oneof(fc.integer(), anyValue),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      {
        type: types,
        messageId: fc.oneof(fc.string({ maxLength: 4 }), anyValue),
        toolCallId: fc.oneof(fc.string({ maxLength: 4 }), anyValue),
        delta: fc.oneof(fc.string({ maxLength: 6 }), anyValue),
        timestamp: fc.oneof(fc.integer(), anyValue),
        metadata: anyValue,
        rawEvent: anyValue,
        subagentRunId: anyValue,
        extra: anyValue,
        __proto__: anyValue,
      },
      { requiredKeys: ['type'] },
    ),
  )
  .map((e) => JSON.parse(JSON.stringify(e)) as Record<string, unknown>)

describe('parseDeltaEvent (the fast path of event validation)', () => {
  it('accepts only what the full path accepts unchanged, and returns the same event', () => {
    let accepted = 0
    fc.assert(
      fc.property(candidates, (raw) => {
        const fast = parseDeltaEvent(raw)
        const full = fullPath(raw)
        if (fast !== undefined) {
          accepted++
          expect(fast).toBe(raw)
          expect(full.ok).toBe(true)
          expect(full.changed).toBe(0)
          expect(full.data).toStrictEqual({ ...raw })
        }
      }),
      { numRuns: 3000 },
    )
    expect(accepted).toBeGreaterThan(20)
  })

  it('takes every plain delta event (id, delta, optional integer timestamp)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('TEXT_MESSAGE_CONTENT', 'REASONING_MESSAGE_CONTENT', 'TOOL_CALL_ARGS'),
        fc.string(),
        fc.string(),
        fc.option(fc.maxSafeInteger(), { nil: undefined }),
        (type, id, delta, timestamp) => {
          const idField = type === 'TOOL_CALL_ARGS' ? 'toolCallId' : 'messageId'
          const raw = JSON.parse(
            JSON.stringify({
              type,
              [idField]: id,
              delta,
              ...(timestamp !== undefined && { timestamp }),
            }),
          )
          expect(parseDeltaEvent(raw)).toBe(raw)
          expect(parseEvent(raw)).toEqual({ ok: true, event: raw, diagnostics: [] })
        },
      ),
    )
  })

  it('leaves other events and other shapes to the full path', () => {
    for (const raw of [
      null,
      'TEXT_MESSAGE_CONTENT',
      [],
      { type: 'TEXT_MESSAGE_START', messageId: 'm' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'a', subagentRunId: 's' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'a', metadata: {} },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'a', rawEvent: null },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'a', timestamp: 1.5 },
      { type: 'TOOL_CALL_ARGS', messageId: 'm', delta: 'a' },
      Object.assign(Object.create({ inherited: 1 }), {
        type: 'TOOL_CALL_ARGS',
        toolCallId: 't',
        delta: '',
      }),
    ])
      expect(parseDeltaEvent(raw)).toBeUndefined()
  })
})
