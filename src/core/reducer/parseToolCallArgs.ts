import { PartialJsonParser } from './PartialJsonParser'

/** What is known about one tool call's arguments text. */
interface ArgsEntry {
  /** The newest arguments text the reducer built for this call (or a reader asked about). */
  text: string
  /** Pieces of `text` not yet given to `parser`, in order. */
  pending: string[]
  parser: PartialJsonParser | undefined
}

/** Tool calls whose parse state is kept (least recently started dropped first). */
const MAX_ENTRIES = 64
const entries = new Map<string, ArgsEntry>()

function remember(toolCallId: string, entry: ArgsEntry): ArgsEntry {
  entries.delete(toolCallId)
  entries.set(toolCallId, entry)
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
  return entry
}

/**
 * Records that the reducer appended `delta` to a tool call's arguments, turning `before` into
 * `after` (`TOOL_CALL_ARGS`, `TOOL_CALL_CHUNK`). O(1): the delta is only queued; it is parsed
 * when {@link parseToolCallArgs} is next asked. A memo, not state: whatever is recorded here,
 * `parseToolCallArgs` returns the parse of the text it is given.
 * @internal
 */
export function noteToolCallArgs(
  toolCallId: string,
  before: string,
  after: string,
  delta: string,
): void {
  const entry = entries.get(toolCallId)
  // `===` on the very string the reducer built last time is a pointer comparison; strings of
  // different lengths are told apart at once. Only a branch (two events applied to one
  // snapshot) compares contents, and then starts over.
  if (entry !== undefined && entry.text === before) {
    entry.text = after
    entry.pending.push(delta)
  } else remember(toolCallId, { text: after, pending: [after], parser: undefined })
}

/**
 * The arguments of tool call `toolCallId` parsed from `args`, its (possibly incomplete) JSON
 * text: see {@link PartialJsonParser} for how an incomplete text reads (`'{"city":"Par'` →
 * `{ city: 'Par' }`). `undefined` for an empty or malformed text.
 *
 * Incremental: while the reducer streams a call's `TOOL_CALL_ARGS`, each call parses only the
 * deltas that arrived since the previous one, so reading the arguments after every delta of a
 * 200 KB text costs O(text) in total, not O(text²). Completed objects and arrays inside keep
 * their identity from one read to the next. Any other text (an older snapshot's, one from
 * `MESSAGES_SNAPSHOT`) is parsed whole.
 *
 * @param toolCallId - `toolCallId` of the call (a snapshot's `toolCalls[id].id`).
 * @param args - Its arguments text (`toolCalls[id].args`, `function.arguments`).
 */
export function parseToolCallArgs(toolCallId: string, args: string): unknown {
  let entry = entries.get(toolCallId)
  if (entry === undefined || entry.text !== args) {
    // A shorter text is an older snapshot of the call being streamed: parse it aside.
    if (entry !== undefined && args.length < entry.text.length) return parsePartialJson(args)
    entry = remember(toolCallId, { text: args, pending: [args], parser: undefined })
  }
  if (entry.pending.length > 0) {
    entry.parser ??= new PartialJsonParser()
    for (const piece of entry.pending) entry.parser.push(piece)
    entry.pending.length = 0
  }
  return entry.parser?.value
}

/**
 * Parses a whole (possibly incomplete) JSON text once, as {@link PartialJsonParser} reads it.
 * `undefined` for an empty or malformed text.
 */
export function parsePartialJson(text: string): unknown {
  return new PartialJsonParser().push(text).value
}
