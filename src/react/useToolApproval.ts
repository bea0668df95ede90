import { useCallback, useMemo } from 'react'
import type { AgentError } from '../core/protocol/AgentError'
import type { AgentSnapshot, ToolApproval } from '../core/reducer/AgentSnapshot'
import type { ApprovalPolicyStore } from '../core/store/ApprovalPolicyStore'
import { useSelect } from './useAgentSelector'
import { useStoreOf } from './useAgentStore'

/** What `useToolApproval()` (no id) returns: every approval of the thread and the actions. */
export interface ToolApprovalList {
  /** Approvals waiting for a person (`state === 'pending'`), in call order. */
  pending: ToolApproval[]
  /** Every approval of the thread (any state), in call order. */
  approvals: ToolApproval[]
  /** `store.approve`: approve a call; `always` also allows the tool in the policy store. */
  approve: (toolCallId: string, options?: { always?: boolean }) => void
  /** `store.deny`: deny a call; `reason` is sent to the agent. */
  deny: (toolCallId: string, reason?: string) => void
  /** `store.editArgs`: approve with edited arguments; returns `invalid_args` when they fail. */
  edit: (toolCallId: string, args: unknown) => AgentError | undefined
  /** The store's policy store ("always allow" entries). */
  policy: ApprovalPolicyStore
}

/** What `useToolApproval(toolCallId)` returns: one approval and its actions. */
export interface ToolApprovalControls {
  /** The call's approval, or `undefined` while it has none. */
  approval: ToolApproval | undefined
  approve: (options?: { always?: boolean }) => void
  deny: (reason?: string) => void
  /** Approve with edited arguments; `AgentError('invalid_args')` (nothing changed) when they fail. */
  edit: (args: unknown) => AgentError | undefined
}

const listCache = new WeakMap<object, { pending: ToolApproval[]; approvals: ToolApproval[] }>()

function lists(approvals: AgentSnapshot['approvals']) {
  let cached = listCache.get(approvals)
  if (!cached) {
    const all = Object.values(approvals)
    cached = { approvals: all, pending: all.filter((a) => a.state === 'pending') }
    listCache.set(approvals, cached)
  }
  return cached
}

const selectApprovals = (snapshot: AgentSnapshot) => snapshot.approvals

/**
 * Tool approvals (issue 3, "Approvals"). Without an id: every approval of the thread, the
 * pending ones, and the actions by id. With a `toolCallId`: that call's approval and actions
 * bound to it. Re-renders only when the selected approval(s) change; the actions keep their
 * identity for the life of the store.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const { approval, approve, deny } = useToolApproval(call.id)
 * if (approval?.state === 'pending') return <button onClick={() => approve()}>Approve</button>
 */
export function useToolApproval(): ToolApprovalList
export function useToolApproval(toolCallId: string): ToolApprovalControls
export function useToolApproval(toolCallId?: string): ToolApprovalList | ToolApprovalControls
export function useToolApproval(toolCallId?: string): ToolApprovalList | ToolApprovalControls {
  const store = useStoreOf('useToolApproval')
  const selector = useCallback(
    (snapshot: AgentSnapshot): AgentSnapshot['approvals'] | ToolApproval | undefined =>
      toolCallId === undefined ? selectApprovals(snapshot) : snapshot.approvals[toolCallId],
    [toolCallId],
  )
  const selected = useSelect('useToolApproval', selector, Object.is)
  const byId = useMemo(
    () => ({
      approve: (id: string, options?: { always?: boolean }) => store.approve(id, options),
      deny: (id: string, reason?: string) => store.deny(id, reason),
      edit: (id: string, args: unknown) => store.editArgs(id, args),
      policy: store.policyStore,
    }),
    [store],
  )
  const bound = useMemo(
    () =>
      toolCallId === undefined
        ? undefined
        : {
            approve: (options?: { always?: boolean }) => store.approve(toolCallId, options),
            deny: (reason?: string) => store.deny(toolCallId, reason),
            edit: (args: unknown) => store.editArgs(toolCallId, args),
          },
    [store, toolCallId],
  )
  if (bound === undefined) {
    return { ...lists(selected as AgentSnapshot['approvals']), ...byId }
  }
  return { approval: selected as ToolApproval | undefined, ...bound }
}
