import { useSelect } from './useAgentSelector'
import {
  sameToolCallsWithApproval,
  selectToolCallsWithApproval,
  type ToolCallWithApproval,
} from './withApproval'

/**
 * Every tool call of the thread (spec 1.1, "Tool calls"), in the order they started, each with
 * `parsedArgs`: its arguments parsed from partial JSON while they stream, and `approval` when
 * the call needs (or needed) a person's decision (see `useToolApproval`). Parse results are
 * cached per arguments text, so rendering does not parse again. Re-renders only when a tool
 * call or an approval is added or changes.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const calls = useToolCalls()
 * calls.filter((c) => c.approval?.state === 'pending')
 */
export function useToolCalls(): ToolCallWithApproval[] {
  return useSelect('useToolCalls', selectToolCallsWithApproval, sameToolCallsWithApproval)
}
