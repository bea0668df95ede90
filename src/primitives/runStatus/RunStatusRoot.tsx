import { forwardRef, useMemo, useState, type HTMLAttributes } from 'react'
import { useAgentRun } from '../../react/useAgentRun'
import { Slot } from '../Slot'
import { RunStatusContext, type RunStatusContextValue } from './RunStatusContext'

/** Props of `RunStatus.Root`. */
export interface RunStatusRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the Root's props merged in. */
  asChild?: boolean
}

/**
 * The run status of the nearest `AgentProvider` (`useAgentRun().status`): always rendered, so
 * layouts do not jump, as `div[data-awr="run-status"][data-status]` (`idle|running|finished|
 * error|interrupted|cancelled|truncated`). Not a live region. Shares the status and the local
 * start time with `RunStatus.Label`, `.Spinner` and `.Elapsed`.
 *
 * @throws Error naming `AgentProvider` when used outside one.
 */
export const Root = forwardRef<HTMLDivElement, RunStatusRootProps>(function Root(
  { asChild, children, ...rest },
  ref,
) {
  const { status } = useAgentRun()
  // The local clock when the status turned `running` (producers' timestamps may be absent or
  // skewed); set while rendering, React's pattern for state derived from a changed prop.
  const [start, setStart] = useState<{ status: string; at: number | undefined }>({
    status: 'idle',
    at: undefined,
  })
  if (start.status !== status) {
    setStart({ status, at: status === 'running' ? Date.now() : start.at })
  }
  const context = useMemo<RunStatusContextValue>(
    () => ({ status, startedAt: start.at }),
    [status, start.at],
  )
  const Comp = asChild ? Slot : 'div'
  return (
    <RunStatusContext.Provider value={context}>
      <Comp {...rest} ref={ref} data-awr="run-status" data-status={status}>
        {children}
      </Comp>
    </RunStatusContext.Provider>
  )
})
