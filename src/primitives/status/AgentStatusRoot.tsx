import {
  cloneElement,
  forwardRef,
  isValidElement,
  useMemo,
  type HTMLAttributes,
  type ReactElement,
  type ReactNode,
} from 'react'
import type { AgentStatus } from '../../core/status/AgentStatus'
import { useAgentStatus, type UseAgentStatusOptions } from '../../react/useAgentStatus'
import { Slot } from '../Slot'
import { AgentStatusContext, type AgentStatusContextValue } from './AgentStatusContext'
import { defaultStatusLabels, type StatusLabels } from './StatusLabels'

/** Props of `Status.Root`. */
export interface AgentStatusRootProps
  extends HTMLAttributes<HTMLElement>, Omit<UseAgentStatusOptions, 'now'> {
  /** Render the single child element instead of a `section`, with the Root's props merged in. */
  asChild?: boolean
  /**
   * Plain use (no provider: stories, tests, a status from elsewhere). Default: connected,
   * `useAgentStatus(options)` of the nearest `AgentProvider`.
   */
  status?: AgentStatus
  /** The clock (ms since epoch) for running bars. Default `Date.now()` at render. */
  now?: number
  labels?: Partial<StatusLabels>
  onOpenDecision?: (id: string, kind: 'approval' | 'interrupt') => void
  children?: ReactNode
}

type ViewProps = Omit<
  AgentStatusRootProps,
  Exclude<keyof UseAgentStatusOptions, 'now'> | 'status'
> & {
  status: AgentStatus
}

const View = forwardRef<HTMLElement, ViewProps>(function View(
  { asChild, status, now, labels, onOpenDecision, children, ...rest },
  ref,
) {
  const time = now ?? Date.now()
  const value = useMemo<AgentStatusContextValue>(
    () => ({
      status,
      labels: { ...defaultStatusLabels, ...labels },
      now: time,
      ...(onOpenDecision && { onOpenDecision }),
    }),
    [status, labels, time, onOpenDecision],
  )
  const Element = asChild ? Slot : 'section'
  const loading = status.loading === true
  let content = children
  if (loading) {
    const placeholder = <p data-empty="">{value.labels.loading}</p>
    // With `asChild` the child is the root: keep it, with the placeholder inside.
    content =
      asChild && isValidElement(children)
        ? cloneElement(children as ReactElement, undefined, placeholder)
        : placeholder
  }
  return (
    <AgentStatusContext.Provider value={value}>
      <Element
        ref={ref}
        aria-label={`${value.labels.status}: ${loading ? value.labels.loading : (status.identity.name ?? value.labels.unknownAgent)}`}
        aria-busy={loading || undefined}
        data-awr="agent-status"
        data-state={loading ? 'loading' : (status.currentRun?.status ?? 'idle')}
        data-health={status.connection.health}
        {...rest}
      >
        {content}
      </Element>
    </AgentStatusContext.Provider>
  )
})

const Connected = forwardRef<HTMLElement, AgentStatusRootProps>(function Connected(
  { card, capabilities, transport, recentRuns, refreshMs, source, pollMs, ...rest },
  ref,
) {
  const status = useAgentStatus({
    ...(source !== undefined && { source }),
    ...(pollMs !== undefined && { pollMs }),
    ...(card && { card }),
    ...(capabilities && { capabilities }),
    ...(transport !== undefined && { transport }),
    ...(recentRuns !== undefined && { recentRuns }),
    ...(refreshMs !== undefined && { refreshMs }),
  })
  return <View ref={ref} status={status} {...rest} />
})

/**
 * The root of a status page (Radix anatomy): a `section` (`data-awr="agent-status"`,
 * `data-state` = the current run's status or `idle`, `data-health` = connection health) that
 * shares an `AgentStatus` with the parts. Connected under `AgentProvider` (options as
 * `useAgentStatus`), or plain with `status`. While the status is `loading` (its code loads on
 * first use, see `preloadAgentStatus`), it renders `labels.loading` in place of its children,
 * with `aria-busy` and `data-state="loading"`, so no part shows an empty status as the agent's.
 */
export const Root = forwardRef<HTMLElement, AgentStatusRootProps>(function Root(props, ref) {
  if (props.status) {
    const {
      card: _c,
      capabilities: _k,
      transport: _t,
      recentRuns: _r,
      refreshMs: _f,
      source: _s,
      pollMs: _p,
      ...rest
    } = props
    return <View ref={ref} {...rest} status={props.status} />
  }
  return <Connected ref={ref} {...props} />
})
