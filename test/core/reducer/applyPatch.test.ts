import fc from 'fast-check'
import jsonpatch from 'fast-json-patch'
import { describe, expect, it } from 'vitest'
import { applyPatch } from '../../../src/core/reducer/applyPatch'
import type { JsonPatchOperation } from '../../../src/core/protocol/types'

const KEYS = ['a', 'b', 'c', 'd']
const SEGMENTS = [...KEYS, '0', '1', '2', '-', 'x', 'a~1b']

const { doc } = fc.letrec<{ doc: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('s', '', true, false, null)),
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('doc'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS, 'a/b'), tie('doc'), { maxKeys: 4 }),
  ),
}))
const pointer = fc
  .array(fc.constantFrom(...SEGMENTS), { maxLength: 3 })
  .map((segments) => segments.map((s) => `/${s}`).join(''))
const operation: fc.Arbitrary<JsonPatchOperation> = fc.oneof(
  fc.record({ op: fc.constantFrom('add', 'replace', 'test'), path: pointer, value: doc }),
  fc.record({ op: fc.constant('remove'), path: pointer }),
  fc.record({ op: fc.constantFrom('move', 'copy'), path: pointer, from: pointer }),
) as fc.Arbitrary<JsonPatchOperation>

/**
 * The reference: fast-json-patch, one validated operation at a time on a deep copy, with
 * `copy` and `move` spelled as RFC 6902 defines them (its own skip validation of the target:
 * a get + add, a remove + add). `undefined` where it throws.
 */
function reference(document: unknown, patch: JsonPatchOperation[]): { value: unknown } | undefined {
  try {
    let doc = jsonpatch.deepClone(document)
    // fast-json-patch places an operation's value by reference and may change it in place later
    // (a `copy` into it): on its own copy, not on the one our result shares.
    patch = jsonpatch.deepClone(patch)
    const apply = (op: object) => {
      doc = jsonpatch.applyOperation(doc, op as never, true, true).newDocument
    }
    for (const op of patch) {
      if (op.op === 'copy' || op.op === 'move') {
        const from = (op as { from: string }).from
        apply({ op: '_get', path: from }) // throws when `from` does not exist
        const value = jsonpatch.deepClone(jsonpatch.getValueByPointer(doc, from))
        if (value === undefined) throw new Error('from does not exist')
        if (op.op === 'move') apply({ op: 'remove', path: from })
        apply({ op: 'add', path: op.path, value })
      } else apply(op)
    }
    return { value: doc }
  } catch {
    return undefined
  }
}

/**
 * Patches fast-json-patch gets wrong, left out of the comparison: moving a value into its own
 * child (we reject it, RFC 6902 forbids it), an operation on the root but `test` (a root that
 * becomes a primitive then has members "added" without complaint and without effect).
 */
const outOfComparison = (patch: JsonPatchOperation[]) =>
  patch.some(
    (op) =>
      (op.op === 'move' && op.path.startsWith(`${(op as { from: string }).from}/`)) ||
      (op.path === '' && op.op !== 'test'),
  )

describe('applyPatch', () => {
  it('agrees with fast-json-patch on every patch it applies, and fails where it fails', () => {
    fc.assert(
      fc.property(doc, fc.array(operation, { maxLength: 4 }), (document, patch) => {
        // fast-json-patch "adds" members to a primitive root without complaint (and no effect)
        fc.pre(typeof document === 'object' && document !== null && !outOfComparison(patch))
        const before = JSON.stringify(document)
        const ours = applyPatch(document, patch)
        const theirs = reference(document, patch)
        expect(JSON.stringify(document)).toBe(before) // never mutates its input
        if (theirs === undefined) expect(ours.ok).toBe(false)
        else expect(ours).toEqual({ ok: true, document: theirs.value })
      }),
      { numRuns: 3000 },
    )
  })

  it('moves and copies to the root', () => {
    expect(applyPatch({ a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '' }])).toEqual({
      ok: true,
      document: { b: 1 },
    })
    expect(applyPatch({ a: 1 }, [{ op: 'move', from: '/x', path: '' }])).toEqual({
      ok: false,
      error: "path '/x' does not exist",
    })
  })

  it('keeps untouched subtrees and copies only the patched path', () => {
    const state = {
      users: [
        { id: 1, tags: ['x'] },
        { id: 2, tags: ['y'] },
      ],
      settings: { a: 1 },
    }
    const result = applyPatch(state, [
      { op: 'add', path: '/users/1/tags/-', value: 'z' },
      { op: 'replace', path: '/users/1/id', value: 3 },
    ])
    if (!result.ok) throw new Error(result.error)
    const next = result.document as typeof state
    expect(next).toEqual({
      users: [
        { id: 1, tags: ['x'] },
        { id: 3, tags: ['y', 'z'] },
      ],
      settings: { a: 1 },
    })
    expect(next.settings).toBe(state.settings)
    expect(next.users[0]).toBe(state.users[0])
    expect(next.users[1]).not.toBe(state.users[1])
    expect(state.users[1]).toEqual({ id: 2, tags: ['y'] })
  })

  it('is atomic and says why a patch fails', () => {
    const state = { list: [1, 2], n: 1 }
    for (const [patch, error] of [
      [
        [
          { op: 'replace', path: '/n', value: 2 },
          { op: 'remove', path: '/missing' },
        ],
        "path '/missing' does not exist",
      ],
      [
        [{ op: 'add', path: '/list/3', value: 0 }],
        "index 3 in '/list/3' is out of bounds (length 2)",
      ],
      [[{ op: 'replace', path: '/list/-', value: 0 }], "'-' in '/list/-' is not an array index"],
      [[{ op: 'test', path: '/n', value: 2 }], "test failed: the value at '/n' differs"],
      [
        [{ op: 'move', from: '/list', path: '/list/0' }],
        "cannot move '/list' into its own child '/list/0'",
      ],
      [
        [{ op: 'add', path: '/__proto__/polluted', value: 1 }],
        "path '/__proto__/polluted' is not allowed (prototype pollution)",
      ],
      [[{ op: 'add', path: 'n', value: 1 }], "'path' 'n' does not start with '/'"],
      [[{ op: 'frobnicate', path: '/n' }], "'frobnicate' is not an RFC 6902 operation"],
      // RFC 6901: no leading zeros (fast-json-patch takes '01' as 1 for add, not for remove)
      [[{ op: 'add', path: '/list/01', value: 0 }], "'01' in '/list/01' is not an array index"],
    ] as const) {
      expect(applyPatch(state, patch as unknown as JsonPatchOperation[])).toEqual({
        ok: false,
        error,
      })
      expect(state).toEqual({ list: [1, 2], n: 1 })
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('applies a patch touching 10,000 paths, copying each container once', () => {
    const state = {
      rows: Array.from({ length: 10_000 }, (_, i) => ({ i, seen: false })),
      other: {},
    }
    const patch = state.rows.map(
      (_, i) => ({ op: 'replace', path: `/rows/${i}/seen`, value: true }) as JsonPatchOperation,
    )
    const result = applyPatch(state, patch)
    if (!result.ok) throw new Error(result.error)
    const next = result.document as typeof state
    expect(next.rows.every((r, i) => r.seen && r.i === i)).toBe(true)
    expect(state.rows.every((r) => !r.seen)).toBe(true)
    expect(next.other).toBe(state.other)
  })
})
