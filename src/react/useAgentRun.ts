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
  /** `snapshot.run.status`. */
  status: RunStatus
  /** `snapshot.run.error`: set when the run ended `error`, `truncated` or `cancelled` by `stop`. */
  error: AgentError | undefined
  /** `status === 'running'`. */
  isRunning: boolean
}

const selectStatus = (snapshot: AgentSnapshot) => snapshot.run.status
const selectError = (snapshot: AgentSnapshot) => snapshot.run.error

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
  const actions = useMemo(
    () => ({
      run: (options?: AgentRunOptions) => store.run(options),
      sendMessage: (content: string | ContentPart[] | UserMessage) =>
        store.run({ message: content }),
      retry: () => store.retry(),
      stop: () => store.stop(),
    }),
    [store],
  )
  return { ...actions, status, error, isRunning: status === 'running' }
}
