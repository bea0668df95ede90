import { decodeJsonEscape } from './decodeJsonEscape'
import { jsonNumberEnd } from './jsonNumberEnd'
import { type JsonFrame, materializeFrames, NONE, setMember } from './materializeFrames'
import { JSON_NUMBER, partialNumber } from './partialNumber'

/** Where the parser is between characters. */
const enum At {
  /** A value must follow (top level, after `[`, `,` in an array, `:`); `]` right after `[`. */
  Value,
  /** A key must follow (after `{`, `,` in an object); `}` right after `{`. */
  Key,
  /** After a key: `:`. */
  Colon,
  /** After a value in a container: `,` or the closing bracket. */
  CommaOrEnd,
  /** Inside a string (a key when `stringIsKey`). */
  String,
  /** Inside a number. */
  Number,
  /** Inside `true`, `false` or `null`. */
  Literal,
  /** The top-level value is complete: only whitespace may follow. */
  Done,
  /** Malformed: see `error`. */
  Failed,
}

/** Characters that end a run of plain string content: quote, backslash, control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const STRING_SPECIAL = /["\\\u0000-\u001f]/g
/** The first letter of a literal and its value (its text is `String(value)`). */
const LITERALS: Record<string, boolean | null> = { t: true, f: false, n: null }

/**
 * An incremental parser of (possibly incomplete) JSON text: feed it the text in pieces of any
 * size ({@link PartialJsonParser.push}), read {@link PartialJsonParser.value} whenever you like.
 * Each character is read once, so streaming a text of n characters costs O(n) in total whatever
 * the number of pieces, where parsing every prefix again costs O(n²). Made for tool-call
 * arguments (`TOOL_CALL_ARGS`, spec 1.1 "Tool calls"), shown while they stream.
 *
 * `value` is the JSON value of the text so far, completed the way `partial-json` (`Allow.ALL`)
 * completes a prefix: an open string, array or object holds what arrived (`{"city":"Par` →
 * `{ city: 'Par' }`), a member whose key or value has not started is left out, a partial
 * `true`/`false`/`null` is that literal, an escape sequence cut short is left out. A number cut
 * short is its longest valid prefix (`12.` → 12; `partial-json` drops it).
 *
 * Structural sharing: an array or object that is complete keeps its identity from one read to
 * the next; only the open containers (from the root to the value being read) are new objects
 * on a read after a push, so a read costs O(size of those open containers), not O(text).
 *
 * Malformed text (what `JSON.parse` would reject, or anything after a complete top-level value
 * but whitespace) stops the parser: `error` says where, `value` is `undefined` from then on.
 */
export class PartialJsonParser {
  #at: At = At.Value
  #stack: JsonFrame[] = []
  /** The completed top-level value (when `#at` is Done). */
  #result: unknown = undefined
  /** Text of the open token: string content decoded so far, number or literal characters. */
  #token = ''
  #stringIsKey = false
  /** Per depth, the keys of the last object read there, in order (see `#readString`). */
  #keyHints: string[][] = []
  /** Inside a string: '' outside an escape, else the escape read so far (`\`, `\u12`, ...). */
  #escape = ''
  /** Inside a literal: its value. */
  #literal: boolean | null = null
  #consumed = 0
  #error: string | undefined
  #cache: unknown = undefined
  #dirty = false

  /** Characters pushed so far. */
  get length(): number {
    return this.#consumed
  }

  /** Why the text is malformed (with the character offset), or `undefined`. */
  get error(): string | undefined {
    return this.#error
  }

  /** Whether a complete top-level value has been read (more text may only be whitespace). */
  get complete(): boolean {
    return this.#at === At.Done
  }

