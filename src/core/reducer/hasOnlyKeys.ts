/**
 * True when the own keys of `o` are exactly `keys`, in that order, and it has no symbol keys:
 * an object that a literal of these keys copies exactly (see `withContent`, `withArguments`).
 * @internal
 */
export function hasOnlyKeys(o: object, keys: readonly string[]): boolean {
  const own = Object.keys(o)
  return (
    own.length === keys.length &&
    own.every((key, i) => key === keys[i]) &&
    Object.getOwnPropertySymbols(o).length === 0
  )
}
