import type { AgentSnapshot, ToolApproval } from '../core/reducer/AgentSnapshot'
import {
  sameToolCall,
  toToolCallState,
  toToolCallStates,
  type ToolCallState,
} from './toToolCallState'

/** A tool call as `useToolCalls` / `useToolCall` return it: with its approval, when it has one. */
export type ToolCallWithApproval = ToolCallState & {
  /** The call's approval (issue 3), when it needs (or needed) a person's decision. */
  approval?: ToolApproval
}

const itemCache = new WeakMap<
  ToolCallState,
  { approval: ToolApproval; item: ToolCallWithApproval }
>()
const listCache = new WeakMap<
  object,
  { approvals: AgentSnapshot['approvals']; list: ToolCallWithApproval[] }
>()

/**
 * `state` with `approval` attached; the same object for the same pair (cached), and `state`
 * itself when there is no approval.
 * @internal
 */
export function withApproval(
  state: ToolCallState,
  approval: ToolApproval | undefined,
): ToolCallWithApproval {
  if (approval === undefined) return state
  const cached = itemCache.get(state)
  if (cached?.approval === approval) return cached.item
  const item = { ...state, approval }
  itemCache.set(state, { approval, item })
  return item
}

/** Every tool call of `snapshot` with its approval; the same array for the same inputs. @internal */
export function selectToolCallsWithApproval(snapshot: AgentSnapshot): ToolCallWithApproval[] {
  const states = toToolCallStates(snapshot.toolCalls)
  const cached = listCache.get(states)
  if (cached?.approvals === snapshot.approvals) return cached.list
  const list = states.map((state) => withApproval(state, snapshot.approvals[state.id]))
  listCache.set(states, { approvals: snapshot.approvals, list })
  return list
}

/** One tool call of `snapshot` with its approval, or `undefined`. @internal */
export function selectToolCallWithApproval(
  snapshot: AgentSnapshot,
  id: string,
): ToolCallWithApproval | undefined {
  const view = snapshot.toolCalls[id]
  return view === undefined
    ? undefined
    : withApproval(toToolCallState(view), snapshot.approvals[id])
}

/** {@link sameToolCall} that also compares the approval. @internal */
export function sameToolCallWithApproval(
  a: ToolCallWithApproval | undefined,
  b: ToolCallWithApproval | undefined,
): boolean {
  return sameToolCall(a, b) && a?.approval === b?.approval
}

/** {@link sameToolCallWithApproval} element-wise. @internal */
export function sameToolCallsWithApproval(
  a: readonly ToolCallWithApproval[],
  b: readonly ToolCallWithApproval[],
): boolean {
  return (
    a === b || (a.length === b.length && a.every((call, i) => sameToolCallWithApproval(call, b[i])))
  )
}
