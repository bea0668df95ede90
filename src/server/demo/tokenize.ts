/**
 * Splits text into model-like tokens: a word (with its leading whitespace), a single
 * punctuation or symbol character (with its leading whitespace), or trailing whitespace.
 * Joining the tokens gives back the text exactly.
 *
 * @example tokenize('Hi, you!') // ['Hi', ',', ' you', '!']
 */
export function tokenize(text: string): string[] {
  return text.match(/\s*[\p{L}\p{N}_']+|\s*[^\s\p{L}\p{N}_']|\s+/gu) ?? []
}

/**
 * Splits a string into `parts` consecutive slices of about equal length (at least one
 * character each, fewer slices for short strings). Used to stream tool-call arguments.
 */
export function splitEvenly(text: string, parts: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / parts))
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}
