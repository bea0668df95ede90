import type { ReactNode } from 'react'
import { useAgentRun } from '../react'
import { useChatContext } from './ChatContext'

/** Props of {@link ErrorBanner}. */
export interface ErrorBannerProps {
  className?: string
}

/**
 * Shows the last run's error while the run status is `error` or `truncated`: a `role="alert"`
 * block with `labels.errorTitle`, `error.message`, `error.code` (and the agent's own
 * `agentCode` for `run_error`), and a Retry button calling `retry()`. Renders nothing otherwise
 * (a run the user stopped is not an error).
 */
export function ErrorBanner({ className }: ErrorBannerProps): ReactNode {
  const { error, status, retry, isRunning } = useAgentRun()
  const { labels } = useChatContext()
  if (!error || (status !== 'error' && status !== 'truncated')) return null
  const code = error.agentCode ? `${error.code} (${error.agentCode})` : error.code
  return (
    <div
      className={className ? `awr-error-banner ${className}` : 'awr-error-banner'}
      data-awr="error-banner"
      data-code={error.code}
      role="alert"
    >
      <div className="awr-error-text">
        <strong className="awr-error-title">{labels.errorTitle}</strong>
        <span className="awr-error-message">{error.message}</span>
        <span className="awr-error-code">
          {labels.errorCode}: <code>{code}</code>
        </span>
      </div>
      <button
        type="button"
        className="awr-button awr-button-secondary"
        data-awr="retry"
        disabled={isRunning}
        onClick={() => void retry()}
      >
        {labels.retry}
      </button>
    </div>
  )
}
