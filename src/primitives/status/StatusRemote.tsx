import type { ReactNode } from 'react'
import type { StatusFact } from '../../core/status/AgentStatusSource'
import { useAgentStatusContext } from './AgentStatusContext'
import { formatClock } from './formatDuration'
import { StatusSection, type StatusSectionProps } from './StatusSection'

const factValue = (value: StatusFact['value']) =>
  typeof value === 'number' ? value.toLocaleString('en-US') : String(value)

/** Label/value rows (`dl`) of a remote report's facts. @internal */
function Facts({ facts }: { facts: readonly StatusFact[] }): ReactNode {
  return (
    <dl data-part="facts">
      {facts.map((f, i) => (
        <div key={`${f.label}-${i}`} data-fact={f.label}>
          <dt>{f.label}</dt>
          <dd>{factValue(f.value)}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * What the agent's remote status source said (issue 8 "status sources"): health (`data-health`
 * = `ok` / `degraded` / `down` / `unknown`) with its detail, when it was checked and loaded, the
 * report's facts, and the last load's error (`[data-part="error"]`, the last report stays shown).
 * `data-loading` while a load is in flight. Renders nothing when there is no source.
 */
export function Remote(props: StatusSectionProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  const remote = status.remote
  if (!remote) return null
  const { report, error } = remote
  const health = report?.health
  return (
    <StatusSection
      part="status-remote"
      title={labels.remote}
      data-health={health?.state ?? 'unknown'}
      data-loading={remote.loading ? '' : undefined}
      {...props}
    >
      {error && (
        <p data-part="error">
          {labels.loadFailed}: <code>{error.code}</code> {error.message}
        </p>
      )}
      {!report && !error && (
        <p data-empty="">{remote.loading ? labels.loading : labels.notLoaded}</p>
      )}
      {report && (
        <dl>
          <dt>{labels.health}</dt>
          <dd data-part="health">
            {health ? health.state : labels.unknown}
            {health?.detail && ` — ${health.detail}`}
          </dd>
          {health && (
            <>
              <dt>{labels.checked}</dt>
              <dd>{formatClock(health.checkedAt) || labels.unknown}</dd>
            </>
          )}
          <dt>{labels.loaded}</dt>
          <dd data-part="loaded">{formatClock(remote.loadedAt) || labels.unknown}</dd>
        </dl>
      )}
      {report?.facts && report.facts.length > 0 && <Facts facts={report.facts} />}
    </StatusSection>
  )
}

/**
 * The other agents the remote system lists (name, its own status word as `data-status`,
 * description, facts). Renders nothing when the report lists none.
 */
export function RemoteAgents(props: StatusSectionProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  const agents = status.remote?.report?.agents
  if (!agents || agents.length === 0) return null
  return (
    <StatusSection part="status-remote-agents" title={labels.agents} {...props}>
      <ul>
        {agents.map((a, i) => (
          <li key={`${a.id}-${i}`} data-id={a.id} data-status={a.status}>
            <strong>{a.name}</strong>
            {a.status && <span data-part="status"> ({a.status})</span>}
            {a.description && <p>{a.description}</p>}
            {a.facts && a.facts.length > 0 && <Facts facts={a.facts} />}
          </li>
        ))}
      </ul>
    </StatusSection>
  )
}

/**
 * The protocols the agent speaks (uAgents manifests): name, version and digest; each model
 * with its fields; each interaction as `request → responses`. Renders nothing when the report
 * lists none.
 */
export function Protocols(props: StatusSectionProps): ReactNode {
  const { status, labels } = useAgentStatusContext()
  const protocols = status.remote?.report?.protocols
  if (!protocols || protocols.length === 0) return null
  return (
    <StatusSection part="status-protocols" title={labels.protocols} {...props}>
      <ul>
        {protocols.map((p, i) => (
          <li key={`${p.digest}-${i}`} data-digest={p.digest}>
            <strong>{p.name}</strong>
            {p.version && <span> v{p.version}</span>} <code title={p.digest}>{p.digest}</code>
            {p.models && p.models.length > 0 && (
              <ul aria-label={`${labels.models}: ${p.name}`} data-part="models">
                {p.models.map((m, j) => (
                  <li key={`${m.digest}-${j}`} data-model={m.name}>
                    <code>{m.name}</code>
                    {m.fields.length > 0 && `: ${m.fields.join(', ')}`}
                  </li>
                ))}
              </ul>
            )}
            {p.interactions && p.interactions.length > 0 && (
              <ul aria-label={`${labels.interactions}: ${p.name}`} data-part="interactions">
                {p.interactions.map((x, j) => (
                  <li key={`${x.request}-${j}`}>
                    <code>{x.request}</code> → {x.responses.join(', ') || '–'}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </StatusSection>
  )
}
