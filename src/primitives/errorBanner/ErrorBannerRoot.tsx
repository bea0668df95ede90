import { forwardRef, useMemo, useState, type HTMLAttributes } from 'react'
import type { AgentError } from '../../core/protocol/AgentError'
import { useAgentRun } from '../../react/useAgentRun'
import { Slot } from '../Slot'
import { ErrorBannerContext, type ErrorBannerContextValue } from './ErrorBannerContext'

/** Props of `ErrorBanner.Root`. */
export interface ErrorBannerRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the Root's props merged in. */
  asChild?: boolean
  /** Called when `ErrorBanner.Dismiss` hides the banner. */
  onDismiss?: (error: AgentError) => void
}

/**
 * The last run's error, while the run status is `error` or `truncated` (a run the user stopped
 * is not an error) and until dismissed (`ErrorBanner.Dismiss`; a new error shows again).
 * Renders nothing otherwise. Shares the error with `ErrorBanner.Message`, `.Code`, `.Retry`
 * and `.Dismiss`.
 *
 * DOM: `div[data-awr="error-banner"][role="alert"][data-code]`.
 *
 * @throws Error naming `AgentProvider` when used outside one.
 */
export const Root = forwardRef<HTMLDivElement, ErrorBannerRootProps>(function Root(
  { asChild, onDismiss, children, ...rest },
  ref,
) {
  const { error, status, retry, isRunning } = useAgentRun()
  const [dismissed, setDismissed] = useState<AgentError>()
  const shown = error && (status === 'error' || status === 'truncated') && error !== dismissed
  const context = useMemo<ErrorBannerContextValue | undefined>(
    () =>
      error
        ? {
            error,
            isRunning,
            retry: () => void retry(),
            dismiss: () => {
              setDismissed(error)
              onDismiss?.(error)
            },
          }
        : undefined,
    [error, isRunning, retry, onDismiss],
  )
  if (!shown || !context) return null
  const Comp = asChild ? Slot : 'div'
  return (
    <ErrorBannerContext.Provider value={context}>
      <Comp role="alert" {...rest} ref={ref} data-awr="error-banner" data-code={error.code}>
        {children}
      </Comp>
    </ErrorBannerContext.Provider>
  )
})
