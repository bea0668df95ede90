/**
 * Constructs that reach across blank lines at the margin: link reference definitions and
 * footnotes (`[x]: url`, `[^1]: note`), and the HTML blocks that end only at their closing tag
 * (comments, `<script>`, `<pre>`, `<style>`, `<textarea>`). Text with any of them is one chunk.
 */
const SPANNING = /^ {0,3}\[[^\]\n]+\]:|<!--|<(?:script|pre|style|textarea)[\s>]/im
/** A list item marker at the start of a line. */
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/
/** An unfinished last line that may still turn into a list item (`-`, `1`, `12.`). */
const LIST_ITEM_PREFIX = /^(?:[-+*]|\d{1,9}[.)]?)$/
/** An opening code fence: 3+ backticks or tildes, indented at most 3 spaces. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/

/**
 * Splits markdown into top-level chunks that parse the same apart as together, so a streaming
 * message can re-parse only its last chunk: the text is cut before a line that starts at the
 * left margin after a blank line, outside fenced code, where CommonMark ends the block before
 * anyway. Indented lines (list continuations, indented code) and the next item of a loose list
 * stay with the chunk before. Text with constructs that span blank lines (reference definitions,
 * footnotes, HTML comments and `<pre>`-like blocks) is one chunk.
 *
 * Every chunk but the last ends with its blank line(s), so it keeps the same text as more is
 * appended. Joining the chunks gives `text` back.
 */
export function splitMarkdownBlocks(text: string): string[] {
  if (SPANNING.test(text)) return [text]
  const blocks: string[] = []
  let start = 0
  let fence: string | undefined
  let afterBlank = false
  let inList = false
  let lineStart = 0
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    const line = text.slice(lineStart, lineEnd)
    if (fence !== undefined) {
      const close = FENCE.exec(line)
      if (
        close &&
        close[1][0] === fence[0] &&
        close[1].length >= fence.length &&
        line.trim() === close[1]
      ) {
        fence = undefined
      }
    } else if (line.trim() === '') {
      afterBlank = true
    } else {
      const startsAtMargin = line[0] !== ' ' && line[0] !== '\t'
      const listItem = startsAtMargin && LIST_ITEM.test(line)
      // Undecided while streaming: whether the unfinished last line is a list item.
      const undecided = newline === -1 && inList && LIST_ITEM_PREFIX.test(line)
      // After a blank line a line at the margin starts a new block, except the next item of a
      // (loose) list.
      if (
        afterBlank &&
        startsAtMargin &&
        !(listItem && inList) &&
        !undecided &&
        lineStart > start
      ) {
        blocks.push(text.slice(start, lineStart))
        start = lineStart
      }
      // A margin line right after a list line may be its lazy continuation: still the list.
      if (startsAtMargin) inList = listItem || (inList && !afterBlank)
      afterBlank = false
      const open = FENCE.exec(line)
      if (open) fence = open[1]
    }
    lineStart = lineEnd + 1
  }
  blocks.push(text.slice(start))
  return blocks
}
