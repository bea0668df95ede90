import { Allow, parse } from 'partial-json'
import type { ToolCallView } from '../core/reducer/AgentSnapshot'

/**
 * A tool call as the hooks return it: the reducer's {@link ToolCallView} plus its arguments
 * parsed. `parsedArgs` is the JSON value of `args` so far: while streaming, an incomplete
 * text parses as far as it goes (`'{"city":"Par'` → `{ city: 'Par' }`); `undefined` when
 * `args` is empty or malformed.
 */
export type ToolCallState = ToolCallView & { parsedArgs: unknown }

/** How many distinct `args` strings keep their parse result (a small LRU). */
const PARSE_CACHE_SIZE = 256
const parseCache = new Map<string, unknown>()
const stateCache = new WeakMap<ToolCallView, ToolCallState>()
const listCache = new WeakMap<object, ToolCallState[]>()

/**
 * Parses (possibly incomplete) tool-call argument JSON with `partial-json`, caching results
 * per `args` string, so re-renders and status changes do not parse again.
 * Returns `undefined` for an empty or malformed text.
 */
export function parsePartialArgs(args: string): unknown {
  if (args.trim() === '') return undefined
  if (parseCache.has(args)) {
    const value = parseCache.get(args)
    parseCache.delete(args)
    parseCache.set(args, value)
    return value
  }
  let value: unknown
  try {
    value = parse(args, Allow.ALL)
  } catch {
    value = undefined
  }
  parseCache.set(args, value)
  if (parseCache.size > PARSE_CACHE_SIZE) {
    parseCache.delete(parseCache.keys().next().value as string)
  }
  return value
}

/**
 * The {@link ToolCallState} of `view`; the same object for the same view (cached per view
 * identity, which the reducer keeps while the call does not change).
 */
export function toToolCallState(view: ToolCallView): ToolCallState {
  let state = stateCache.get(view)
  if (state === undefined) {
    state = { ...view, parsedArgs: parsePartialArgs(view.args) }
    stateCache.set(view, state)
  }
  return state
}

/**
 * The tool calls of `toolCalls` (a snapshot's record by id) as {@link ToolCallState}s in
 * insertion order; the same array for the same record.
 */
export function toToolCallStates(
  toolCalls: Readonly<Record<string, ToolCallView>>,
): ToolCallState[] {
  let list = listCache.get(toolCalls)
  if (list === undefined) {
    list = Object.values(toolCalls).map(toToolCallState)
    listCache.set(toolCalls, list)
  }
  return list
}

/**
 * Whether two tool-call states show the same thing: same id, name, owner message, status,
 * arguments text and result message. Lets hooks keep the previous object (and skip a render)
 * when a snapshot rebuilt an unchanged tool call.
 */
export function sameToolCall(a: ToolCallState | undefined, b: ToolCallState | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.messageId === b.messageId &&
    a.status === b.status &&
    a.args === b.args &&
    a.result === b.result
  )
}

/** {@link sameToolCall} element-wise over two lists. */
export function sameToolCalls(a: readonly ToolCallState[], b: readonly ToolCallState[]): boolean {
  return a === b || (a.length === b.length && a.every((call, i) => sameToolCall(call, b[i])))
}
