import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonNumberEnd } from '../../../src/core/reducer/jsonNumberEnd'

describe('jsonNumberEnd', () => {
  it('ends a run of number characters at the first other character', () => {
    expect(jsonNumberEnd('123,', 0)).toBe(3)
    expect(jsonNumberEnd('[-1.5e+10]', 1)).toBe(9)
    expect(jsonNumberEnd('{"n":2E-3}', 5)).toBe(9)
    expect(jsonNumberEnd('x', 0)).toBe(0) // not a number character: the run is empty
  })

  it('runs to the end of the text when nothing else follows (a number still streaming)', () => {
    expect(jsonNumberEnd('[1, 42', 4)).toBe(6)
    expect(jsonNumberEnd('7', 0)).toBe(1)
    expect(jsonNumberEnd('', 0)).toBe(0)
  })

  it('agrees with a regular expression over any text and start', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (text, at) => {
        const from = Math.min(at, text.length)
        const run = /^[0-9+\-.eE]*/.exec(text.slice(from))![0]
        expect(jsonNumberEnd(text, from)).toBe(from + run.length)
      }),
    )
  })
})
