/**
 * The agent store (design.md, "core/store"): runs an agent, reduces its events and publishes
 * snapshots at most once per frame. Framework-agnostic; the React layer binds to it.
 */
export { createAgentStore } from './createAgentStore'
export { defaultScheduler, HIDDEN_FLUSH_DELAY_MS, FRAME_TIMEOUT_MS } from './defaultScheduler'
export { toUserMessage } from './toUserMessage'
export type {
  AgentStore,
  AgentStoreOptions,
  AgentRunOptions,
  AgentEventListener,
  Scheduler,
} from './AgentStore'
