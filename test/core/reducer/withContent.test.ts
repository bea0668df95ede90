import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { withContent } from '../../../src/core/reducer/withContent'

type Msg = { id: string; role: string; content?: unknown; [k: string]: unknown }

/** What `withContent` must equal: a spread copy with `content` replaced (same key order). */
const spread = (m: Msg, content: string): Msg => {
  const copy = { ...m }
  copy.content = content
  return copy
}

const sameCopy = (got: Msg, m: Msg, content: string) => {
  expect(got).not.toBe(m)
  expect(Object.keys(got)).toEqual(Object.keys(spread(m, content)))
  expect(got).toStrictEqual(spread(m, content))
}

describe('withContent', () => {
  it('copies a plain message token after token, keys in order, the input untouched', () => {
    let m: Msg = { id: 'a', role: 'assistant', content: '' }
    for (let i = 0; i < 5; i++) {
      const before = { ...m }
      const next = withContent(m, `${String(m.content)}t${i}`)
      sameCopy(next, m, `${String(m.content)}t${i}`)
      expect(m).toStrictEqual(before)
      m = next
    }
    expect(m.content).toBe('t0t1t2t3t4')
  })

  it('keeps the other keys of a message that has more than id, role and content', () => {
    const sym = Symbol('mark')
    const cases: Msg[] = [
      { id: 'a', role: 'assistant', content: '', name: 'bot' },
      { id: 'b', role: 'user', content: '', metadata: { k: 1 } },
      { role: 'assistant', id: 'c', content: '' },
      { id: 'd', role: 'reasoning', content: '', encryptedValue: 'x' },
      Object.assign({ id: 'e', role: 'assistant', content: '' }, { [sym]: 1 }) as Msg,
    ]
    for (const start of cases) {
      let m = start
      for (let i = 0; i < 3; i++) {
        const next = withContent(m, `${String(m.content)}${i}`)
        sameCopy(next, m, `${String(m.content)}${i}`)
        if (sym in start) expect((next as Record<symbol, unknown>)[sym]).toBe(1)
        m = next
      }
    }
  })

  it('equals the spread copy for any interleaving of messages and shapes (property)', () => {
    const message = fc.record(
      {
        id: fc.string(),
        role: fc.constantFrom('assistant', 'user', 'reasoning'),
        content: fc.string(),
        name: fc.string(),
        metadata: fc.dictionary(fc.string(), fc.integer()),
      },
      { requiredKeys: ['id', 'role', 'content'] },
    )
    fc.assert(
      fc.property(
        fc.array(message, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.string()), { maxLength: 40 }),
        (starts, steps) => {
          const ours: Msg[] = starts.map((m) => ({ ...m }))
          const plain: Msg[] = starts.map((m) => ({ ...m }))
          for (const [pick, delta] of steps) {
            const i = pick % ours.length
            const content = `${String(plain[i].content)}${delta}`
            const before = ours[i]
            ours[i] = withContent(before, content)
            plain[i] = spread(plain[i], content)
            expect(before).not.toBe(ours[i])
          }
          for (let i = 0; i < ours.length; i++) {
            expect(Object.keys(ours[i])).toEqual(Object.keys(plain[i]))
            expect(ours[i]).toStrictEqual(plain[i])
          }
        },
      ),
    )
  })
})
