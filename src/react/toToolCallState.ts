import type { ToolCallView } from '../core/reducer/AgentSnapshot'
import { parsePartialJson, parseToolCallArgs } from '../core/reducer/parseToolCallArgs'

/**
 * A tool call as the hooks return it: the reducer's {@link ToolCallView} plus its arguments
 * parsed. `parsedArgs` is the JSON value of `args` so far: while streaming, an incomplete
 * text parses as far as it goes (`'{"city":"Par'` → `{ city: 'Par' }`); `undefined` when
 * `args` is empty or malformed. Parsed incrementally (`parseToolCallArgs`): each new
 * `TOOL_CALL_ARGS` delta is read once, and completed objects and arrays inside `parsedArgs`
 * keep their identity while the call streams.
 */
export type ToolCallState = ToolCallView & { parsedArgs: unknown }

/** How many distinct `args` strings keep their parse result (a small LRU). */
const PARSE_CACHE_SIZE = 256
const parseCache = new Map<string, unknown>()
/**
 * The state built for the newest view of each call id (and the list for the newest record).
 * Not WeakMaps: a streaming call has a new view per delta, and a WeakMap entry per short-lived
 * key costs far more garbage-collection work than one slot per id.
 */
const stateCache = new Map<string, { view: ToolCallView; state: ToolCallState }>()
const STATE_CACHE_SIZE = 256
let listCache: { toolCalls: object; list: ToolCallState[] } | undefined

/**
 * Parses a whole (possibly incomplete) tool-call argument JSON text (see `PartialJsonParser`
 * in the core), caching results per text (a small LRU), so the same text gives the same
 * object. Returns `undefined` for an empty or malformed text. For arguments that stream, the
 * hooks use the incremental `parseToolCallArgs` instead (this one reads the whole text).
 */
export function parsePartialArgs(args: string): unknown {
  if (parseCache.has(args)) {
    const value = parseCache.get(args)
    parseCache.delete(args)
    parseCache.set(args, value)
    return value
  }
  const value = parsePartialJson(args)
  parseCache.set(args, value)
  if (parseCache.size > PARSE_CACHE_SIZE) {
    parseCache.delete(parseCache.keys().next().value as string)
  }
  return value
}

/**
 * The {@link ToolCallState} of `view`; the same object for the same view (the newest view of
 * each call is cached; the reducer keeps a view's identity while the call does not change).
 */
export function toToolCallState(view: ToolCallView): ToolCallState {
  const cached = stateCache.get(view.id)
  if (cached !== undefined && cached.view === view) return cached.state
  // Built field by field: spreading the view costs ~15× more (it is hit once per delta).
  const state: ToolCallState = {
    id: view.id,
    name: view.name,
    messageId: view.messageId,
    status: view.status,
    args: view.args,
    parsedArgs: parseToolCallArgs(view.id, view.args),
  }
  if (view.result !== undefined) state.result = view.result
  if (cached !== undefined) {
    cached.view = view
    cached.state = state
  } else {
    stateCache.set(view.id, { view, state })
    if (stateCache.size > STATE_CACHE_SIZE) stateCache.delete(stateCache.keys().next().value!)
  }
  return state
}

/**
 * The tool calls of `toolCalls` (a snapshot's record by id) as {@link ToolCallState}s in
 * insertion order; the same array for the same record (the newest record is cached).
 */
export function toToolCallStates(
  toolCalls: Readonly<Record<string, ToolCallView>>,
): ToolCallState[] {
  if (listCache?.toolCalls === toolCalls) return listCache.list
  const list = Object.values(toolCalls).map(toToolCallState)
  listCache = { toolCalls, list }
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
