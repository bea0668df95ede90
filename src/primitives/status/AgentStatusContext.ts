import { createContext, useContext } from 'react'
import type { AgentStatus } from '../../core/status/AgentStatus'
import type { StatusLabels } from './StatusLabels'

/** What `Status.Root` shares with its parts. */
export interface AgentStatusContextValue {
  status: AgentStatus
  labels: StatusLabels
  /** ms since epoch, the end of running bars. */
  now: number
  /** Called by `Status.Decisions` buttons with the approval's `toolCallId` or the interrupt id. */
  onOpenDecision?: (id: string, kind: 'approval' | 'interrupt') => void
}

/** @internal */
export const AgentStatusContext = createContext<AgentStatusContextValue | null>(null)

/** The nearest `Status.Root`'s value. @throws Error naming `Status.Root` outside one. */
export function useAgentStatusContext(): AgentStatusContextValue {
  const value = useContext(AgentStatusContext)
  if (!value) throw new Error('Status parts must be used inside <Status.Root>.')
  return value
}
