import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Message } from '../../../src/core'
import { MessageList } from '../../../src/core/reducer/MessageList'

const msg = (id: string, content = ''): Message => ({ id, role: 'assistant', content })

/** One operation, applied to the newest version or (`from` > 0) to an older one: a branch. */
type Op = { from: number } & (
  { kind: 'push' } | { kind: 'set'; at: number } | { kind: 'insert'; at: number }
)

const from = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat() })
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ from, kind: fc.constant('push' as const) }) },
  { weight: 4, arbitrary: fc.record({ from, kind: fc.constant('set' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ from, kind: fc.constant('insert' as const), at: fc.nat() }) },
)

describe('MessageList', () => {
  it('matches an array model after any push/set/insert, branching from older versions, which never change', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.nat(60), (ops, start) => {
        let list = MessageList.from(Array.from({ length: start }, (_, i) => msg(`s${i}`)))
        let model = list.toArray()
        const versions: Array<[MessageList, Message[]]> = [[list, model]]
        ops.forEach((o, n) => {
          ;[list, model] = versions[versions.length - 1 - (o.from % versions.length)]
          if (o.kind === 'push') {
            const m = msg(`p${n}`)
            list = list.push(m)
            model = [...model, m]
          } else if (model.length > 0) {
            const at = o.at % model.length
            if (o.kind === 'set') {
              const m = msg(model[at].id, `v${n}`)
              list = list.set(at, m)
              model = model.map((x, i) => (i === at ? m : x))
            } else {
              const m = msg(`i${n}`)
              list = list.insert(at, m)
              model = [...model.slice(0, at), m, ...model.slice(at)]
            }
          }
          versions.push([list, model])
        })
        for (const [l, expected] of versions) {
          expect(l.length).toBe(expected.length)
          expect(l.toArray()).toEqual(expected)
          expected.forEach((m, i) => {
            expect(l.at(i)).toBe(m)
            expect(l.indexOf(m.id)).toBe(i)
          })
          expect(l.at(expected.length)).toBeUndefined()
          expect(l.at(-1)).toBeUndefined()
        }
      }),
      { numRuns: 150 },
    )
  })

  it('replacing the last message copies no array: earlier messages stay shared', () => {
    let list = MessageList.from([msg('a'), msg('b')]).push(msg('c'))
    const before = list
    list = list.set(2, msg('c', 'token'))
    expect(before.at(2)?.content).toBe('')
    expect(list.at(2)?.content).toBe('token')
    expect(list.at(0)).toBe(before.at(0))
    expect(list.at(1)).toBe(before.at(1))
  })

  it('a push on an old version never writes into the head a newer version extended', () => {
    const grow = (l: MessageList, prefix: string, n: number) => {
      for (let i = 0; i < n; i++) l = l.push(msg(`${prefix}${i}`))
      return l
    }
    const old = grow(MessageList.empty, 'a', 34) // tail full: the next pushes move it to the head
    const newer = grow(old, 'b', 40)
    const branch = grow(old, 'c', 40)
    expect(newer.toArray().map((m) => m.id)).toEqual([
      ...Array.from({ length: 34 }, (_, i) => `a${i}`),
      ...Array.from({ length: 40 }, (_, i) => `b${i}`),
    ])
    expect(branch.toArray().map((m) => m.id)).toEqual([
      ...Array.from({ length: 34 }, (_, i) => `a${i}`),
      ...Array.from({ length: 40 }, (_, i) => `c${i}`),
    ])
    expect(old.length).toBe(34)
  })
})
