/**
 * A streaming delta in the compact form `JSON.stringify` (and most servers) write it, members in
 * this order and no other, both strings free of escapes and of raw control characters (which
 * JSON forbids): `{"type":"<type>","messageId"|"toolCallId":"<id>","delta":"<delta>"}`.
 * Groups: 1 the message delta's type, 2 `TOOL_CALL_ARGS`, 3 the id, 4 the delta. Only simple
 * character-class loops, so matching is linear and needs no backtracking stack.
 */
const COMPACT_DELTA =
  // eslint-disable-next-line no-control-regex -- JSON strings may not hold raw U+0000-U+001F
  /^\{"type":"(?:(TEXT_MESSAGE_CONTENT|REASONING_MESSAGE_CONTENT)","messageId|(TOOL_CALL_ARGS)","toolCallId)":"([^"\\\x00-\x1f]*)","delta":"([^"\\\x00-\x1f]*)"\}$/

/** Longer frames go straight to `JSON.parse` (the shortcut pays off on token-sized frames). */
const MAX_SHORTCUT_CHARS = 4096

/**
 * `JSON.parse(text)` for one event frame (spec 1.1, "Transports": each frame holds one JSON
 * event), with a shortcut for the frames that make up almost every stream: a
 * `TEXT_MESSAGE_CONTENT`, `REASONING_MESSAGE_CONTENT` or `TOOL_CALL_ARGS` of at most 4,096
 * characters, in the compact form `JSON.stringify` writes (`{"type":…,"messageId"|"toolCallId":…,
 * "delta":…}`, no whitespace, no other member, no escape in its strings) is read with one regular
 * expression, about 5× faster than `JSON.parse`. The result is always equal to `JSON.parse(text)`
 * (same members in the same order; property-tested); anything else takes `JSON.parse`.
 * Validation is not done here: the event parser still judges the result (design.md rule 2).
 *
 * @throws SyntaxError exactly when `JSON.parse(text)` throws (it is `JSON.parse`'s error).
 * @internal
 */
export function parseFrameJson(text: string): unknown {
  const m = text.length <= MAX_SHORTCUT_CHARS ? COMPACT_DELTA.exec(text) : null
  if (!m) return JSON.parse(text)
  if (m[2] !== undefined) return { type: 'TOOL_CALL_ARGS', toolCallId: m[3], delta: m[4] }
  const type =
    m[1] === 'TEXT_MESSAGE_CONTENT' ? 'TEXT_MESSAGE_CONTENT' : 'REASONING_MESSAGE_CONTENT'
  return { type, messageId: m[3], delta: m[4] }
}
