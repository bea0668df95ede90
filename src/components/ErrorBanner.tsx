import type { ReactNode } from 'react'
import * as ErrorBannerPrimitive from '../primitives/errorBanner'
import { useChatContext } from './ChatContext'

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  className?: string
}

/**
 * The run's error, composed from `ErrorBannerPrimitive.*` and CSS: shown while the run status is
 * `error` or `truncated` as a `role="alert"` block with `labels.errorTitle`, `error.message`,
 * `error.code` (and the agent's own `agentCode` for `run_error`), a Retry button calling
 * `retry()` and a Dismiss button (`labels.dismissError`) hiding it until the next error.
 * Renders nothing otherwise (a run the user stopped is not an error).
 */
export function ErrorBanner({ className }: ErrorBannerProps): ReactNode {
  const { labels } = useChatContext()
  return (
    <ErrorBannerPrimitive.Root
      className={className ? `awr-error-banner ${className}` : 'awr-error-banner'}
    >
      <div className="awr-error-text">
        <strong className="awr-error-title">{labels.errorTitle}</strong>
        <ErrorBannerPrimitive.Message className="awr-error-message" />
        <span className="awr-error-code">
          {labels.errorCode}: <ErrorBannerPrimitive.Code />
        </span>
      </div>
      <div className="awr-error-actions">
        <ErrorBannerPrimitive.Retry className="awr-button awr-button-secondary">
          {labels.retry}
        </ErrorBannerPrimitive.Retry>
        <ErrorBannerPrimitive.Dismiss className="awr-button awr-button-ghost">
          {labels.dismissError}
        </ErrorBannerPrimitive.Dismiss>
      </div>
    </ErrorBannerPrimitive.Root>
  )
}
