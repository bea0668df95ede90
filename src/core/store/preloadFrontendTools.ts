import { createChunkLoader } from '../protocol/createChunkLoader'
import type { FrontendTools } from './frontendTools'
import type { ToolDefinition } from './ToolDefinition'

const chunk = createChunkLoader<FrontendTools>(
  () => import('./frontendTools').then((module) => module.frontendTools),
  "The frontend tools' code",
)

/**
 * Loads the frontend-tools chunk once (see {@link preloadFrontendTools}). Resolves with it;
 * rejects with `AgentError('load_failed')` (retryable) when the chunk cannot be loaded, and the
 * next call tries again.
 * @internal
 */
export function loadFrontendTools(): Promise<FrontendTools> {
  return chunk.load()
}

/** The frontend-tools chunk if it is loaded, else `undefined` (nothing started). @internal */
export function loadedFrontendTools(): FrontendTools | undefined {
  return chunk.loaded()
}

/**
 * `undefined` when the registered tools (`registered()`) can be sent now: none has a `handler`,
 * or their code and schema converters are loaded. Else the promise of that load (this chunk,
 * then zod's `toJSONSchema` for a zod/mini schema), started here; it rejects with `load_failed`
 * when the chunk cannot be loaded.
 * @internal
 */
export function frontendToolsPending(
  registered: () => readonly ToolDefinition[],
): Promise<void> | undefined {
  const all = registered()
  if (!all.some((t) => t.handler)) return undefined
  const loaded = chunk.loaded()
  if (loaded) return loaded.jsonSchemaPending(all)
  return loadFrontendTools().then((tools) => tools.jsonSchemaPending(registered()))
}

/**
 * Starts loading the agent store's frontend-tool code (running a registered tool's `handler`
 * with validated arguments, timeout and abort; converting tool schemas to the JSON Schema sent
 * in `RunAgentInput.tools`; 1.4 kB gzipped, its own chunk) if it is not loaded yet; resolves once
 * it is. A store starts it by itself as soon as a tool with a `handler` is registered
 * (`registerTool`, `useFrontendTool`; once the store's human-in-the-loop layer, which that
 * registration loads, is in: see `preloadStoreHumanInTheLoop`), and a run that has such tools to
 * send waits for it, so calling this is only needed to have it in even earlier.
 *
 * Never rejects: a failed load is logged and the next call tries again. Meanwhile a run that
 * needs it ends with `AgentError('load_failed')` (retryable: `retry()` loads it again), and a
 * call that needed a handler gets that error as its tool result.
 */
export function preloadFrontendTools(): Promise<void> {
  return chunk.preload()
}
