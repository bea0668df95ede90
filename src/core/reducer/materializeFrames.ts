/** What an open array or object holds while {@link PartialJsonParser} reads it. @internal */
export interface JsonFrame {
  /** `true` for an array, `false` for an object. */
  array: boolean
  /** Array: the elements completed so far (mutated in place until the array closes). */
  items: unknown[]
  /** Object: the members completed so far (mutated in place until the object closes). */
  members: Record<string, unknown>
  /** Object: the key whose value is awaited or being read. */
  key: string | undefined
  /** Object: keys read so far. */
  keys: number
}

/** No value (yet): a member or element left out of a partial value. @internal */
export const NONE: unique symbol = Symbol()

/**
 * Sets `key` on `target` as `JSON.parse` does (an own `__proto__` member, not the prototype).
 * @internal
 */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    })
  else target[key] = value
}

/**
 * The partial value of the open containers `stack` (outermost first) around `child`, the value
 * being read in the innermost one ({@link NONE}: none yet, left out): a new array or object per
 * open container, holding its completed elements or members (same objects) and then `child`.
 * `undefined` when there is no value at all. O(size of the open containers).
 * @internal
 */
export function materializeFrames(stack: readonly JsonFrame[], child: unknown): unknown {
  for (let d = stack.length - 1; d >= 0; d--) {
    const frame = stack[d]
    if (frame.array) {
      child = child === NONE ? frame.items.slice() : frame.items.concat([child])
    } else {
      // A copying loop, not a spread: spread sites that see many shapes are ~5× slower.
      const members: Record<string, unknown> = {}
      for (const key in frame.members) setMember(members, key, frame.members[key])
      if (child !== NONE && frame.key !== undefined) setMember(members, frame.key, child)
      child = members
    }
  }
  return child === NONE ? undefined : child
}
