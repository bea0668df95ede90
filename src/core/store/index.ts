/**
 * The agent store (design.md, "core/store"): runs an agent, reduces its events and publishes
 * snapshots at most once per frame. Framework-agnostic; the React layer binds to it.
 */
export { createAgentStore } from './createAgentStore'
export { defaultScheduler } from './defaultScheduler'
export {
  createFrameScheduler,
  DEFAULT_MAX_FLUSHES_PER_SECOND,
  FRAME_TIMEOUT_MS,
  HIDDEN_FLUSH_DELAY_MS,
  type FrameSchedulerOptions,
} from './createFrameScheduler'
export { toUserMessage } from './toUserMessage'
export type {
  AgentStore,
  AgentStoreOptions,
  AgentRunOptions,
  ThreadEditOptions,
  AgentEventListener,
} from './AgentStore'
export type { Scheduler } from './Scheduler'
export { createMemoryPolicyStore } from './createMemoryPolicyStore'
export {
  createLocalStoragePolicyStore,
  DEFAULT_POLICY_STORAGE_KEY,
  type PolicyStorage,
} from './createLocalStoragePolicyStore'
export type { ApprovalPolicyStore } from './ApprovalPolicyStore'
export {
  DEFAULT_TOOL_TIMEOUT_MS,
  type StandardSchemaLike,
  type StandardSchemaResult,
  type ToolDefinition,
  type ToolHandlerContext,
} from './ToolDefinition'
export { hashArgs } from './hashArgs'
export { preloadFrontendTools } from './preloadFrontendTools'
export { preloadStoreHumanInTheLoop } from './preloadStoreHumanInTheLoop'
export { snapshotToPersisted, type PersistedThread } from './snapshotToPersisted'
