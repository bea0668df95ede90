/**
 * End of the last complete sentence of `text` at or after `from`, or `from` when none ended
 * since: a `.`, `!`, `?`, `…` (or their CJK forms, which need no space after them) followed by
 * whitespace, or a line break (a list item, a heading, a paragraph). A terminator at the very end
 * of `text` does not count yet: the reply may go on (`3.` → `3.14`).
 */
export function sentenceBoundary(text: string, from: number): number {
  const pattern = /[.!?…]+["')\]]*\s|[。！？]+|\n/g
  pattern.lastIndex = from
  let end = from
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const stop = match.index + match[0].length
    if (stop >= text.length && !/\s$/.test(match[0])) break
    end = stop
  }
  return end
}
