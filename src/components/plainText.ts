/** A fenced code block, closed or not (a streamed or sliced reply may end inside one). */
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n?[\s\S]*?(?:^[ \t]{0,3}\1[ \t]*$|(?![\s\S]))/gm
/** Markers at a line start: heading `#`, block quote `>`, list `-`/`*`/`+`/`1.`/`1)`. */
const LINE_MARKERS =
  /^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?/gm
/** Thematic breaks and table separator rows: nothing to read. */
const RULES =
  /^[ \t]*(?:(?:[-*_][ \t]*){3,}|\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?)[ \t]*$/gm

/**
 * Plain text of a markdown reply, for a screen-reader announcement: emphasis (`**`, `__`, `*`,
 * `_`, `~~`) and inline code marks dropped, links and images read as their text (`[docs](url)`
 * → `docs`), a fenced code block read as `codeBlock` (e.g. "code block"), heading, quote and
 * list markers and rules dropped, table pipes read as spaces, whitespace collapsed. Unbalanced
 * marks (a reply sliced mid-sentence) are dropped too. Cheap (a few regular expressions, O(n)
 * in the text); not a markdown parser: HTML and entities are left as written (the region shows
 * text, nothing is interpreted).
 *
 * @param markdown the reply as the agent wrote it.
 * @param codeBlock what to read for a fenced code block, e.g. `labels.codeBlockAnnouncement`.
 */
export function plainText(markdown: string, codeBlock: string): string {
  return (
    markdown
      .replace(FENCE, () => `\n${codeBlock}.\n`)
      .replace(RULES, '')
      .replace(LINE_MARKERS, '')
      // Images and links read as their text; autolinks as their address.
      .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
      .replace(/!?\[([^\]\n]*)\]\[[^\]\n]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      // Inline code: the code, without its backticks.
      .replace(/(`+)([^`]*?)\1/g, '$2')
      // Emphasis pairs, then stray marks at a word's edge.
      .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?![\w*])/g, '$1$3')
      .replace(/\*\*|~~|`+/g, '')
      .replace(/(^|\s)[*_]+(?=\S)|(?<=\S)[*_]+(?=\s|$|[.,;:!?)])/g, '$1')
      .replace(/\|/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}
