import { createChunkLoader, type ChunkLoader } from '../protocol/createChunkLoader'
import type { createHumanInTheLoop } from './createHumanInTheLoop'

/** The store's human-in-the-loop layer, in its own chunk (see {@link preloadStoreHumanInTheLoop}). @internal */
export const humanInTheLoopChunk: ChunkLoader<typeof createHumanInTheLoop> = createChunkLoader(
  () => import('./createHumanInTheLoop').then((module) => module.createHumanInTheLoop),
  "The agent store's human-in-the-loop layer",
)

/**
 * Starts loading the agent store's human-in-the-loop layer (approvals, frontend-tool delivery,
 * follow-up runs, interrupt answers and resume; ~8 kB gzipped, its own chunk) if it is not loaded
 * yet; resolves once it is. A store loads it by itself on first need: a tool registered
 * (`registerTool`, `useFrontendTool`, `useBackendTool`), `initialInterrupts` given, or a run's
 * first `TOOL_CALL_START` / `TOOL_CALL_CHUNK` or `RUN_FINISHED` with an `interrupt` outcome (the
 * run's events wait for it, in order). A chat whose agent never calls a tool nor interrupts never
 * loads it. Calling this is only needed to have it in earlier (before a test, a server render, or
 * as soon as an app knows it will use tools); `<Chat />`'s `preloadHumanInTheLoop()` calls it too.
 *
 * Never rejects: a failed load is logged and the next call tries again. Meanwhile a run that
 * needs the layer ends with `AgentError('load_failed')` (retryable: `retry()` loads it again).
 */
export function preloadStoreHumanInTheLoop(): Promise<void> {
  return humanInTheLoopChunk.preload()
}
