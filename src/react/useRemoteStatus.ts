import { useEffect, useRef, useState } from 'react'
import type { RemoteStatus } from '../core/status/AgentStatus'
import type { AgentStatusSource } from '../core/status/AgentStatusSource'
import { createStatusPoller } from '../core/status/createStatusPoller'

const NOT_LOADED: RemoteStatus = {}

/**
 * The last {@link RemoteStatus} of `source`, polled while mounted (`createStatusPoller`: on
 * mount, then `pollMs` after each load, paused while the page is hidden, aborted on unmount);
 * `undefined` without a source. StrictMode's second mount aborts the first load and starts
 * over. `useAgentStatus`'s part for status sources; `now` is the clock for `loadedAt`.
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
    const poller = createStatusPoller(source, {
      ...(pollMs !== undefined && { pollMs }),
      now: () => clock.current(),
      onChange: (value) => setRemote({ source, value }),
    })
    poller.start()
    return () => poller.stop()
  }, [source, pollMs])
  if (!source) return undefined
  return remote.source === source ? remote.value : NOT_LOADED
}
