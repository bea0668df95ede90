import type { Message } from '../protocol/types'

/** Messages kept in the small, copied-on-write tail before they move to the shared head. */
const TAIL_MAX = 32

/**
 * A persistent (immutable from the outside) list of messages that makes the operations a
 * stream needs O(1) amortized whatever the thread length:
 *
 * - `head`: a shared, append-only array; a list reads only its first `headLen` items, so
 *   appending past them (when this list owns the array's end) is invisible to older lists.
 * - `tail`: the few messages before the last one, copied when they change.
 * - `last`: the last message, held apart: streaming into it (every token of the message being
 *   written) replaces one field and copies no array.
 * - `index`: a shared id → position cache. Every read verifies the hit, so entries from
 *   other versions of the list are harmless; a miss falls back to a scan and repairs it.
 *
 * Changing the last message costs O(1), another one in the tail O(32); changing an older one
 * copies the head (rare).
 * @internal
 */
export class MessageList {
  private constructor(
    private readonly head: Message[],
    private readonly headLen: number,
    private readonly tail: readonly Message[],
    private readonly index: Map<string, number>,
    private readonly last: Message | undefined,
  ) {}

  /** Builds a list from an array (copied), with a fresh index. O(n). */
  static from(messages: readonly Message[]): MessageList {
    const index = new Map<string, number>()
    messages.forEach((m, i) => index.set(m.id, i))
    return new MessageList(messages.slice(), messages.length, [], index, undefined)
  }

  static readonly empty: MessageList = MessageList.from([])

  get length(): number {
    return this.headLen + this.tail.length + (this.last === undefined ? 0 : 1)
  }

  at(i: number): Message | undefined {
    const inTail = i - this.headLen
    if (i < 0 || inTail > this.tail.length) return undefined
    if (inTail < 0) return this.head[i]
    return inTail < this.tail.length ? this.tail[inTail] : this.last
  }

  /**
   * Position of the message with this id, or -1. O(1): the last message first, then a verified
   * cache hit. With an id repeated (a tool result reusing its assistant's id), one of them.
   */
  indexOf(id: string): number {
    // The message being streamed (every token looks it up): no hash of a fresh id string.
    if (this.last !== undefined && this.last.id === id) return this.headLen + this.tail.length
    const cached = this.index.get(id)
    if (cached !== undefined && this.at(cached)?.id === id) return cached
    for (let i = this.length - 1; i >= 0; i--) {
      if (this.at(i)!.id === id) {
        this.index.set(id, i)
        return i
      }
    }
    return -1
  }

  /**
   * Position of the message with this id and role, or -1. Real streams can reuse one id for an
   * assistant message and the tool result answering it; this finds the right one.
   */
  indexOfRole(id: string, role: Message['role']): number {
    const i = this.indexOf(id)
    if (i < 0 || this.at(i)!.role === role) return i
    for (let j = this.length - 1; j >= 0; j--) {
      const m = this.at(j)!
      if (m.id === id && m.role === role) return j
    }
    return -1
  }

  get(id: string): Message | undefined {
    const i = this.indexOf(id)
    return i < 0 ? undefined : this.at(i)
  }

  /** A list with message `i` replaced by `message`. */
  set(i: number, message: Message): MessageList {
    const inTail = i - this.headLen
    if (inTail === this.tail.length && this.last !== undefined) {
      // A token streamed into the last message: same id, same place, the index is right already.
      if (message.id !== this.last.id) this.index.set(message.id, i)
      return new MessageList(this.head, this.headLen, this.tail, this.index, message)
    }
    this.index.set(message.id, i)
    if (inTail >= 0) {
      const tail = this.tail.slice()
      tail[inTail] = message
      return new MessageList(this.head, this.headLen, tail, this.index, this.last)
    }
    const head = this.head.slice(0, this.headLen)
    head[i] = message
    return new MessageList(head, this.headLen, this.tail, this.index, this.last)
  }

  /** A list with `message` appended. */
  push(message: Message): MessageList {
    this.index.set(message.id, this.length)
    if (this.last === undefined)
      return new MessageList(this.head, this.headLen, this.tail, this.index, message)
    if (this.tail.length < TAIL_MAX) {
      const tail = [...this.tail, this.last]
      return new MessageList(this.head, this.headLen, tail, this.index, message)
    }
    // Move the tail into the head. Append in place when this list owns the head's end.
    const head = this.head.length === this.headLen ? this.head : this.head.slice(0, this.headLen)
    for (const m of this.tail) head.push(m)
    head.push(this.last)
    return new MessageList(head, head.length, [], this.index, message)
  }

  /** A list with `message` inserted at position `i` (0 ≤ i ≤ length). O(n) unless i = length. */
  insert(i: number, message: Message): MessageList {
    if (i >= this.length) return this.push(message)
    const all = this.toArray()
    all.splice(i, 0, message)
    return MessageList.from(all)
  }

  /** A fresh array of the messages, in order. O(n). */
  toArray(): Message[] {
    const out = this.head.slice(0, this.headLen)
    for (const m of this.tail) out.push(m)
    if (this.last !== undefined) out.push(this.last)
    return out
  }
}
