import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { splitEvenly, tokenize } from '../../../src/server/demo/tokenize'

describe('tokenize', () => {
  it('splits words and punctuation, keeping leading whitespace on the token', () => {
    expect(tokenize('Hi, you!')).toEqual(['Hi', ',', ' you', '!'])
    expect(tokenize('### Done\n\n- `x`')).toEqual(['#', '#', '#', ' Done', '\n\n-', ' `', 'x', '`'])
  })

  it('gives back the text exactly when joined (any string)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (s) => tokenize(s).join('') === s,
      ),
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => tokenize(s).join('') === s),
    )
  })
})

describe('splitEvenly', () => {
  it('splits into about equal consecutive slices', () => {
    expect(splitEvenly('{"title":"milk"}', 4)).toEqual(['{"ti', 'tle"', ':"mi', 'lk"}'])
    expect(splitEvenly('ab', 5)).toEqual(['a', 'b'])
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 1, max: 9 }),
        (s, n) => splitEvenly(s, n).join('') === s,
      ),
    )
  })
})
