import { useCallback, useEffect, useMemo, useState } from 'react'
import type { AgentCapabilities } from '../core/protocol/types'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import type { AgentCard, AgentStatus } from '../core/status/AgentStatus'
import type { AgentStatusSource, HasStatusSource } from '../core/status/AgentStatusSource'
import { getEventLog } from '../core/status/getEventLog'
import { storeStatusChunk } from '../core/status/loadStatusChunks'
import { pendingAgentStatus } from '../core/status/pendingAgentStatus'
import { useSelect } from './useAgentSelector'
import { useChunk } from './useChunk'
import { useStoreOf } from './useAgentStore'
import { useRemoteStatus } from './useRemoteStatus'

/** Options of {@link useAgentStatus}. */
export interface UseAgentStatusOptions {
  /** What the app knows about the agent (name, description, url, version, skills, capabilities). */
  card?: AgentCard
  /**
   * The agent's declared capabilities. Default: `await agent.getCapabilities()` when the agent
   * has that method (`@ag-ui/client` agents), called once per agent (shared by every hook); a rejection is ignored.
   */
  capabilities?: AgentCapabilities
  /** A name for the transport. Default: the agent's class name (`HttpAgent`, ...), if any. */
  transport?: string
  /** Most runs in `recentRuns`. Default 10. */
  recentRuns?: number
  /**
   * While a run is running or the connection is degraded, re-derive every `refreshMs` ms so
   * durations and the connection stay current. Default 1000; `0` turns it off.
   */
  refreshMs?: number
  /** Clock, ms since epoch. Default `Date.now`. */
  now?: () => number
  /**
   * Where to read a remote system's view of the agent (health, facts, listed agents,
   * protocols; issue 8). Default `agent.statusSource` when the agent offers one; `null`: none.
   * Keep it stable (module scope, `useMemo`, the agent's own): a new source starts a new poller.
   */
  source?: AgentStatusSource | null
  /**
   * ms between the end of one `source.load` and the next. Default `source.pollMs`, else
   * 10 000; `0`: load once on mount. Loads never overlap, pause while the page is hidden, and
   * are aborted on unmount.
   */
  pollMs?: number
}

/**
 * The provider's agent status (issue 5): identity and capabilities, connection, current and
 * recent runs, the current run's timeline, usage per run and per thread, pending approvals and
 * interrupts, message counts, errors and inconsistencies — {@link deriveAgentStatus} over the
 * store's snapshot and its shared event log (`getEventLog`).
 *
 * Re-derives when the store publishes (at most once per frame), and every `refreshMs` while
 * something runs. **Connection:** `snapshot.connection`, which the store mirrors from
 * `agent.subscribeConnection` (a change publishes); for an agent with only
 * `getConnectionState()` it is read at each publication and refresh, so a change while nothing
 * is published shows at the next one. An agent with neither shows `unknown`.
 * **Events** are those recorded since the log was created (first use of the log).
 * **Remote status:** with a `source` (default `agent.statusSource`), `status.remote` holds its
 * last report (its `card` shown under `card`), the last load's error, and when it loaded.
 * **Loaded on first use:** the status derivation (the event log fold and the composition) and
 * the status source poller come in their own chunks, started on mount. Until the derivation
 * is in, the status has `loading: true` and nothing else (no runs, counts 0, connection
 * `unknown`: `Status.Root` shows "Loading…"); if it cannot be loaded, that empty status lists
 * `{ source: 'status', code: 'load_failed' }` in `errors` (see `preloadAgentStatus`, to have
 * the full status on the first render).
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const status = useAgentStatus({ card: { name: 'Support bot', version: '2.1' } })
 * status.currentRun?.status // 'running'
 */
export function useAgentStatus(options: UseAgentStatusOptions = {}): AgentStatus {
  const store = useStoreOf('useAgentStatus')
  const log = getEventLog(store)
  const agent = store.agent
  const { card, capabilities, transport, recentRuns, refreshMs = 1000, now = Date.now } = options
  const { pollMs } = options
  const source =
    options.source === undefined ? (agent as HasStatusSource).statusSource : options.source
  const remote = useRemoteStatus(source ?? undefined, pollMs, now)
  const [declared, setDeclared] = useState<{ agent: unknown; value?: AgentCapabilities }>({
    agent: undefined,
  })
  const [tick, setTick] = useState(0)
  // The status derivation loads on first use (see `preloadAgentStatus`); until it is in, the
  // status is `pending`: loading, or the load's error.
  const chunk = useChunk(storeStatusChunk)
  const loaded = chunk.value
  const pending = useMemo(
    () => ({ ...pendingAgentStatus(chunk.error), ...(remote && { remote }) }),
    [chunk.error, remote],
  )

  useEffect(() => {
    if (!loaded || capabilities) return
    let live = true
    void loaded.declaredCapabilities(agent).then((value) => {
      if (live && value) setDeclared({ agent, value })
    })
    return () => {
      live = false
    }
  }, [loaded, agent, capabilities])

  const caps = capabilities ?? (declared.agent === agent ? declared.value : undefined)
  const select = useCallback(
    (snapshot: AgentSnapshot) => {
      if (!loaded) return pending
      void tick // a new selector per tick: re-derive with the new time
      return loaded.deriveStoreStatus(snapshot, {
        agent,
        events: log.getSnapshot().entries,
        now: now(),
        card,
        capabilities: caps,
        transport,
        recentRuns,
        remote,
      })
    },
    [log, agent, card, caps, transport, recentRuns, now, tick, remote, loaded, pending],
  )
  const status = useSelect('useAgentStatus', select, Object.is)

  const live = status.currentRun?.status === 'running' || status.connection.health === 'degraded'
  useEffect(() => {
    if (!live || refreshMs <= 0) return
    const timer = setInterval(() => setTick((t) => t + 1), refreshMs)
    return () => clearInterval(timer)
  }, [live, refreshMs])
  return status
}
