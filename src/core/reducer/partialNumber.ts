import { NONE } from './materializeFrames'

/** A whole JSON number (RFC 8259 §6). @internal */
export const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/

/**
 * The value of a JSON number's text cut short: its longest valid prefix (`12.` → 12, `1e` → 1,
 * `1.5e-` → 1.5), or {@link NONE} when there is none yet (`-`).
 * @internal
 */
export function partialNumber(text: string): number | typeof NONE {
  const trimmed = text.replace(/(?:[eE][+-]?|\.)$/, '')
  return JSON_NUMBER.test(trimmed) ? Number(trimmed) : NONE
}
