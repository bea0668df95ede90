import fc from 'fast-check'
import { Allow, parse as partialJson } from 'partial-json'
import { describe, expect, it } from 'vitest'
import { PartialJsonParser } from '../../../src/core/reducer/PartialJsonParser'

const parseAll = (text: string) => new PartialJsonParser().push(text).value

/** `partial-json` (`Allow.ALL`), `undefined` where it throws or the text is blank. */
function oracle(prefix: string): unknown {
  if (prefix.trim() === '') return undefined
  try {
    return partialJson(prefix, Allow.ALL)
  } catch {
    return undefined
  }
}

/** Splits `text` at `cuts` (positions, any order, duplicates allowed). */
function split(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b)
  const out: string[] = []
  let last = 0
  for (const c of at) {
    out.push(text.slice(last, c))
    last = c
  }
  out.push(text.slice(last))
  return out
}

/** Texts made of JSON tokens in any order: mostly malformed, sometimes valid. */
const tokenSoup = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"',
      '1',
      '0',
      '-',
      '.',
      'e',
      '+',
      'true',
      'nul',
      ' ',
      '\\',
      'u12',
      '\n',
    ),
    { maxLength: 12 },
  )
  .map((tokens) => tokens.join(''))

const documents = fc
  .tuple(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 2))
  .map(([value, indent]) => JSON.stringify(value, null, indent))

describe('PartialJsonParser', () => {
  it('reads complete documents as JSON.parse does, in any number of pieces', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const parser = new PartialJsonParser()
        for (const piece of split(text, cuts)) parser.push(piece)
        expect(parser.error).toBeUndefined()
        expect(parser.value).toStrictEqual(JSON.parse(text))
      }),
      { numRuns: 400 },
    )
  })

  // Documented differences: partial-json drops a number ending in '.' (we keep its integer
  // part), trims the text, cutting trailing spaces off an open string (we keep them), and sets a
  // "__proto__" key as the prototype (we keep an own member, as JSON.parse does).
  it('reads every prefix as partial-json does', () => {
    fc.assert(
      fc.property(documents, (text) => {
        fc.pre(!text.includes('"__proto__"'))
        const parser = new PartialJsonParser()
        for (let i = 1; i <= text.length; i++) {
          parser.push(text[i - 1])
          const prefix = text.slice(0, i)
          if (/\s$/.test(prefix)) continue
          const ours = parser.value
          let expected = oracle(prefix)
          if (!isEqual(ours, expected) && /\d\.$/.test(prefix))
            expected = oracle(prefix.slice(0, -1))
          expect(ours, prefix).toStrictEqual(expected)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('gives the same value whichever way the text is cut', () => {
    fc.assert(
      fc.property(documents, fc.nat(), fc.array(fc.nat(), { maxLength: 8 }), (text, end, cuts) => {
        const prefix = text.slice(0, end % (text.length + 1))
        const parser = new PartialJsonParser()
        for (const piece of split(prefix, cuts)) parser.push(piece)
        expect(parser.value).toStrictEqual(parseAll(prefix))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps the identity of completed containers across reads, and of the value between pushes', () => {
    const parser = new PartialJsonParser().push('{"done":{"a":[1,2]},"rows":[{"x":1},')
    const first = parser.value as { done: unknown; rows: unknown[] }
    expect(parser.value).toBe(first)
    parser.push('{"x":2')
    const second = parser.value as { done: unknown; rows: unknown[] }
    expect(second).not.toBe(first)
    expect(second.done).toBe(first.done)
    expect(second.rows[0]).toBe(first.rows[0])
    expect(second).toStrictEqual({ done: { a: [1, 2] }, rows: [{ x: 1 }, { x: 2 }] })
  })

  it('completes open strings, literals and containers like partial-json', () => {
    const cases: [string, unknown][] = [
      ['', undefined],
      ['  ', undefined],
      ['{"city":"Par', { city: 'Par' }],
      ['{"city', {}],
      ['{"city":', {}],
      ['{"a":"x\\', { a: 'x' }],
      ['{"a":"x\\u00', { a: 'x' }],
      ['{"a":"x\\u00e9', { a: 'xé' }],
      ['[tr', [true]],
      ['[1, n', [1, null]],
      ['{"a": {"b": [', { a: { b: [] } }],
      ['12.', 12],
      ['-', undefined],
      ['[-', []],
      ['[1.5e', [1.5]],
      ['[1.5e-', [1.5]],
      ['"abc', 'abc'],
      ['"abc  ', 'abc  '],
    ]
    for (const [text, value] of cases) expect(parseAll(text), text).toStrictEqual(value)
  })

  it('stops at malformed text with the offset, and then reads undefined', () => {
    for (const [text, error] of [
      ['{"a" 1}', "expected ':', got '1' at offset 5"],
      ['{} x', "unexpected 'x' after the value at offset 3"],
      ['[1,]', "unexpected ']' at offset 3"],
      ['[01]', "malformed number '01' at offset 3"],
      ['"a\u0001"', 'control character in a string at offset 2'],
      ['"\\x"', "invalid escape '\\x' at offset 2"],
      ['[1}', "expected ',' or ']', got '}' at offset 2"],
      ['{"a":tru}', "expected 'e' at offset 8"],
    ] as const) {
      const parser = new PartialJsonParser().push(text)
      expect(parser.error, text).toBe(error)
      expect(parser.value).toBeUndefined()
      expect(() => JSON.parse(text)).toThrow()
    }
  })

  it('rejects what JSON.parse rejects, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), tokenSoup), (text) => {
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        const parser = new PartialJsonParser().push(text)
        if (valid) {
          // a top-level number is complete only once something follows it
          expect(parser.value).toStrictEqual(JSON.parse(text))
          expect(parser.error).toBeUndefined()
        } else expect(parser.complete && parser.error === undefined).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('stores a __proto__ member as JSON.parse does', () => {
    const value = parseAll('{"__proto__":{"polluted":true},"a":1') as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value)).toEqual(['__proto__', 'a'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

function isEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toStrictEqual(b)
    return true
  } catch {
    return false
  }
}
