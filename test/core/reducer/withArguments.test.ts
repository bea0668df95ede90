import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ToolCall } from '../../../src/core'
import { withArguments } from '../../../src/core/reducer/withArguments'

/** What `withArguments` must equal: spread copies with `function.arguments` replaced. */
const spread = (c: ToolCall, args: string): ToolCall => ({
  ...c,
  function: { ...c.function, arguments: args },
})

describe('withArguments', () => {
  it('copies a plain call delta after delta, keys in order, the input untouched', () => {
    let c: ToolCall = { id: 'c', type: 'function', function: { name: 'f', arguments: '' } }
    for (const d of ['{"a"', ':1', '}']) {
      const before = structuredClone(c)
      const next = withArguments(c, c.function.arguments + d)
      expect(next).not.toBe(c)
      expect(next.function).not.toBe(c.function)
      expect(Object.keys(next)).toEqual(['id', 'type', 'function'])
      expect(next).toStrictEqual(spread(c, c.function.arguments + d))
      expect(c).toStrictEqual(before)
      c = next
    }
    expect(c.function.arguments).toBe('{"a":1}')
  })

  it('keeps metadata, encryptedValue and extra function keys, token after token', () => {
    const starts = [
      { id: 'a', type: 'function', function: { name: 'f', arguments: '' }, metadata: { k: 1 } },
      { id: 'b', type: 'function', function: { name: 'f', arguments: '', extra: true } },
      { type: 'function', id: 'c', function: { name: 'f', arguments: '' } },
      { id: 'd', type: 'function', function: { arguments: '', name: 'f' } },
      { id: 'e', type: 'function', function: { name: 'f', arguments: '' }, encryptedValue: 'x' },
    ] as ToolCall[]
    for (const start of starts) {
      let c = start
      for (let i = 0; i < 3; i++) {
        const next = withArguments(c, `${c.function.arguments}${i}`)
        expect(Object.keys(next)).toEqual(Object.keys(spread(c, '')))
        expect(Object.keys(next.function)).toEqual(Object.keys(spread(c, '').function))
        expect(next).toStrictEqual(spread(c, `${c.function.arguments}${i}`))
        c = next
      }
    }
  })

  it('equals the spread copy for any interleaving of calls and shapes (property)', () => {
    const call = fc.record(
      {
        id: fc.string(),
        type: fc.constant('function' as const),
        function: fc.record(
          { name: fc.string(), arguments: fc.string(), note: fc.string() },
          { requiredKeys: ['name', 'arguments'] },
        ),
        metadata: fc.dictionary(fc.string(), fc.integer()),
      },
      { requiredKeys: ['id', 'type', 'function'] },
    )
    fc.assert(
      fc.property(
        fc.array(call, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.string()), { maxLength: 40 }),
        (starts, steps) => {
          const ours = starts.map((c) => structuredClone(c) as ToolCall)
          const plain = starts.map((c) => structuredClone(c) as ToolCall)
          for (const [pick, delta] of steps) {
            const i = pick % ours.length
            const args = plain[i].function.arguments + delta
            ours[i] = withArguments(ours[i], args)
            plain[i] = spread(plain[i], args)
          }
          for (let i = 0; i < ours.length; i++) {
            expect(Object.keys(ours[i])).toEqual(Object.keys(plain[i]))
            expect(Object.keys(ours[i].function)).toEqual(Object.keys(plain[i].function))
            expect(ours[i]).toStrictEqual(plain[i])
          }
        },
      ),
    )
  })
})
