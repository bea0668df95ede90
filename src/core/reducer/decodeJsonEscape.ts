/** Escape letters (after `\`) and the characters they stand for, at the same index. */
const LETTERS = '"\\/bfnrt'
const DECODED = '"\\/\b\f\n\r\t'
const HEX = /[\da-fA-F]/

/**
 * Decodes a JSON escape sequence read so far (RFC 8259 §7), one character at a time: `escape`
 * starts with `\` and holds at least one more character (`\n`, `\u`, `\u00e`, `\u00e9`).
 * Returns the decoded character once the sequence is complete, `''` while a `\uXXXX` sequence
 * still needs characters, `undefined` when its last character makes it invalid.
 * @internal
 */
export function decodeJsonEscape(escape: string): string | undefined {
  const n = escape.length
  if (escape[1] !== 'u') {
    const at = LETTERS.indexOf(escape[1])
    return at < 0 ? undefined : DECODED[at]
  }
  if (n === 2) return ''
  if (!HEX.test(escape[n - 1])) return undefined
  return n === 6 ? String.fromCharCode(parseInt(escape.slice(2), 16)) : ''
}
