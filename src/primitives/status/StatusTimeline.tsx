import type { CSSProperties, ReactNode } from 'react'
import { layoutTimeline } from '../../core/status/layoutTimeline'
import { useAgentStatusContext } from './AgentStatusContext'
import { formatDuration } from './formatDuration'
import { StatusSection, type StatusSectionProps } from './StatusSection'

/**
 * The current run's timeline as a Gantt-like list: one `li` per step, tool call, activity,
 * reasoning or subagent (`data-kind`, `data-state`, `--awr-depth` for nesting), each with its
 * label, duration and a bar (`[data-part="bar"]`) placed by `--awr-bar-start` / `--awr-bar-size`
 * (percent of the run's span, see `layoutTimeline`). Items without times say "time unknown".
 */
export function Timeline(props: StatusSectionProps): ReactNode {
  const { status, labels, now } = useAgentStatusContext()
  const run = status.currentRun
  const layout = layoutTimeline(status.timeline, now, {
    ...(run?.startedAt !== undefined && { startedAt: run.startedAt }),
    ...(run?.finishedAt !== undefined && { finishedAt: run.finishedAt }),
    ...(run?.status === 'running' && { finishedAt: now }),
  })
  return (
    <StatusSection part="status-timeline" title={labels.timeline} {...props}>
      {layout.bars.length === 0 ? (
        <p data-empty="">{labels.noTimeline}</p>
      ) : (
        <ol>
          {layout.bars.map(({ item, offsetPercent, widthPercent }) => (
            <li
              key={item.id}
              data-kind={item.kind}
              data-state={item.status}
              data-id={item.id}
              style={{ '--awr-depth': item.depth } as CSSProperties}
            >
              <span data-part="label">
                <span data-part="kind">{item.kind}</span> {item.label}
              </span>
              <span data-part="duration">
                {item.durationMs !== undefined
                  ? formatDuration(item.durationMs)
                  : offsetPercent === undefined
                    ? labels.timeUnknown
                    : ''}{' '}
                <span data-part="state">{item.status}</span>
              </span>
              <span data-part="track" aria-hidden="true">
                {offsetPercent !== undefined && (
                  <span
                    data-part="bar"
                    style={
                      {
                        '--awr-bar-start': `${offsetPercent.toFixed(2)}%`,
                        '--awr-bar-size': `${(widthPercent ?? 0).toFixed(2)}%`,
                      } as CSSProperties
                    }
                  />
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </StatusSection>
  )
}
