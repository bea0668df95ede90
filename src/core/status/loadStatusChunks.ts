import { createChunkLoader } from '../protocol/createChunkLoader'

/** `createStatusPoller`, in its own chunk (needed only with a status source). @internal */
export const statusPollerChunk = createChunkLoader(
  () => import('./createStatusPoller').then((module) => module.createStatusPoller),
  'The status source poller',
)

/**
 * `deriveStoreStatus` and `declaredCapabilities` (with `deriveAgentStatus`: the event log fold
 * and the status composition), in their own chunk (needed only by a status view). @internal
 */
export const storeStatusChunk = createChunkLoader(
  () => import('./deriveStoreStatus'),
  'The agent status',
)

/**
 * Starts loading the two parts `useAgentStatus` loads on first use, each in its own chunk, if
 * they are not loaded yet; resolves once both are in. Never rejects: a failed load is logged
 * (and the next call tries again).
 *
 * - The status derivation (`deriveAgentStatus`: the event log fold — runs, the timeline,
 *   durations and errors from the events — and the status composition — identity, capability
 *   chips, connection, usage sums, decisions, counts; ~6 kB gzipped). Each `useAgentStatus`
 *   starts loading it on mount (the status page is a view of its own). Until it is in, the
 *   hook returns a status with `loading: true` and nothing else known (no runs, counts 0,
 *   connection `unknown`), which `Status.Root` shows as "Loading…" (`aria-busy`), never as the
 *   agent's status; the event log records meanwhile, so nothing is lost. When it cannot be
 *   loaded, the status is that empty one, not loading, with
 *   `errors: [{ source: 'status', code: 'load_failed', message }]`, and the next mount tries
 *   again.
 * - The status source poller (`createStatusPoller`, ~1 kB gzipped), started by a hook that has
 *   a source (`source`, or the agent's `statusSource`, issue 8) before its first
 *   `source.load()`. Until it is in, `status.remote` is `{}`; when it cannot be loaded,
 *   `status.remote.error` is `{ code: 'load_failed', message }` and the next mount tries again.
 *
 * Call it earlier (app start, a test's setup, before a server render, when the user hovers
 * the link to the status page) to have the full status on the first render.
 * `deriveAgentStatus`, `foldEventLog` and `createStatusPoller` imported from
 * `agent-wire-react/core` are static, as usual.
 */
export function preloadAgentStatus(): Promise<void> {
  return Promise.all([storeStatusChunk.preload(), statusPollerChunk.preload()]).then(
    () => undefined,
  )
}
