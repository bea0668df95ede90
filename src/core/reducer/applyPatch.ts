// The default import works both in bundlers (its ESM build) and in Node (its CommonJS main).
import jsonpatch from 'fast-json-patch'
import type { JsonPatchOperation } from '../protocol/types'

/** Result of {@link applyPatch}: the new document, or why nothing was applied. */
export type PatchResult = { ok: true; document: unknown } | { ok: false; error: string }

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

function segments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function shallowCopy(value: object): object {
  return Array.isArray(value) ? value.slice() : { ...(value as Record<string, unknown>) }
}

/**
 * Copies every container on the path from `root` to the parent of `pointer`'s last segment
 * (once per patch: containers in `owned` are already private copies), so that the
 * in-place operation that follows mutates only copies. Returns the (possibly new) root.
 */
function ownPath(root: unknown, pointer: string, owned: WeakSet<object>): unknown {
  if (root === null || typeof root !== 'object') return root
  let top = root as Record<string, unknown>
  if (!owned.has(top)) {
    top = shallowCopy(top) as Record<string, unknown>
    owned.add(top)
  }
  let container = top
  const keys = segments(pointer)
  for (let i = 0; i < keys.length - 1; i++) {
    const child = container[keys[i]]
    if (child === null || typeof child !== 'object') break
    let mine = child as Record<string, unknown>
    if (!owned.has(mine)) {
      mine = shallowCopy(mine) as Record<string, unknown>
      owned.add(mine)
      container[keys[i]] = mine
    }
    container = mine
  }
  return top
}

/**
 * Applies an RFC 6902 JSON Patch without mutating `document`, copying only the containers on
 * the patched paths (untouched subtrees keep their identity), with fast-json-patch doing each
 * operation. Atomic: if any operation fails (unresolvable path, failed `test`, a path through
 * `__proto__`/`constructor`/`prototype`), nothing is applied and the reason is returned.
 *
 * Cost: O(patch size × path depth × container width) — not O(document).
 * Spec 1.1, "State management" (`STATE_DELTA`) and "Activity" (`ACTIVITY_DELTA`).
 */
export function applyPatch(document: unknown, patch: readonly JsonPatchOperation[]): PatchResult {
  const owned = new WeakSet<object>()
  let root = document
  try {
    patch.forEach((op, index) => {
      const pointers = 'from' in op && typeof op.from === 'string' ? [op.path, op.from] : [op.path]
      for (const p of pointers) {
        if (segments(p).some((s) => FORBIDDEN.has(s))) {
          throw new Error(`path '${p}' is not allowed (prototype pollution)`)
        }
      }
      if (op.op !== 'test') {
        for (const p of op.op === 'move' ? pointers : [op.path]) {
          if (p !== '') root = ownPath(root, p, owned)
        }
      }
      const result = jsonpatch.applyOperation(root, op as never, true, true, true, index)
      root = result.newDocument
    })
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
  return { ok: true, document: root }
}
