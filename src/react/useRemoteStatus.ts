import { useEffect, useRef, useState } from 'react'
import type { AgentError } from '../core/protocol/AgentError'
import type { RemoteStatus } from '../core/status/AgentStatus'
import type { AgentStatusSource } from '../core/status/AgentStatusSource'
import type { createStatusPoller, StatusPoller } from '../core/status/createStatusPoller'
import { statusPollerChunk } from '../core/status/loadStatusChunks'

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
  useEffect(() => {
    if (!source) return
    let poller: StatusPoller | undefined
    let live = true
    const start = (create: typeof createStatusPoller) => {
      if (!live) return
      poller = create(source, {
        ...(pollMs !== undefined && { pollMs }),
        now: () => clock.current(),
        onChange: (value) => setRemote({ source, value }),
      })
      poller.start()
    }
    const loaded = statusPollerChunk.loaded()
    if (loaded) start(loaded)
    else
      statusPollerChunk.load().then(start, ({ code, message }: AgentError) => {
        if (live) setRemote({ source, value: { error: { code, message } } })
      })
    return () => {
      live = false
      poller?.stop()
    }
  }, [source, pollMs])
  if (!source) return undefined
  return remote.source === source ? remote.value : NOT_LOADED
}
