import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { parseFrameJson } from '../../../src/core/transport/parseFrameJson'

/** What `JSON.parse` gives or throws, for comparing outcomes (members in order, error message). */
function outcome(parse: (text: string) => unknown, text: string) {
  try {
    const value = parse(text)
    return { value, keys: value && typeof value === 'object' ? Object.keys(value) : [] }
  } catch (error) {
    return { threw: (error as Error).constructor.name, message: (error as Error).message }
  }
}

const TYPES = ['TEXT_MESSAGE_CONTENT', 'REASONING_MESSAGE_CONTENT', 'TOOL_CALL_ARGS'] as const

/** Any string, including escapes to write, control characters, quotes and lone surrogates. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '\n', '\t', '\u0000', '\u001f', 'é', '\ud800', 'a', ' '),
  }),
)

const deltaEvent = fc.record({
  type: fc.constantFrom(...TYPES),
  id: anyString,
  delta: anyString,
})

function compact(e: { type: string; id: string; delta: string }): string {
  const idKey = e.type === 'TOOL_CALL_ARGS' ? 'toolCallId' : 'messageId'
  return JSON.stringify({ type: e.type, [idKey]: e.id, delta: e.delta })
}

describe('parseFrameJson', () => {
  it('reads compact streaming deltas exactly as JSON.parse does (shortcut taken)', () => {
    const text = '{"type":"TEXT_MESSAGE_CONTENT","messageId":"m1","delta":" hi"}'
    const parsed = parseFrameJson(text)
    expect(parsed).toEqual({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm1', delta: ' hi' })
    expect(Object.keys(parsed as object)).toEqual(['type', 'messageId', 'delta'])
    const args = parseFrameJson('{"type":"TOOL_CALL_ARGS","toolCallId":"c","delta":"{"}')
    expect(Object.keys(args as object)).toEqual(['type', 'toolCallId', 'delta'])
    expect(args).toEqual({ type: 'TOOL_CALL_ARGS', toolCallId: 'c', delta: '{' })
  })

  it('takes the shortcut for compact deltas and JSON.parse for the rest', () => {
    const spy = vi.spyOn(JSON, 'parse')
    try {
      parseFrameJson('{"type":"REASONING_MESSAGE_CONTENT","messageId":"r","delta":"why"}')
      expect(spy).not.toHaveBeenCalled()
      parseFrameJson('{"type":"TEXT_MESSAGE_START","messageId":"m","role":"assistant"}')
      expect(spy).toHaveBeenCalledTimes(1)
    } finally {
      spy.mockRestore()
    }
  })

  it('equals JSON.parse on any delta event JSON.stringify writes (escapes, controls, surrogates)', () => {
    fc.assert(
      fc.property(deltaEvent, (e) => {
        const text = compact(e)
        expect(outcome(parseFrameJson, text)).toEqual(outcome(JSON.parse, text))
      }),
      { numRuns: 2000 },
    )
  })

  it('equals JSON.parse, or throws its error, on any edit of such a frame', () => {
    const edited = fc
      .tuple(deltaEvent, fc.nat(), fc.nat({ max: 3 }), anyString)
      .map(([e, at, cut, insert]) => {
        const text = compact(e)
        const i = at % (text.length + 1)
        return text.slice(0, i) + insert + text.slice(i + cut)
      })
    fc.assert(
      fc.property(edited, (text) => {
        expect(outcome(parseFrameJson, text)).toEqual(outcome(JSON.parse, text))
      }),
      { numRuns: 3000 },
    )
  })

  it('leaves other shapes to JSON.parse: extra members, whitespace, other order, raw controls', () => {
    const cases = [
      '{"type":"TEXT_MESSAGE_CONTENT","messageId":"m","delta":"a","timestamp":1}',
      '{"type":"TEXT_MESSAGE_CONTENT","messageId":"m","delta":"a","delta":"b"}',
      '{"type": "TEXT_MESSAGE_CONTENT","messageId":"m","delta":"a"}',
      '{"type":"TEXT_MESSAGE_CONTENT","messageId":"m","delta":"a"} ',
      '{"messageId":"m","type":"TEXT_MESSAGE_CONTENT","delta":"a"}',
      '{"type":"TEXT_MESSAGE_CONTENT","messageId":"m","delta":"a\\u0041\\n"}',
      '{"type":"TEXT_MESSAGE_CONTENT","messageId":"m","delta":"a\tb"}',
      '{"type":"TEXT_MESSAGE_CONTENT","toolCallId":"m","delta":"a"}',
      '{"type":"TEXT_MESSAGE_CHUNK","messageId":"m","delta":"a"}',
      '{"type":"TEXT_MESSAGE_CONTENT","messageId":"m","delta":"a"',
      `{"type":"TEXT_MESSAGE_CONTENT","messageId":"m","delta":"${'x'.repeat(5000)}"}`,
    ]
    for (const text of cases)
      expect(outcome(parseFrameJson, text)).toEqual(outcome(JSON.parse, text))
  })
})
