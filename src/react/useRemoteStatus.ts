import { useEffect, useMemo, useRef, useState } from 'react'
import type { RemoteStatus } from '../core/status/AgentStatus'
import type { AgentStatusSource } from '../core/status/AgentStatusSource'
import { statusPollerChunk } from '../core/status/loadStatusChunks'
import { useChunk } from './useChunk'

const NOT_LOADED: RemoteStatus = {}

/**
 * The last {@link RemoteStatus} of `source`, polled while mounted (`createStatusPoller`: on
 * mount, then `pollMs` after each load, paused while the page is hidden, aborted on unmount);
 * `undefined` without a source. StrictMode's second mount aborts the first load and starts
 * over. `useAgentStatus`'s part for status sources; `now` is the clock for `loadedAt`.
 * The poller's chunk is loaded on first use (see `preloadAgentStatus`): until it is in, the
 * status is `{}`; if it cannot be loaded, `{ error: { code: 'load_failed', message } }`.
 * @internal
 */
export function useRemoteStatus(
  source: AgentStatusSource | undefined,
  pollMs: number | undefined,
  now: () => number,
): RemoteStatus | undefined {
  const [remote, setRemote] = useState<{ source?: AgentStatusSource; value: RemoteStatus }>({
    value: NOT_LOADED,
  })
  const clock = useRef(now)
  useEffect(() => {
    clock.current = now
  }, [now])
  const chunk = useChunk(statusPollerChunk, source !== undefined)
  const create = chunk.value
  const failed = useMemo<RemoteStatus | undefined>(
    () => chunk.error && { error: { code: chunk.error.code, message: chunk.error.message } },
    [chunk.error],
  )
  useEffect(() => {
    if (!source || !create) return
    const poller = create(source, {
      ...(pollMs !== undefined && { pollMs }),
      now: () => clock.current(),
      onChange: (value) => setRemote({ source, value }),
    })
    poller.start()
    return () => poller.stop()
  }, [source, pollMs, create])
  if (!source) return undefined
  return remote.source === source ? remote.value : (failed ?? NOT_LOADED)
}
