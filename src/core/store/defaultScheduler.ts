import type { Scheduler } from './Scheduler'
import { createFrameScheduler } from './createFrameScheduler'

/**
 * The store's default {@link Scheduler}: {@link createFrameScheduler} with its defaults (animation
 * frames, at most 60 publishes a second, shared by every store that uses it, so stores publishing
 * in the same frame commit together). Pass `createFrameScheduler({ maxPerSecond })` as
 * `AgentStoreOptions.scheduler` for another rate.
 */
export const defaultScheduler: Scheduler = /* @__PURE__ */ createFrameScheduler()
