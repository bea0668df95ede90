import { useMemo } from 'react'
import type { AgentError } from '../core/protocol/AgentError'
import type { ContentPart, UserMessage } from '../core/protocol/types'
import type { AgentSnapshot, RunStatus } from '../core/reducer/AgentSnapshot'
import type { AgentRunOptions } from '../core/store/AgentStore'
import { useSelect } from './useAgentSelector'
import { useStoreOf } from './useAgentStore'

/** What {@link useAgentRun} returns. */
export interface AgentRunControls {
  /** `store.run(options)`: starts a run; resolves with the final snapshot, never rejects. */
  run: (options?: AgentRunOptions) => Promise<AgentSnapshot>
  /** Appends a user message (text, content parts or a `UserMessage`) and runs. */
  sendMessage: (content: string | ContentPart[] | UserMessage) => Promise<AgentSnapshot>
  /** Runs again with the thread as it is (no new message); see `AgentStore.retry`. */
  retry: () => Promise<AgentSnapshot>
  /** Stops the running run; it ends `cancelled`, received messages stay. */
  stop: () => void
  /**
   * Stops listening while the run goes on at the server (issue 6); see `AgentStore.detach`.
   * No-op when the agent cannot attach.
   */
  detach: () => void
  /** Re-joins the detached run, or the run `runId` (after a reload); see `AgentStore.attach`. */
  attach: (runId?: string) => Promise<AgentSnapshot>
  /** `snapshot.run.detached`: the run goes on at the server but this store does not listen. */
  isDetached: boolean
  /** `snapshot.run.status`. */
  status: RunStatus
  /** `snapshot.run.error`: set when the run ended `error`, `truncated` or `cancelled` by `stop`. */
  error: AgentError | undefined
  /** `status === 'running'`. */
  isRunning: boolean
}

const selectStatus = (snapshot: AgentSnapshot) => snapshot.run.status
const selectError = (snapshot: AgentSnapshot) => snapshot.run.error
const selectDetached = (snapshot: AgentSnapshot) => snapshot.run.detached === true

/**
 * Run controls and run status of the nearest `<AgentProvider>`'s thread. The functions keep
 * their identity for the life of the store (safe in dependency arrays); the component
 * re-renders only when `status` or `error` changes, not on every token.
 *
 * While a run is running, `run`/`sendMessage`/`retry` start nothing and resolve with the
 * current snapshot (see `AgentStore.run`, "Busy").
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const { sendMessage, stop, isRunning } = useAgentRun()
 */
export function useAgentRun(): AgentRunControls {
  const store = useStoreOf('useAgentRun')
  const status = useSelect('useAgentRun', selectStatus, Object.is)
  const error = useSelect('useAgentRun', selectError, Object.is)
  const isDetached = useSelect('useAgentRun', selectDetached, Object.is)
  const actions = useMemo(
    () => ({
      run: (options?: AgentRunOptions) => store.run(options),
      sendMessage: (content: string | ContentPart[] | UserMessage) =>
        store.run({ message: content }),
      retry: () => store.retry(),
      stop: () => store.stop(),
      detach: () => store.detach(),
      attach: (runId?: string) => store.attach(runId),
    }),
    [store],
  )
  return { ...actions, status, error, isRunning: status === 'running', isDetached }
}
