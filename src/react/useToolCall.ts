import { useCallback } from 'react'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { useSelect } from './useAgentSelector'
import {
  sameToolCallWithApproval,
  selectToolCallWithApproval,
  type ToolCallWithApproval,
} from './withApproval'

/**
 * One tool call by `toolCallId` with its partially parsed arguments and its `approval` (see
 * `useToolCalls`), or `undefined` while it does not exist. Re-renders only when that call or
 * its approval changes.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 */
export function useToolCall(id: string): ToolCallWithApproval | undefined {
  const selector = useCallback(
    (snapshot: AgentSnapshot) => selectToolCallWithApproval(snapshot, id),
    [id],
  )
  return useSelect('useToolCall', selector, sameToolCallWithApproval)
}
