/** What a container or token holds while it is open. @internal */
interface Frame {
  /** `true` for an array, `false` for an object. */
  array: boolean
  /** Array: the elements completed so far (mutated in place until the array closes). */
  items: unknown[]
  /** Object: the members completed so far (mutated in place until the object closes). */
  members: Record<string, unknown>
  /** Object: the key whose value is awaited or being read. */
  key: string | undefined
  /** Object: keys read so far. */
  keys: number
}

/** Where the parser is between characters. */
const enum At {
  /** A value must follow (top level, after `[`, `,` in an array, `:`). */
  Value,
  /** After `[`: a value or `]`. */
  ValueOrEnd,
  /** After `{`: a key or `}`. */
  KeyOrEnd,
  /** After `,` in an object: a key. */
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

const NONE: unique symbol = Symbol('none')
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/
/** Characters that end a run of plain string content: quote, backslash, control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const STRING_SPECIAL = /["\\\u0000-\u001f]/g
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}
const LITERALS: Record<string, [string, unknown]> = {
  t: ['true', true],
  f: ['false', false],
  n: ['null', null],
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

/** Sets `key` on `target` as `JSON.parse` does (an own `__proto__` member, not the prototype). */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    })
  } else target[key] = value
}

/** The value of a number's text so far: the longest valid prefix (`12.` → 12, `1e` → 1), or NONE. */
function partialNumber(text: string): number | typeof NONE {
  const trimmed = text.replace(/(?:[eE][+-]?|\.)$/, '')
  return NUMBER.test(trimmed) ? Number(trimmed) : NONE
}

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
  #stack: Frame[] = []
  /** The completed top-level value (when `#at` is Done). */
  #result: unknown = undefined
  /** Text of the open token: string content decoded so far, number or literal characters. */
  #token = ''
  #stringIsKey = false
  /** Per depth, the keys of the last object read there, in order (see `#readString`). */
  #keyHints: string[][] = []
  /** Inside a string: '' outside an escape, else the escape read so far (`\`, `\u12`, ...). */
  #escape = ''
  #literal = ''
  #literalValue: unknown = null
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
    if (this.#at === At.Failed || piece === '') {
      this.#consumed += piece.length
      return this
    }
    const start = this.#consumed
    this.#consumed += piece.length
    this.#dirty = true
    let i = 0
    const n = piece.length
    while (i < n) {
      switch (this.#at) {
        case At.String: {
          i = this.#readString(piece, i)
          break
        }
        case At.Number: {
          let j = i
          for (; j < n; j++) {
            const c = piece.charCodeAt(j)
            // digits, '+', '-', '.', 'e', 'E'
            if (!(
              (c >= 0x30 && c <= 0x39) ||
              c === 0x2b ||
              c === 0x2d ||
              c === 0x2e ||
              c === 0x65 ||
              c === 0x45
            ))
              break
          }
          this.#token += piece.slice(i, j)
          i = j
          if (i < n && !this.#endNumber(start + i)) return this
          break
        }
        case At.Literal: {
          const literal = this.#literal
          let matched = this.#token.length
          while (i < n && matched < literal.length) {
            if (piece[i] !== literal[matched])
              return this.#fail(`expected '${literal[matched]}'`, start + i)
            i++
            matched++
          }
          this.#token = literal.slice(0, matched)
          if (matched === literal.length) this.#completeValue(this.#literalValue)
          break
        }
        default: {
          const c = piece.charCodeAt(i)
          if (isSpace(c)) {
            i++
            break
          }
          if (!this.#structural(piece[i], start + i)) return this
          i++
        }
      }
    }
    return this
  }

  /**
   * The value of the text so far (see the class docs), `undefined` before any value starts or
   * when the text is malformed. The same object between pushes.
   */
  get value(): unknown {
    if (!this.#dirty) return this.#cache
    this.#dirty = false
    this.#cache = this.#materialize()
    return this.#cache
  }

  #fail(message: string, offset: number): this {
    this.#at = At.Failed
    this.#error = `${message} at offset ${offset}`
    this.#stack = []
    this.#cache = undefined
    this.#dirty = false
    return this
  }

  /** Reads string content from `piece[i]`; returns the index after what it read. */
  #readString(piece: string, i: number): number {
    const n = piece.length
    while (i < n) {
      if (this.#escape !== '') {
        const escape = this.#escape + piece[i]
        i++
        if (escape.length === 2 && escape[1] !== 'u') {
          const decoded = ESCAPES[escape[1]]
          if (decoded === undefined) {
            this.#fail(`invalid escape '${escape}'`, this.#consumed - (n - i) - 1)
            return n
          }
          this.#token += decoded
          this.#escape = ''
        } else if (escape.length > 2) {
          const hex = escape.charCodeAt(escape.length - 1)
          const isHex =
            (hex >= 0x30 && hex <= 0x39) ||
            (hex >= 0x41 && hex <= 0x46) ||
            (hex >= 0x61 && hex <= 0x66)
          if (!isHex) {
            this.#fail(`invalid escape '${escape}'`, this.#consumed - (n - i) - 1)
            return n
          }
          if (escape.length === 6) {
            this.#token += String.fromCharCode(parseInt(escape.slice(2), 16))
            this.#escape = ''
          } else this.#escape = escape
        } else this.#escape = escape
        continue
      }
      STRING_SPECIAL.lastIndex = i
      const match = STRING_SPECIAL.exec(piece)
      const stop = match === null ? n : match.index
      if (stop > i) this.#token += piece.slice(i, stop)
      if (stop === n) return n
      const c = piece[stop]
      if (c === '\\') {
        this.#escape = '\\'
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
          if (hint === text) frame.key = hint
          else frame.key = hints[frame.keys] = text
          frame.keys++
          this.#at = At.Colon
        } else this.#completeValue(text)
        return stop + 1
      } else {
        this.#fail('control character in a string', this.#consumed - (n - stop))
        return n
      }
    }
    return n
  }

  /** A number ended at `offset` (a non-number character follows). False when malformed. */
  #endNumber(offset: number): boolean {
    const text = this.#token
    this.#token = ''
    if (!NUMBER.test(text)) {
      this.#fail(`malformed number '${text}'`, offset)
      return false
    }
    this.#completeValue(Number(text))
    return true
  }

  /** A value is complete: into its container, or as the result. */
  #completeValue(value: unknown): void {
    const top = this.#stack[this.#stack.length - 1]
    if (top === undefined) {
      this.#result = value
      this.#at = At.Done
      return
    }
    if (top.array) top.items.push(value)
    else {
      setMember(top.members, top.key!, value)
      top.key = undefined
    }
    this.#at = At.CommaOrEnd
  }

  /** Handles one structural (non-whitespace, outside a token) character. False when malformed. */
  #structural(c: string, offset: number): boolean {
    const at = this.#at
    if (at === At.Value || at === At.ValueOrEnd) {
      if (c === ']' && at === At.ValueOrEnd) return this.#close(true, offset)
      return this.#startValue(c, offset)
    }
    if (at === At.KeyOrEnd || at === At.Key) {
      if (c === '"') {
        this.#at = At.String
        this.#stringIsKey = true
        this.#token = ''
        return true
      }
      if (c === '}' && at === At.KeyOrEnd) return this.#close(false, offset)
      this.#fail(`expected a key, got '${c}'`, offset)
      return false
    }
    if (at === At.Colon) {
      if (c === ':') {
        this.#at = At.Value
        return true
      }
      this.#fail(`expected ':', got '${c}'`, offset)
      return false
    }
    if (at === At.CommaOrEnd) {
      const top = this.#stack[this.#stack.length - 1]
      if (c === ',') {
        this.#at = top.array ? At.Value : At.Key
        return true
      }
      if (c === (top.array ? ']' : '}')) return this.#close(top.array, offset)
      this.#fail(`expected ',' or '${top.array ? ']' : '}'}', got '${c}'`, offset)
      return false
    }
    this.#fail(`unexpected '${c}' after the value`, offset)
    return false
  }

  #startValue(c: string, offset: number): boolean {
    if (c === '"') {
      this.#at = At.String
      this.#stringIsKey = false
      this.#token = ''
      return true
    }
    if (c === '{' || c === '[') {
      const array = c === '['
      this.#stack.push({ array, items: [], members: {}, key: undefined, keys: 0 })
      this.#at = array ? At.ValueOrEnd : At.KeyOrEnd
      return true
    }
    const literal = LITERALS[c]
    if (literal) {
      this.#at = At.Literal
      this.#literal = literal[0]
      this.#literalValue = literal[1]
      this.#token = c
      return true
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      this.#at = At.Number
      this.#token = c
      return true
    }
    this.#fail(`unexpected '${c}'`, offset)
    return false
  }

  #close(array: boolean, offset: number): boolean {
    const top = this.#stack[this.#stack.length - 1]
    if (top.array !== array) {
      this.#fail(`unexpected '${array ? ']' : '}'}'`, offset)
      return false
    }
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
    else if (at === At.Literal) child = this.#literalValue
    for (let d = this.#stack.length - 1; d >= 0; d--) {
      const frame = this.#stack[d]
      if (frame.array) {
        child = child === NONE ? frame.items.slice() : frame.items.concat([child])
      } else {
        // A copying loop, not a spread: spread sites that see many shapes are ~5× slower.
        const members: Record<string, unknown> = {}
        for (const key in frame.members) setMember(members, key, frame.members[key])
        if (child !== NONE && frame.key !== undefined) setMember(members, frame.key, child)
        child = members
      }
    }
    return child === NONE ? undefined : child
  }
}
