import type { ReactNode } from 'react'
import type { UsageTotals } from '../../core/status/AgentStatus'
import { useAgentStatusContext } from './AgentStatusContext'
import { formatClock, formatDuration } from './formatDuration'
import { StatusSection, type StatusSectionProps } from './StatusSection'

/** Props of the status parts: a `section` with a heading (`headingLevel`, default 3). */
export type StatusPartProps = StatusSectionProps

/** Name (or "Unknown agent"), description, version, provider, framework and url, as a `header`. */
export function Identity(props: StatusPartProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  const { identity } = status
  const { headingLevel = 2, ...rest } = props
  const Heading = `h${headingLevel}` as const
  const meta = [identity.version && `v${identity.version}`, identity.provider, identity.type]
  return (
    <header data-awr="status-identity" data-known={status.identityKnown} {...rest}>
      <Heading>{identity.name ?? labels.unknownAgent}</Heading>
      {identity.description && <p>{identity.description}</p>}
      {meta.some(Boolean) && <p data-part="meta">{meta.filter(Boolean).join(' · ')}</p>}
      {identity.url && <a href={identity.url}>{identity.url}</a>}
    </header>
  )
}

/** Capability chips and skills; "No capabilities known" when there are none. */
export function Capabilities(props: StatusPartProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  const { capabilities, identity } = status
  return (
    <StatusSection part="status-capabilities" title={labels.capabilities} {...props}>
      {capabilities.length === 0 && identity.skills.length === 0 ? (
        <p data-empty="">{labels.noCapabilities}</p>
      ) : (
        <ul>
          {capabilities.map((c) => (
            <li key={c.key} data-capability={c.key} title={c.key}>
              {c.label}
            </li>
          ))}
          {identity.skills.map((s, i) => (
            <li key={`skill-${s.id ?? i}`} data-skill={s.id ?? s.name} title={s.description}>
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </StatusSection>
  )
}

/** Transport, state (`data-health`), latency and last event time. */
export function Connection(props: StatusPartProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  const c = status.connection
  return (
    <StatusSection
      part="status-connection"
      title={labels.connection}
      data-health={c.health}
      {...props}
    >
      <dl>
        <dt>{labels.transport}</dt>
        <dd>{c.transport ?? labels.unknown}</dd>
        <dt>{labels.state}</dt>
        <dd data-part="state">
          {c.state === 'unknown' ? labels.unknown : c.state}
          {c.attempt !== undefined && ` (#${c.attempt}, ${formatDuration(c.nextRetryMs)})`}
          {c.error && ` — ${c.error.message}`}
        </dd>
        <dt>{labels.latency}</dt>
        <dd>{c.latencyMs !== undefined ? formatDuration(c.latencyMs) : labels.unknown}</dd>
        <dt>{labels.lastEvent}</dt>
        <dd>{c.lastEventAt !== undefined ? formatClock(c.lastEventAt) : labels.never}</dd>
      </dl>
    </StatusSection>
  )
}

/** The current run: status (`data-state`), id, start, duration, outcome, error; "No run yet". */
export function CurrentRun(props: StatusPartProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  const run = status.currentRun
  return (
    <StatusSection
      part="status-run"
      title={labels.run}
      data-state={run?.status ?? 'idle'}
      {...props}
    >
      {!run ? (
        <p data-empty="">{labels.noRuns}</p>
      ) : (
        <dl>
          <dt>{labels.state}</dt>
          <dd data-part="run-status">{run.status}</dd>
          {run.runId && (
            <>
              <dt>runId</dt>
              <dd>
                <code>{run.runId}</code>
              </dd>
            </>
          )}
          <dt>Started</dt>
          <dd>{formatClock(run.startedAt) || labels.unknown}</dd>
          <dt>Duration</dt>
          <dd data-part="run-duration">{formatDuration(run.durationMs) || labels.unknown}</dd>
          {run.outcome && (
            <>
              <dt>Outcome</dt>
              <dd>{run.outcome}</dd>
            </>
          )}
          <dt>Steps</dt>
          <dd data-part="run-steps">{run.steps}</dd>
          <dt>Tool calls</dt>
          <dd>{run.toolCalls}</dd>
          <dt>{labels.messages}</dt>
          <dd>{status.messages.total}</dd>
        </dl>
      )}
    </StatusSection>
  )
}

/** Recent runs, newest first, as a table. */
export function Runs(props: StatusPartProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  return (
    <StatusSection part="status-runs" title={labels.recentRuns} {...props}>
      {status.recentRuns.length === 0 ? (
        <p data-empty="">{labels.noRuns}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">runId</th>
              <th scope="col">{labels.state}</th>
              <th scope="col">Duration</th>
              <th scope="col">{labels.totalTokens}</th>
            </tr>
          </thead>
          <tbody>
            {status.recentRuns.map((r, i) => (
              <tr key={`${r.runId ?? '?'}-${i}`} data-state={r.status}>
                <td>
                  <code>{r.runId ?? '?'}</code>
                </td>
                <td>{r.error ? `${r.status}: ${r.error.message}` : r.status}</td>
                <td>{formatDuration(r.durationMs) || labels.unknown}</td>
                <td>{r.usage.entries > 0 ? r.usage.totalTokens : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StatusSection>
  )
}

const USAGE_ROWS = [
  ['inputTokens', 'inputTokens'],
  ['outputTokens', 'outputTokens'],
  ['totalTokens', 'totalTokens'],
  ['reasoningTokens', 'reasoningTokens'],
  ['cachedInputTokens', 'cachedInputTokens'],
] as const

/** Token usage of the current run and of the thread; "No usage reported" when none was sent. */
export function Usage(props: StatusPartProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  const cell = (u: UsageTotals, k: (typeof USAGE_ROWS)[number][0]) =>
    u.entries > 0 ? u[k].toLocaleString('en-US') : '–'
  return (
    <StatusSection part="status-usage" title={labels.usage} {...props}>
      {status.threadUsage.entries === 0 ? (
        <p data-empty="">{labels.noUsage}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <td />
              <th scope="col">{labels.thisRun}</th>
              <th scope="col">{labels.thread}</th>
            </tr>
          </thead>
          <tbody>
            {USAGE_ROWS.map(([key, label]) => (
              <tr key={key} data-usage={key}>
                <th scope="row">{labels[label]}</th>
                <td>{cell(status.runUsage, key)}</td>
                <td>{cell(status.threadUsage, key)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status.threadUsage.models.length > 0 && (
        <p data-part="models">{status.threadUsage.models.join(', ')}</p>
      )}
    </StatusSection>
  )
}

/** Recent errors, newest first; "No errors". */
export function Errors(props: StatusPartProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  return (
    <StatusSection part="status-errors" title={labels.errors} {...props}>
      {status.errors.length === 0 ? (
        <p data-empty="">{labels.noErrors}</p>
      ) : (
        <ul>
          {[...status.errors].reverse().map((e, i) => (
            <li key={i} data-source={e.source}>
              {e.code && <code>{e.code}</code>} {e.message}
              {e.at !== undefined && <time> {formatClock(e.at)}</time>}
            </li>
          ))}
        </ul>
      )}
    </StatusSection>
  )
}

/** Pending approvals and interrupts, each with an Open button calling `onOpenDecision`. */
export function Decisions(props: StatusPartProps): ReactNode {
  const { status, labels, onOpenDecision } = useAgentStatusContext()
  return (
    <StatusSection part="status-decisions" title={labels.decisions} {...props}>
      {status.pendingDecisions.length === 0 ? (
        <p data-empty="">{labels.noDecisions}</p>
      ) : (
        <ul>
          {status.pendingDecisions.map((d) => (
            <li key={`${d.kind}:${d.id}`} data-kind={d.kind} data-state={d.state}>
              <span>{d.label}</span> <span data-part="state">({d.state})</span>{' '}
              {onOpenDecision && (
                <button
                  type="button"
                  aria-label={`${labels.openDecision}: ${d.label}`}
                  onClick={() => onOpenDecision(d.id, d.kind)}
                >
                  {labels.openDecision}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </StatusSection>
  )
}

/** What did not add up in the input (rendered only when something did not). */
export function Inconsistencies(props: StatusPartProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  if (status.inconsistencies.length === 0) return null
  return (
    <StatusSection
      part="status-inconsistencies"
      title={labels.inconsistencies}
      role="note"
      {...props}
    >
      <ul>
        {status.inconsistencies.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </StatusSection>
  )
}
