import { createContext, useContext } from 'react'
import type { AgentError } from '../../core/protocol/AgentError'

/** What `ErrorBanner.Root` shares with its parts; read it with {@link useErrorBannerContext}. */
export interface ErrorBannerContextValue {
  /** The run's error being shown. */
  error: AgentError
  /** Runs again with the thread as it is (`useAgentRun().retry`). */
  retry: () => void
  /** Hides the banner until the next error. */
  dismiss: () => void
  isRunning: boolean
}

/** React context of the ErrorBanner parts. */
export const ErrorBannerContext = createContext<ErrorBannerContextValue | null>(null)

/**
 * The context of the nearest `ErrorBanner.Root` (exported as `ErrorBannerPrimitive`).
 * @throws Error naming the part when used outside a Root.
 */
export function useErrorBannerContext(part = 'useErrorBannerContext'): ErrorBannerContextValue {
  const value = useContext(ErrorBannerContext)
  if (!value)
    throw new Error(
      `<ErrorBannerPrimitive.${part}> must be used inside <ErrorBannerPrimitive.Root>.`,
    )
  return value
}
