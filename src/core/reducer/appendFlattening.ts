/** Keeps the `Number()` conversion in {@link flattenString} from being optimised away. */
let _sink = 0

/** The smallest length worth flattening: shorter ropes are cheap to keep. */
const MIN_FLATTEN_LENGTH = 256

/**
 * `s`, flattened in place by V8 (a rope of concatenations becomes one flat string; the value and
 * the identity of `s` do not change). The conversion flattens its argument first; its result is
 * discarded.
 * @internal
 */
export function flattenString(s: string): string {
  _sink ^= Number(s) | 0
  return s
}

/**
 * `before + delta`, flattened each time the length crosses a power of two (from 256 chars).
 *
 * Appending a token to a string builds a rope: one small node per token, all kept alive by the
 * message, so they survive young-generation GC and are promoted to old space (issue 7: GC was
 * the first cost of the end-to-end path). Flattening at doublings keeps the live rope at most
 * half the string's tokens, for O(1) amortized copying per appended character; the nodes it
 * replaces die young. Same value as `before + delta`.
 * @internal
 */
export function appendFlattening(before: string, delta: string): string {
  const after = before + delta
  return after.length >= MIN_FLATTEN_LENGTH &&
    Math.clz32(after.length) !== Math.clz32(before.length)
    ? flattenString(after)
    : after
}
