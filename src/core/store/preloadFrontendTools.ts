import { AgentError } from '../protocol/AgentError'
import type { FrontendTools } from './frontendTools'
import type { ToolDefinition } from './ToolDefinition'

let loaded: FrontendTools | undefined
let loading: Promise<FrontendTools> | undefined

/**
 * Loads the frontend-tools chunk once (see {@link preloadFrontendTools}). Resolves with it;
 * rejects with `AgentError('load_failed')` (retryable) when the chunk cannot be loaded, and the
 * next call tries again.
 * @internal
 */
export function loadFrontendTools(): Promise<FrontendTools> {
  loading ??= import('./frontendTools').then(
    (module) => (loaded = module.frontendTools),
    (cause: unknown) => {
      loading = undefined
      throw new AgentError(
        'load_failed',
        `The frontend tools' code could not be loaded: ${(cause as Error)?.message ?? String(cause)}`,
        { cause, retryable: true },
      )
    },
  )
  return loading
}

/** The frontend-tools chunk if it is loaded, else `undefined` (nothing started). @internal */
export function loadedFrontendTools(): FrontendTools | undefined {
  return loaded
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
  if (loaded) return loaded.jsonSchemaPending(all)
  return loadFrontendTools().then((tools) => tools.jsonSchemaPending(registered()))
}

/**
 * Starts loading the agent store's frontend-tool code (running a registered tool's `handler`
 * with validated arguments, timeout and abort; converting tool schemas to the JSON Schema sent
 * in `RunAgentInput.tools`; 1.4 kB gzipped, its own chunk) if it is not loaded yet; resolves once
 * it is. A store starts it by itself as soon as a tool with a `handler` is registered
 * (`registerTool`, `useFrontendTool`), and a run that has such tools to send waits for it, so
 * calling this is only needed to have it in even earlier.
 *
 * Never rejects: a failed load is logged and the next call tries again. Meanwhile a run that
 * needs it ends with `AgentError('load_failed')` (retryable: `retry()` loads it again), and a
 * call that needed a handler gets that error as its tool result.
 */
export function preloadFrontendTools(): Promise<void> {
  return loadFrontendTools().then(
    () => undefined,
    (error: unknown) => {
      console.error('[agent-wire-react]', (error as Error).message)
    },
  )
}
