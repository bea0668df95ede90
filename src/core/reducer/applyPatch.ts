import type { JsonPatchOperation } from '../protocol/types'

/** Result of {@link applyPatch}: the new document, or why nothing was applied. */
export type PatchResult = { ok: true; document: unknown } | { ok: false; error: string }

type Container = Record<string, unknown> | unknown[]

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])
/** RFC 6901 array index: `0` or digits without a leading zero. */
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/

function fail(message: string): never {
  throw new Error(message)
}

/** RFC 6901: `''` → [], `/a/b~1c` → ['a', 'b/c']. */
function parsePointer(pointer: unknown, field: string): string[] {
  if (typeof pointer !== 'string') fail(`'${field}' is not a string`)
  if (pointer === '') return []
  if (pointer[0] !== '/') fail(`'${field}' '${pointer}' does not start with '/'`)
  const segments = pointer.slice(1).split('/')
  for (let i = 0; i < segments.length; i++) {
    let s = segments[i]
    if (s.includes('~')) s = segments[i] = s.replace(/~1/g, '/').replace(/~0/g, '~')
    if (FORBIDDEN.has(s)) fail(`path '${pointer}' is not allowed (prototype pollution)`)
  }
  return segments
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null
}

function has(container: Container, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(container, key)
}

/** JSON equality (RFC 6902 `test`): same type, same members, same elements in order. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((v, i) => jsonEqual(v, other[i]))
  }
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => has(b, k) && jsonEqual(a[k], (b as Record<string, unknown>)[k]))
}

/** The array position a segment names: `-` (add only) or a base-10 index in range. */
function arrayIndex(array: unknown[], segment: string, pointer: string, adding: boolean): number {
  if (segment === '-' && adding) return array.length
  if (!ARRAY_INDEX.test(segment)) fail(`'${segment}' in '${pointer}' is not an array index`)
  const index = Number(segment)
  if (index > array.length || (index === array.length && !adding))
    fail(`index ${index} in '${pointer}' is out of bounds (length ${array.length})`)
  return index
}

/** One patch: copies every container it changes, once (the copies are `owned`). */
class Patcher {
  private readonly owned = new Set<object>()

  constructor(public root: unknown) {}

  private own(container: Container): Container {
    if (this.owned.has(container)) return container
    const copy = Array.isArray(container) ? container.slice() : { ...container }
    this.owned.add(copy)
    return copy
  }

  /**
   * `value` about to be placed a second time (`copy`): shared, not cloned. So that no later
   * operation of this patch changes it in place (in both places), this patch's copies are
   * no longer its own: what it changes next is copied again.
   */
  share(value: unknown): unknown {
    this.owned.clear()
    return value
  }

  get(segments: string[], pointer: string): unknown {
    let node = this.root
    for (const s of segments) {
      if (!isContainer(node)) fail(`path '${pointer}' does not exist`)
      if (Array.isArray(node)) node = node[arrayIndex(node, s, pointer, false)]
      else if (has(node, s)) node = node[s]
      else fail(`path '${pointer}' does not exist`)
    }
    return node
  }

  /**
   * The (owned) parent container of `segments`' last segment, copying the path down to it;
   * the root is replaced by its copy. Every container on the way must exist.
   */
  private parentOf(segments: string[], pointer: string): Container {
    if (!isContainer(this.root)) fail(`path '${pointer}' does not exist`)
    let parent = this.own(this.root)
    this.root = parent
    for (let i = 0; i < segments.length - 1; i++) {
      const s = segments[i]
      const key = Array.isArray(parent) ? arrayIndex(parent, s, pointer, false) : s
      if (!Array.isArray(parent) && !has(parent, s)) fail(`path '${pointer}' does not exist`)
      const child = (parent as Record<string | number, unknown>)[key]
      if (!isContainer(child)) fail(`path '${pointer}' does not exist`)
      const mine = this.own(child)
      ;(parent as Record<string | number, unknown>)[key] = mine
      parent = mine
    }
    return parent
  }

  add(segments: string[], pointer: string, value: unknown): void {
    if (segments.length === 0) {
      this.root = value
      return
    }
    const parent = this.parentOf(segments, pointer)
    const last = segments[segments.length - 1]
    if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, pointer, true), 0, value)
    else parent[last] = value
  }

  remove(segments: string[], pointer: string): unknown {
    if (segments.length === 0) {
      const removed = this.root
      this.root = null // as fast-json-patch (and @ag-ui/client) do
      return removed
    }
    const parent = this.parentOf(segments, pointer)
    const last = segments[segments.length - 1]
    if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, last, pointer, false), 1)[0]
    if (!has(parent, last)) fail(`path '${pointer}' does not exist`)
    const removed = parent[last]
    delete parent[last]
    return removed
  }

  replace(segments: string[], pointer: string, value: unknown): void {
    if (segments.length === 0) {
      this.root = value
      return
    }
    const parent = this.parentOf(segments, pointer)
    const last = segments[segments.length - 1]
    if (Array.isArray(parent)) parent[arrayIndex(parent, last, pointer, false)] = value
    else if (has(parent, last)) parent[last] = value
    else fail(`path '${pointer}' does not exist`)
  }
}

function applyOperation(p: Patcher, op: JsonPatchOperation): void {
  const operation = op as { op: unknown; path: unknown; from?: unknown; value?: unknown }
  const path = parsePointer(operation.path, 'path')
  const pointer = operation.path as string
  const kind = operation.op
  if ((kind === 'add' || kind === 'replace' || kind === 'test') && operation.value === undefined)
    fail(`'${kind}' at '${pointer}' has no value`)
  switch (kind) {
    case 'add':
      return p.add(path, pointer, operation.value)
    case 'remove':
      return void p.remove(path, pointer)
    case 'replace':
      return p.replace(path, pointer, operation.value)
    case 'test':
      if (!jsonEqual(p.get(path, pointer), operation.value))
        fail(`test failed: the value at '${pointer}' differs`)
      return
    case 'move':
    case 'copy': {
      const from = parsePointer(operation.from, 'from')
      const fromPointer = operation.from as string
      if (kind === 'move') {
        if (fromPointer === pointer) return void p.get(from, fromPointer)
        if (pointer.startsWith(`${fromPointer}/`))
          fail(`cannot move '${fromPointer}' into its own child '${pointer}'`)
        return p.add(path, pointer, p.remove(from, fromPointer))
      }
      return p.add(path, pointer, p.share(p.get(from, fromPointer)))
    }
    default:
      fail(`'${String(kind)}' is not an RFC 6902 operation`)
  }
}

/**
 * Applies an RFC 6902 JSON Patch without mutating `document`: each container on a patched
 * path is copied once per patch (path copying), every untouched subtree keeps its identity,
 * and `copy` shares the copied value. Atomic: if any operation fails (a path that does not
 * exist, an index out of bounds, a failed `test`, a `move` into its own child, a path through
 * `__proto__`/`constructor`/`prototype`), nothing is applied and the reason is returned.
 * Array indexes are RFC 6901's (`0`, `12`; not `01`); `-` appends (`add`). Removing the root gives `null`, as
 * fast-json-patch does.
 *
 * Cost: O(Σ path depth × width of the containers on the path), not O(document): about a
 * microsecond for a small patch on a 1 MB state.
 * Spec 1.1, "State management" (`STATE_DELTA`) and "Activity" (`ACTIVITY_DELTA`).
 */
export function applyPatch(document: unknown, patch: readonly JsonPatchOperation[]): PatchResult {
  const p = new Patcher(document)
  try {
    for (const op of patch) applyOperation(p, op)
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
  return { ok: true, document: p.root }
}
