/**
 * Where a run of JSON number characters (digits, `+`, `-`, `.`, `e`, `E`) starting at `from` in
 * `text` ends: the index of the first other character, or `text.length`. The run is not checked
 * (`JSON_NUMBER` does that once the number ends). Used by `PartialJsonParser`.
 * @internal
 */
export function jsonNumberEnd(text: string, from: number): number {
  const n = text.length
  let j = from
  for (; j < n; j++) {
    const c = text.charCodeAt(j)
    // digits, '+', '-', '.', 'e', 'E'
    if (!(
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2b ||
      c === 0x2d ||
      c === 0x2e ||
      (c | 0x20) === 0x65
    ))
      break
  }
  return j
}
