import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyEvent, createSnapshot, type AgentSnapshot } from '../../../src/core'
import { PartialJsonParser } from '../../../src/core/reducer/PartialJsonParser'
import { parsePartialJson, parseToolCallArgs } from '../../../src/core/reducer/parseToolCallArgs'

let callIds = 0
function startCall(): { s: AgentSnapshot; id: string } {
  const id = `call-${++callIds}`
  let s: AgentSnapshot = createSnapshot({ threadId: 't' })
  s = applyEvent(s, { type: 'RUN_STARTED', threadId: 't', runId: 'r' } as never)
  s = applyEvent(s, { type: 'TOOL_CALL_START', toolCallId: id, toolCallName: 'write' } as never)
  return { s, id }
}
const args = (type: 'TOOL_CALL_ARGS', toolCallId: string, delta: string) =>
  ({ type, toolCallId, delta }) as never
const read = (s: AgentSnapshot, id: string) => parseToolCallArgs(id, s.toolCalls[id].args)

function pieces(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
  return [...at, text.length].map((c, i) => text.slice(i === 0 ? 0 : at[i - 1], c))
}

afterEach(() => vi.restoreAllMocks())

describe('parseToolCallArgs', () => {
  it('reads the arguments after every delta as a whole parse of the text so far, ending in JSON.parse', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (value, cuts) => {
          const text = JSON.stringify(value)
          const call = startCall()
          let s = call.s
          const id = call.id
          for (const delta of pieces(text, cuts)) {
            s = applyEvent(s, args('TOOL_CALL_ARGS', id, delta))
            expect(read(s, id)).toStrictEqual(parsePartialJson(s.toolCalls[id].args))
          }
          expect(read(s, id)).toStrictEqual(JSON.parse(text))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('parses each character once while a call streams (no re-parse per delta)', () => {
    const push = vi.spyOn(PartialJsonParser.prototype, 'push')
    const text = JSON.stringify({
      rows: Array.from({ length: 300 }, (_, i) => ({ i, name: `row ${i}` })),
    })
    const call = startCall()
    let s = call.s
    const id = call.id
    for (let i = 0; i < text.length; i += 7) {
      s = applyEvent(s, args('TOOL_CALL_ARGS', id, text.slice(i, i + 7)))
      read(s, id)
    }
    const parsed = push.mock.calls.reduce((n, [piece]) => n + piece.length, 0)
    expect(parsed).toBe(text.length)
    expect(read(s, id)).toStrictEqual(JSON.parse(text))
  })

  it('keeps completed objects from one read to the next', () => {
    const call = startCall()
    let s = call.s
    const id = call.id
    s = applyEvent(s, args('TOOL_CALL_ARGS', id, '{"first":{"a":1},"rows":['))
    const before = read(s, id) as { first: unknown }
    s = applyEvent(s, args('TOOL_CALL_ARGS', id, '{"b":2}'))
    const after = read(s, id) as { first: unknown; rows: unknown[] }
    expect(after.first).toBe(before.first)
    expect(after).toStrictEqual({ first: { a: 1 }, rows: [{ b: 2 }] })
  })

  it('reads an older snapshot, a branch and a replaced text correctly', () => {
    const call = startCall()
    let s = call.s
    const id = call.id
    s = applyEvent(s, args('TOOL_CALL_ARGS', id, '{"city":"Pa'))
    const older = s
    s = applyEvent(s, args('TOOL_CALL_ARGS', id, 'ris"}'))
    expect(read(s, id)).toEqual({ city: 'Paris' })
    expect(read(older, id)).toEqual({ city: 'Pa' })
    // two deltas applied to one snapshot
    const left = applyEvent(older, args('TOOL_CALL_ARGS', id, 'lermo"}'))
    const right = applyEvent(older, args('TOOL_CALL_ARGS', id, 'dova"}'))
    expect(read(left, id)).toEqual({ city: 'Palermo' })
    expect(read(right, id)).toEqual({ city: 'Padova' })
    expect(read(s, id)).toEqual({ city: 'Paris' })
    // the same id with another text (a MESSAGES_SNAPSHOT, another thread)
    expect(parseToolCallArgs(id, '{"city":"Rome"}')).toEqual({ city: 'Rome' })
    expect(parseToolCallArgs(id, '{"city":"Lyon", "zip": ')).toEqual({ city: 'Lyon' })
    expect(read(s, id)).toEqual({ city: 'Paris' })
  })

  it('reads empty and malformed arguments as undefined', () => {
    const call = startCall()
    let s = call.s
    const id = call.id
    expect(read(s, id)).toBeUndefined()
    s = applyEvent(s, args('TOOL_CALL_ARGS', id, '{"a":1}}'))
    expect(read(s, id)).toBeUndefined()
  })
})
