import type { Message } from '../core/protocol/types'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { Snapshot } from '../core/reducer/Snapshot'

/**
 * What the selector reads of the reducer's persistent message list (`Snapshot.list`): a shared,
 * append-only `head` array of which the list uses the first `headLen` items. Two lists with the
 * same `head` hold identical messages below the smaller `headLen` (the list copies the head
 * before changing any of those), so only the positions past it need a look.
 */
interface ListInternals {
  head: readonly Message[]
  headLen: number
}

/**
 * A thread as the selector reads it: the reducer's persistent list (`Snapshot.list`) or a plain
 * messages array, both read by `length` and `at`. The same object means the same messages.
 */
interface Thread {
  readonly length: number
  at(index: number): Message | undefined
}

/** The selector's memory: the thread version it last saw and what it derived from it. */
interface State {
  thread: Thread
  internals: ListInternals | undefined
  /** The message at each position (references, for identity checks). */
  messages: Message[]
  /** The visible ids (immutable; a new array whenever they change). */
  ids: readonly string[]
  /** `toolCallId`s of visible tool messages (results whose call is unknown so far). */
  orphans: string[]
  /** The visible ids as a set: an id is listed once (its first visible message). */
  listed: Set<string>
}

function internalsOf(thread: Thread): ListInternals | undefined {
  const candidate = thread as Partial<ListInternals>
  return Array.isArray(candidate.head) && typeof candidate.headLen === 'number'
    ? (candidate as ListInternals)
    : undefined
}

const threadOf = (snapshot: AgentSnapshot): Thread =>
  snapshot instanceof Snapshot ? snapshot.list : snapshot.messages

/**
 * Takes in the message at the end of `state`'s thread (`selectVisibleMessageIds`'s rules):
 * remembers an orphan tool result, and returns whether its id is a new visible id (then listed).
 */
function isNewVisibleId(snapshot: AgentSnapshot, state: State, m: Message): boolean {
  if (m.role === 'system' || m.role === 'developer') return false
  if (m.role === 'tool') {
    if (snapshot.toolCalls[m.toolCallId] !== undefined) return false
    state.orphans.push(m.toolCallId)
  }
  if (state.listed.has(m.id)) return false
  state.listed.add(m.id)
  return true
}

/** Tool-call ids of an assistant message, or `undefined` for other roles. */
function callIds(m: Message): readonly string[] | undefined {
  return m.role === 'assistant' ? (m.toolCalls?.map((c) => c.id) ?? []) : undefined
}

/** Whether `next` only adds tool calls after `prev`'s (a streamed `TOOL_CALL_START`). */
function callsExtend(prev: Message, next: Message): boolean {
  const a = callIds(prev)
  const b = callIds(next)
  if (a === undefined || b === undefined) return a === b
  return a.length <= b.length && a.every((id, i) => id === b[i])
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i])

/**
 * Creates a selector of the ids a chat shows ({@link selectVisibleMessageIds}'s result) that
 * works incrementally: it remembers the last thread version it saw and, for the next one,
 * looks only at the positions that can differ. On the reducer's snapshots a streamed token
 * (one message of the ~32-message tail replaced) costs O(32) whatever the thread length, a new
 * message O(visible ids) once; a rebuilt list (`MESSAGES_SNAPSHOT`, an edit deep in the
 * history) or a plain-object snapshot costs one O(thread) pass.
 *
 * The result keeps its identity while the visible ids do not change, so `Object.is` is the
 * right equality for it. Each selector keeps its own memory: create one per subscriber.
 */
export function createMessageIdsSelector(): (snapshot: AgentSnapshot) => readonly string[] {
  let state: State | undefined

  function rebuild(snapshot: AgentSnapshot, thread: Thread): readonly string[] {
    const previous = state
    const next: State = {
      thread,
      internals: internalsOf(thread),
      messages: [],
      ids: [],
      orphans: [],
      listed: new Set(),
    }
    const ids: string[] = []
    for (let i = 0; i < thread.length; i++) {
      const m = thread.at(i)!
      next.messages.push(m)
      if (isNewVisibleId(snapshot, next, m)) ids.push(m.id)
    }
    next.ids = previous && sameIds(previous.ids, ids) ? previous.ids : ids
    state = next
    return next.ids
  }

  return (snapshot) => {
    const thread = threadOf(snapshot)
    if (state !== undefined && state.thread === thread) return state.ids
    const previous = state
    const a = previous?.internals
    const b = internalsOf(thread)
    // Positions below the previous head length are shared, hence unchanged.
    if (
      previous === undefined ||
      a === undefined ||
      b === undefined ||
      a.head !== b.head ||
      b.headLen < a.headLen ||
      thread.length < previous.messages.length
    ) {
      return rebuild(snapshot, thread)
    }
    const { messages } = previous
    const known = messages.length
    let structural = false
    for (let i = a.headLen; i < known; i++) {
      const next = thread.at(i)!
      const prev = messages[i]
      if (next === prev) continue
      if (
        next.id !== prev.id ||
        next.role !== prev.role ||
        (next.role === 'tool' && prev.role === 'tool' && next.toolCallId !== prev.toolCallId) ||
        !callsExtend(prev, next)
      ) {
        return rebuild(snapshot, thread)
      }
      if (next.role === 'assistant' && next.toolCalls?.length !== callIds(prev)?.length) {
        structural = true
      }
      messages[i] = next
    }
    let appended: string[] | undefined
    for (let i = known; i < thread.length; i++) {
      const m = thread.at(i)!
      messages.push(m)
      structural = true
      if (isNewVisibleId(snapshot, previous, m)) (appended ??= []).push(m.id)
    }
    // A new call can claim a result shown so far as an orphan: redo the (rare) full pass.
    if (structural && previous.orphans.some((id) => snapshot.toolCalls[id] !== undefined)) {
      return rebuild(snapshot, thread)
    }
    const ids = appended ? previous.ids.concat(appended) : previous.ids
    state = { ...previous, thread, internals: b, ids }
    return ids
  }
}