  /** Parses the next piece of the text. Returns `this`. Never throws. */
  push(piece: string): this {
    const start = this.#consumed
    const n = piece.length
    this.#consumed += n
    if (this.#at === At.Failed || n === 0) return this
    this.#dirty = true
    let i = 0
    while (i < n) {
      const at = this.#at
      if (at === At.String) i = this.#readString(piece, i)
      else if (at === At.Number) {
        const j = jsonNumberEnd(piece, i)
        this.#token += piece.slice(i, j)
        i = j
        if (i < n && !this.#endNumber(start + i)) break
      } else if (at === At.Literal) {
        const literal = String(this.#literal)
        let matched = this.#token.length
        for (; i < n && matched < literal.length; i++, matched++)
          if (piece[i] !== literal[matched])
            return (this.#fail(`expected '${literal[matched]}'`, start + i), this)
        this.#token = literal.slice(0, matched)
        if (matched === literal.length) this.#completeValue(this.#literal)
      } else {
        const c = piece.charCodeAt(i)
        // whitespace: ' ', '\n', '\r', '\t'
        if (
          !(c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) &&
          !this.#structural(piece[i], start + i)
        )
          break
        i++
      }
    }
    return this
  }

  /**
   * The value of the text so far (see the class docs), `undefined` before any value starts or
   * when the text is malformed. The same object between pushes.
   */
  get value(): unknown {
    if (this.#dirty) {
      this.#dirty = false
      this.#cache = this.#materialize()
    }
    return this.#cache
  }

  /**
   * Stops the parser: malformed at `offset`. Returns false. (Only `push` calls it, which has
   * marked the value dirty: the next read gives `undefined`.)
   */
  #fail(message: string, offset: number): false {
    this.#at = At.Failed
    this.#error = `${message} at offset ${offset}`
    this.#stack = []
    return false
  }

  /** Reads string content from `piece[i]`; returns the index after what it read. */
  #readString(piece: string, i: number): number {
    const n = piece.length
    while (i < n) {
      if (this.#escape !== '') {
        const escape = this.#escape + piece[i++]
        const decoded = decodeJsonEscape(escape)
        if (decoded === undefined)
          return (this.#fail(`invalid escape '${escape}'`, this.#consumed - (n - i) - 1), n)
        this.#token += decoded
        this.#escape = decoded === '' ? escape : ''
        continue
      }
      STRING_SPECIAL.lastIndex = i
      const match = STRING_SPECIAL.exec(piece)
      const stop = match === null ? n : match.index
      if (stop > i) this.#token += piece.slice(i, stop)
      if (stop === n) return n
      const c = piece[stop]
      if (c === '\\') {
        this.#escape = c
        i = stop + 1
      } else if (c === '"') {
        const text = this.#token
        this.#token = ''
        if (this.#stringIsKey) {
          const depth = this.#stack.length - 1
          const frame = this.#stack[depth]
          // Objects in an array mostly repeat their keys in order: reuse the string seen at the
          // same place before (already a property key), rather than looking a new one up.
          const hints = (this.#keyHints[depth] ??= [])
          const hint = hints[frame.keys]
          frame.key = hint === text ? hint : (hints[frame.keys] = text)
          frame.keys++
          this.#at = At.Colon
        } else this.#completeValue(text)
        return stop + 1
      } else return (this.#fail('control character in a string', this.#consumed - (n - stop)), n)
    }
    return n
  }

  /** A number ended at `offset` (a non-number character follows). False when malformed. */
  #endNumber(offset: number): boolean {
    const text = this.#token
    this.#token = ''
    if (!JSON_NUMBER.test(text)) return this.#fail(`malformed number '${text}'`, offset)
    this.#completeValue(Number(text))
    return true
  }

  /** A value is complete: into its container, or as the result. */
  #completeValue(value: unknown): void {
    const top = this.#stack[this.#stack.length - 1]
    if (top === undefined) {
      this.#result = value
      this.#at = At.Done
    } else {
      if (top.array) top.items.push(value)
      else {
        setMember(top.members, top.key!, value)
        top.key = undefined
      }
      this.#at = At.CommaOrEnd
    }
  }

  /** Starts a string (a key when `isKey`). */
  #startString(isKey: boolean): true {
    this.#at = At.String
    this.#stringIsKey = isKey
    this.#token = ''
    return true
  }

  /** Handles one structural (non-whitespace, outside a token) character. False when malformed. */
  #structural(c: string, offset: number): boolean {
    const at = this.#at
    const top = this.#stack[this.#stack.length - 1]
    if (at === At.Value) {
      // An array closes here only before its first element (`[1,]` is malformed).
      if (c === ']' && top?.array && top.items.length === 0) return this.#close(true, offset)
      return this.#startValue(c, offset)
    }
    if (at === At.Key) {
      if (c === '"') return this.#startString(true)
      if (c === '}' && top.keys === 0) return this.#close(false, offset)
      return this.#fail(`expected a key, got '${c}'`, offset)
    }
    if (at === At.Colon) {
      if (c !== ':') return this.#fail(`expected ':', got '${c}'`, offset)
      this.#at = At.Value
      return true
    }
    if (at === At.CommaOrEnd) {
      const array = top.array
      const end = array ? ']' : '}'
      if (c === ',') {
        this.#at = array ? At.Value : At.Key
        return true
      }
      if (c === end) return this.#close(array, offset)
      return this.#fail(`expected ',' or '${end}', got '${c}'`, offset)
    }
    return this.#fail(`unexpected '${c}' after the value`, offset)
  }

  #startValue(c: string, offset: number): boolean {
    if (c === '"') return this.#startString(false)
    if (c === '{' || c === '[') {
      const array = c === '['
      this.#stack.push({ array, items: [], members: {}, key: undefined, keys: 0 })
      this.#at = array ? At.Value : At.Key
      return true
    }
    if (c in LITERALS) {
      this.#at = At.Literal
      this.#literal = LITERALS[c]
    } else if (c === '-' || (c >= '0' && c <= '9')) this.#at = At.Number
    else return this.#fail(`unexpected '${c}'`, offset)
    this.#token = c
    return true
  }

  #close(array: boolean, offset: number): boolean {
    const top = this.#stack[this.#stack.length - 1]
    if (top.array !== array) return this.#fail(`unexpected '${array ? ']' : '}'}'`, offset)
    this.#stack.pop()
    this.#completeValue(array ? top.items : top.members)
    return true
  }

  /** Builds the partial value: the open token, then each open container around it. */
  #materialize(): unknown {
    const at = this.#at
    if (at === At.Done) return this.#result
    if (at === At.Failed) return undefined
    let child: unknown = NONE
    if (at === At.String && !this.#stringIsKey) child = this.#token
    else if (at === At.Number) child = partialNumber(this.#token)
    else if (at === At.Literal) child = this.#literal
    return materializeFrames(this.#stack, child)
  }
}
