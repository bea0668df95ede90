import { createContext, useContext } from 'react'
import type { RunStatus } from '../../core/reducer/AgentSnapshot'

/** What `RunStatus.Root` shares with its parts; read it with {@link useRunStatusContext}. */
export interface RunStatusContextValue {
  status: RunStatus
  /** `Date.now()` when this component saw the run start running (ms since epoch), if it has. */
  startedAt: number | undefined
}

/** React context of the RunStatus parts. */
export const RunStatusContext = createContext<RunStatusContextValue | null>(null)

/**
 * The context of the nearest `RunStatus.Root`, for custom parts.
 * @throws Error naming the part when used outside a Root.
 */
export function useRunStatusContext(part = 'useRunStatusContext'): RunStatusContextValue {
  const value = useContext(RunStatusContext)
  if (!value) throw new Error(`<RunStatus.${part}> must be used inside <RunStatus.Root>.`)
  return value
}
