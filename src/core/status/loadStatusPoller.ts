import { AgentError } from '../protocol/AgentError'
import type { createStatusPoller } from './createStatusPoller'

let loaded: typeof createStatusPoller | undefined
let loading: Promise<typeof createStatusPoller> | undefined

/**
 * Loads {@link createStatusPoller}'s chunk once and resolves with it; rejects with
 * `AgentError('load_failed')` (retryable) when the chunk cannot be loaded, and the next call
 * tries again. `useAgentStatus` calls it when it is given a status source.
 * @internal Use {@link preloadStatusPoller}.
 */
export function loadStatusPoller(): Promise<typeof createStatusPoller> {
  loading ??= import('./createStatusPoller').then(
    (module) => (loaded = module.createStatusPoller),
    (cause: unknown) => {
      loading = undefined
      throw new AgentError(
        'load_failed',
        `The status source poller could not be loaded: ${(cause as Error)?.message ?? String(cause)}`,
        { cause, retryable: true },
      )
    },
  )
  return loading
}

/** `createStatusPoller` if its chunk is loaded, else `undefined` (nothing started). @internal */
export function loadedStatusPoller(): typeof createStatusPoller | undefined {
  return loaded
}

/**
 * Starts loading the code that polls a remote status source (`createStatusPoller`, ~1 kB
 * gzipped, its own chunk) if it is not loaded yet; resolves once it is. `useAgentStatus` leaves
 * it out of the first load: only a hook given a source (`source`, or the agent's
 * `statusSource`, issue 8) needs it, and it loads it on mount, before the first
 * `source.load()`; until then `status.remote` is `{}` (nothing loaded yet), and when the chunk
 * cannot be loaded `status.remote.error` is `{ code: 'load_failed', message }` (the next mount
 * or source tries again). Call it earlier (app start, a test's setup) to start polling at once.
 * Never rejects: a failed load is logged.
 */
export function preloadStatusPoller(): Promise<void> {
  return loadStatusPoller().then(
    () => undefined,
    (error: unknown) => {
      console.error('[agent-wire-react]', (error as Error).message)
    },
  )
}
