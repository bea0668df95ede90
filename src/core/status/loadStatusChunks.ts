import { createChunkLoader } from '../protocol/createChunkLoader'

/** `createStatusPoller`, in its own chunk (needed only with a status source). @internal */
export const statusPollerChunk = createChunkLoader(
  () => import('./createStatusPoller').then((module) => module.createStatusPoller),
  'The status source poller',
)

/** `foldEventLogIncrementally`, in its own chunk (needed once the event log holds events). @internal */
export const logFoldChunk = createChunkLoader(
  () => import('./foldEventLog').then((module) => module.foldEventLogIncrementally),
  'The event log fold',
)

/**
 * Starts loading the two parts `useAgentStatus` loads on first use, each in its own chunk, if
 * they are not loaded yet; resolves once both are in. Never rejects: a failed load is logged
 * (and the next call tries again).
 *
 * - The event log fold (`foldEventLog`: runs, the timeline, durations and errors from the
 *   events; ~2.5 kB gzipped). Each `useAgentStatus` starts loading it on mount: the log is
 *   empty then (it records from its creation on), and events only come with a run. Until it is
 *   in, the status is derived from the snapshot alone, as `deriveAgentStatus` does without
 *   `events` (the run, its steps and usage; `eventCount` counts the log); when it cannot be
 *   loaded, `errors` also holds `{ source: 'status', code: 'load_failed', message }` and the
 *   next mount tries again.
 * - The status source poller (`createStatusPoller`, ~1 kB gzipped), started by a hook that has
 *   a source (`source`, or the agent's `statusSource`, issue 8) before its first
 *   `source.load()`. Until it is in, `status.remote` is `{}`; when it cannot be loaded,
 *   `status.remote.error` is `{ code: 'load_failed', message }` and the next mount tries again.
 *
 * Call it earlier (app start, a test's setup, before a server render) to have the full status
 * on the first render. `deriveAgentStatus`, `foldEventLog` and `createStatusPoller` imported
 * from `agent-wire-react/core` are static, as usual.
 */
export function preloadAgentStatus(): Promise<void> {
  return Promise.all([logFoldChunk.preload(), statusPollerChunk.preload()]).then(() => undefined)
}
