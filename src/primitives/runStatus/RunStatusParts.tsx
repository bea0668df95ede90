import { forwardRef, useEffect, useState, type HTMLAttributes } from 'react'
import type { RunStatus } from '../../core/reducer/AgentSnapshot'
import { Slot } from '../Slot'
import { withDefaultContent } from '../withDefaultContent'
import { formatDuration } from '../status/formatDuration'
import { useRunStatusContext } from './RunStatusContext'

/** Default texts of `RunStatus.Label` (empty for `idle` and `finished`). */
export const defaultRunStatusLabels: Record<RunStatus, string> = {
  idle: '',
  running: 'Thinking…',
  finished: '',
  error: 'The run failed.',
  interrupted: 'Waiting for your input.',
  cancelled: 'Stopped.',
  truncated: 'The connection was lost before the answer finished.',
}

interface PartProps {
  asChild?: boolean
  /** Render even when the part would not (Spinner, Elapsed: while not running). */
  forceMount?: boolean
}

/** Props of `RunStatus.Label`. */
export interface RunStatusLabelProps extends HTMLAttributes<HTMLSpanElement>, PartProps {
  /** Text per status; merged over {@link defaultRunStatusLabels}. */
  labels?: Partial<Record<RunStatus, string>>
}

/** The status as text in `span[data-awr="run-status-label"]`; children replace it. */
export const Label = forwardRef<HTMLSpanElement, RunStatusLabelProps>(function Label(
  { asChild, forceMount: _forceMount, labels, children, ...rest },
  ref,
) {
  const { status } = useRunStatusContext('Label')
  const Comp = asChild ? Slot : 'span'
  return (
    <Comp {...rest} ref={ref} data-awr="run-status-label">
      {withDefaultContent(asChild, children, labels?.[status] ?? defaultRunStatusLabels[status])}
    </Comp>
  )
})

/** Props of `RunStatus.Spinner` and `RunStatus.Elapsed`. */
export type RunStatusPartProps = HTMLAttributes<HTMLSpanElement> & PartProps

/**
 * A decorative `span[data-awr="run-status-spinner"][aria-hidden]` while running (style it; honour
 * `prefers-reduced-motion`). Nothing otherwise unless `forceMount`.
 */
export const Spinner = forwardRef<HTMLSpanElement, RunStatusPartProps>(function Spinner(
  { asChild, forceMount, ...rest },
  ref,
) {
  const { status } = useRunStatusContext('Spinner')
  if (status !== 'running' && !forceMount) return null
  const Comp = asChild ? Slot : 'span'
  return (
    <Comp
      aria-hidden="true"
      {...rest}
      ref={ref}
      data-awr="run-status-spinner"
      data-status={status}
    />
  )
})

/** Whole seconds for people: `0 s`, `42 s`, then `formatDuration` (`2 min 5 s`, `1 h 3 min`). */
export function elapsedText(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000)
  return s < 60 ? `${s} s` : formatDuration(s * 1000)
}

/** Props of `RunStatus.Elapsed`. */
export interface RunStatusElapsedProps extends RunStatusPartProps {
  /** How often the time updates while running, ms. Default 1000. */
  intervalMs?: number
}

/**
 * Time since the run started running (local clock), as `time[data-awr="run-status-elapsed"]`
 * with `dateTime` in ISO 8601 (`PT12S`) and {@link elapsedText} (`12 s`), updated every
 * `intervalMs` while running. Nothing otherwise unless `forceMount` (then it keeps the last
 * value). Children replace the text.
 */
export const Elapsed = forwardRef<HTMLTimeElement, RunStatusElapsedProps>(function Elapsed(
  { asChild, forceMount, intervalMs = 1000, children, ...rest },
  ref,
) {
  const { status, startedAt } = useRunStatusContext('Elapsed')
  const running = status === 'running'
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [running, intervalMs])
  if ((!running && !forceMount) || startedAt === undefined) return null
  const ms = Math.max(0, now - startedAt)
  const Comp = asChild ? Slot : 'time'
  return (
    <Comp
      {...rest}
      ref={ref}
      dateTime={`PT${Math.floor(ms / 1000)}S`}
      data-awr="run-status-elapsed"
    >
      {withDefaultContent(asChild, children, elapsedText(ms))}
    </Comp>
  )
})
