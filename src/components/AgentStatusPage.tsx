import type { ReactNode } from 'react'
import type { AgentStatus } from '../core/status/AgentStatus'
import type { UseAgentStatusOptions } from '../react/useAgentStatus'
import * as Status from '../primitives/status'
import type { StatusLabels } from '../primitives/status/StatusLabels'

/** Props of {@link AgentStatusPage}. */
export interface AgentStatusPageProps extends Omit<UseAgentStatusOptions, 'now'> {
  /** A status from elsewhere (stories, tests); default: the nearest `AgentProvider`'s. */
  status?: AgentStatus
  /** Called by "Open" on a pending approval (its `toolCallId`) or interrupt (its `id`). */
  onOpenDecision?: (id: string, kind: 'approval' | 'interrupt') => void
  labels?: Partial<StatusLabels>
  /** `compact`: header, connection, current run, usage and decisions only (for boards). Default `full`. */
  variant?: 'full' | 'compact'
  /** Force a theme; default follows the OS (`prefers-color-scheme`). */
  theme?: 'light' | 'dark'
  className?: string
  /** ms since epoch for running bars (tests, stories). Default: now. */
  now?: number
  /** Accessible name of the page. Default "Agent status: <name>". */
  'aria-label'?: string
}

/**
 * A status page for one agent (issue 5): a header card with identity and capability chips,
 * connection health, the current run, a Gantt-like run timeline (steps, tool calls, activities,
 * subagents nested), token usage per run and thread, recent runs and errors, what waits for a
 * person (with "Open" buttons calling `onOpenDecision`), inconsistent input, and, with a status
 * source (`source`, default `agent.statusSource`), the remote system's health, facts, the agents
 * it lists and the protocols the agent speaks. Composes the
 * `Status.*` primitives; styled by `styles.css` (`.awr-status`, `--awr-*` variables).
 *
 * @example
 * <AgentProvider agent={agent}>
 *   <AgentStatusPage card={{ name: 'Support bot' }} onOpenDecision={(id) => showChat(id)} />
 * </AgentProvider>
 */
export function AgentStatusPage({
  variant = 'full',
  theme,
  className,
  ...props
}: AgentStatusPageProps): ReactNode {
  const compact = variant === 'compact'
  return (
    <Status.Root
      {...props}
      className={['awr-chat', 'awr-status', className].filter(Boolean).join(' ')}
      data-variant={variant}
      {...(theme && { 'data-theme': theme })}
    >
      <div className="awr-status-header">
        <Status.Identity className="awr-status-identity" />
        <Status.Capabilities className="awr-status-card awr-status-capabilities" headingLevel={3} />
      </div>
      <div className="awr-status-grid">
        <Status.Connection className="awr-status-card awr-status-connection" />
        <Status.CurrentRun className="awr-status-card awr-status-run" />
        <Status.Usage className="awr-status-card awr-status-usage" />
        <Status.Decisions className="awr-status-card awr-status-decisions" />
        {!compact && <Status.Errors className="awr-status-card awr-status-errors" />}
        <Status.Remote className="awr-status-card awr-status-remote" />
      </div>
      {!compact && (
        <>
          <Status.Timeline className="awr-status-card awr-status-timeline" />
          <Status.Runs className="awr-status-card awr-status-runs" />
          <Status.RemoteAgents className="awr-status-card awr-status-remote-agents" />
          <Status.Protocols className="awr-status-card awr-status-protocols" />
          <Status.Inconsistencies className="awr-status-card awr-status-inconsistencies" />
        </>
      )}
    </Status.Root>
  )
}
