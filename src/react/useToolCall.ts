import { useCallback } from 'react'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { sameToolCall, toToolCallState, type ToolCallState } from './toToolCallState'
import { useSelect } from './useAgentSelector'

/**
 * One tool call by `toolCallId` with its partially parsed arguments (see `useToolCalls`), or
 * `undefined` while it does not exist. Re-renders only when that call changes.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 */
export function useToolCall(id: string): ToolCallState | undefined {
  const selector = useCallback(
    (snapshot: AgentSnapshot) => {
      const view = snapshot.toolCalls[id]
      return view === undefined ? undefined : toToolCallState(view)
    },
    [id],
  )
  return useSelect('useToolCall', selector, sameToolCall)
}
