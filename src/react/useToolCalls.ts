import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { sameToolCalls, toToolCallStates, type ToolCallState } from './toToolCallState'
import { useSelect } from './useAgentSelector'

const selectToolCalls = (snapshot: AgentSnapshot) => toToolCallStates(snapshot.toolCalls)

/**
 * Every tool call of the thread (spec 1.1, "Tool calls"), in the order they started, each with
 * `parsedArgs`: its arguments parsed from partial JSON while they stream. Parse results are
 * cached per arguments text, so rendering does not parse again. Re-renders only when a tool
 * call is added or changes.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const calls = useToolCalls()
 * calls.filter((c) => c.status === 'streaming').map((c) => c.parsedArgs)
 */
export function useToolCalls(): ToolCallState[] {
  return useSelect('useToolCalls', selectToolCalls, sameToolCalls)
}
