/**
 * The React binding (design.md, "react/"): `AgentProvider` and thin hooks over the store,
 * with one `useSyncExternalStore` call site (`useAgentSelector`).
 */
export { AgentContext } from './AgentContext'
export { AgentProvider } from './AgentProvider'
export type { AgentProviderProps } from './AgentProvider'
export { useAgentStore } from './useAgentStore'
export { useAgentSelector } from './useAgentSelector'
export { useAgentRun } from './useAgentRun'
export type { AgentRunControls } from './useAgentRun'
export { useConnectionState } from './useConnectionState'
export { useMessages } from './useMessages'
export { useMessage } from './useMessage'
export { useMessageIds } from './useMessageIds'
export { createMessageIdsSelector } from './createMessageIdsSelector'
export { selectVisibleMessageIds } from './selectVisibleMessageIds'
export { useIsStreaming } from './useIsStreaming'
export { useMessageActions } from './useMessageActions'
export type { MessageActionsControls } from './useMessageActions'
export { useAgentState } from './useAgentState'
export type { SetAgentState } from './useAgentState'
export { useToolCalls } from './useToolCalls'
export { useToolCall } from './useToolCall'
export type { ToolCallWithApproval } from './withApproval'
export { useFrontendTool } from './useFrontendTool'
export { useBackendTool } from './useBackendTool'
export type { BackendToolDefinition } from './useBackendTool'
export type { ReactToolDefinition } from './useRegisteredTool'
export { useToolApproval } from './useToolApproval'
export type { ToolApprovalControls, ToolApprovalList } from './useToolApproval'
export { useInterrupts } from './useInterrupts'
export type { InterruptControls } from './useInterrupts'
export { useToolRenderer } from './useToolRenderer'
export type { ToolRender } from './useToolRenderer'
export { shallowEqual } from './shallowEqual'
export {
  parsePartialArgs,
  sameToolCall,
  sameToolCalls,
  toToolCallState,
  toToolCallStates,
} from './toToolCallState'
export type { ToolCallState } from './toToolCallState'
export { useAgentStatus } from './useAgentStatus'
export type { UseAgentStatusOptions } from './useAgentStatus'
export { preloadAgentStatus } from '../core/status/loadStatusChunks'
export { preloadProtocol } from '../core/protocol/loadEventParser'
export { useEventLog } from './useEventLog'
