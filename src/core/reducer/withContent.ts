import { hasOnlyKeys } from './hasOnlyKeys'

/**
 * The message copy {@link withContent} made last, and whether its own keys are exactly `id`,
 * `role`, `content` (in that order, no symbol keys): then the next copy of it can be a literal.
 */
let lastCopy: object | undefined
let lastPlain = false

const PLAIN_KEYS = ['id', 'role', 'content']

/**
 * A copy of message `m` with `content` replaced: same keys in the same order, `m` untouched.
 *
 * A streamed token copies the message it extends, once per event (issue 7). A spread clone
 * (`{ ...m }`) costs V8 about 5× what an object literal does, so the copy of a copy made here
 * just before (the message being streamed) is a literal when the message holds only
 * `id`, `role` and `content` (what `TEXT_MESSAGE_START` creates). The shape is read once per
 * message (`Object.keys`), not per token; anything else (name, metadata, a message given by the
 * caller) takes the spread. The identity check is safe because the reducer never mutates a
 * message it made. Holds a reference to the one message copied last.
 * @internal
 */
export function withContent<T extends { id: string; role: string; content?: unknown }>(
  m: T,
  content: string,
): T {
  let copy: T
  if (m === lastCopy && lastPlain) {
    copy = { id: m.id, role: m.role, content } as T
  } else {
    copy = { ...m }
    copy.content = content
    lastPlain = hasOnlyKeys(copy, PLAIN_KEYS)
  }
  lastCopy = copy
  return copy
}
