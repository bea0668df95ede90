import type { ReactNode } from 'react'
import type { AgentCapabilities } from '../core/protocol/types'
import type { AgentCard } from '../core/status/AgentStatus'
import type { AgentStatusSource } from '../core/status/AgentStatusSource'
import type { AgentStore } from '../core/store/AgentStore'
import type { Agent } from '../core/transport/Agent'
import { AgentProvider } from '../react/AgentProvider'
import type { StatusLabels } from '../primitives/status/StatusLabels'
import { AgentStatusPage } from './AgentStatusPage'

/** One agent of an {@link AgentStatusBoard}: a store (you own it) or an agent (the board makes a store). */
export interface AgentStatusBoardEntry {
  store?: AgentStore
  agent?: Agent
  card?: AgentCard
  capabilities?: AgentCapabilities
  transport?: string
  /** A remote status source for this agent. Default: `agent.statusSource`, if any; `null`: none. */
  source?: AgentStatusSource | null
  /** React key; default: the card's name, else the position. */
  id?: string
}

/** Props of {@link AgentStatusBoard}. */
export interface AgentStatusBoardProps {
  agents: readonly AgentStatusBoardEntry[]
  /** Each agent's page variant. Default `compact`. */
  variant?: 'full' | 'compact'
  onOpenDecision?: (agentIndex: number, id: string, kind: 'approval' | 'interrupt') => void
  labels?: Partial<StatusLabels>
  theme?: 'light' | 'dark'
  className?: string
  /** Accessible name of the board. Default "Agents". */
  'aria-label'?: string
}

/**
 * Several agents' status at once (issue 5): one `AgentProvider` per entry (with its `store`,
 * or a store the provider creates for its `agent`), each showing an {@link AgentStatusPage}
 * (compact by default) in a responsive grid. An empty list renders "No agents".
 */
export function AgentStatusBoard({
  agents,
  variant = 'compact',
  onOpenDecision,
  labels,
  theme,
  className,
  'aria-label': ariaLabel = 'Agents',
}: AgentStatusBoardProps): ReactNode {
  return (
    <div
      role="group"
      aria-label={ariaLabel}
      className={['awr-status-board', className].filter(Boolean).join(' ')}
      {...(theme && { 'data-theme': theme })}
    >
      {agents.length === 0 && <p className="awr-status-empty">No agents</p>}
      {agents.map((entry, i) => (
        <AgentProvider
          key={entry.id ?? entry.card?.name ?? i}
          {...(entry.store ? { store: entry.store } : { agent: entry.agent })}
        >
          <AgentStatusPage
            variant={variant}
            {...(!entry.card?.name && { 'aria-label': `Agent ${i + 1} status` })}
            {...(entry.card && { card: entry.card })}
            {...(entry.capabilities && { capabilities: entry.capabilities })}
            {...(entry.transport !== undefined && { transport: entry.transport })}
            {...(entry.source !== undefined && { source: entry.source })}
            {...(labels && { labels })}
            {...(theme && { theme })}
            {...(onOpenDecision && {
              onOpenDecision: (id: string, kind: 'approval' | 'interrupt') =>
                onOpenDecision(i, id, kind),
            })}
          />
        </AgentProvider>
      ))}
    </div>
  )
}
