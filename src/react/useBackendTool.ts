import type { ReactToolDefinition } from './useRegisteredTool'
import { useRegisteredTool } from './useRegisteredTool'

/** What {@link useBackendTool} takes: a backend tool has no handler and is never sent in `tools`. */
export type BackendToolDefinition<Args = unknown> = Pick<
  ReactToolDefinition<Args>,
  'name' | 'requiresApproval' | 'parameters' | 'render' | 'followUp'
>

/**
 * Names a tool the agent runs itself, for the component's life, to gate its calls with a
 * person's approval (`requiresApproval`) and/or draw them (`render`). With approval: a call the
 * run leaves unanswered gets the decision as its tool message (`{ approved, reason?, editedArgs? }`)
 * followed by a follow-up run; a call gated by an interrupt (reason `tool_call`) is answered in
 * `resume[]`. `parameters` validates edited arguments.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * useBackendTool({ name: 'delete_file', requiresApproval: true })
 */
export function useBackendTool<Args>(definition: BackendToolDefinition<Args>): void {
  useRegisteredTool('useBackendTool', definition as ReactToolDefinition<never>)
}
