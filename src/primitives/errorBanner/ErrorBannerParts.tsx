import { forwardRef, type ButtonHTMLAttributes, type HTMLAttributes } from 'react'
import type { AgentError } from '../../core/protocol/AgentError'
import { composeEventHandlers } from '../composeEventHandlers'
import { Slot } from '../Slot'
import { withDefaultContent } from '../withDefaultContent'
import { useErrorBannerContext } from './ErrorBannerContext'

/** Props of `ErrorBanner.Message` and `ErrorBanner.Code`. */
export interface ErrorBannerTextProps extends HTMLAttributes<HTMLSpanElement> {
  asChild?: boolean
}

/** The error's `message` in `span[data-awr="error-banner-message"]`; children replace it. */
export const Message = forwardRef<HTMLSpanElement, ErrorBannerTextProps>(function Message(
  { asChild, children, ...rest },
  ref,
) {
  const { error } = useErrorBannerContext('Message')
  const Comp = asChild ? Slot : 'span'
  return (
    <Comp {...rest} ref={ref} data-awr="error-banner-message">
      {withDefaultContent(asChild, children, error.message)}
    </Comp>
  )
})

/** `code`, with the agent's own `agentCode` for `run_error`: `run_error (RATE_LIMIT)`. */
export function errorCodeText(error: AgentError): string {
  return error.agentCode ? `${error.code} (${error.agentCode})` : error.code
}

/** The error code ({@link errorCodeText}) in `code[data-awr="error-banner-code"]`. */
export const Code = forwardRef<HTMLElement, ErrorBannerTextProps>(function Code(
  { asChild, children, ...rest },
  ref,
) {
  const { error } = useErrorBannerContext('Code')
  const Comp = asChild ? Slot : 'code'
  return (
    <Comp {...rest} ref={ref} data-awr="error-banner-code">
      {withDefaultContent(asChild, children, errorCodeText(error))}
    </Comp>
  )
})

/** Props of `ErrorBanner.Retry` and `ErrorBanner.Dismiss`. */
export interface ErrorBannerButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  asChild?: boolean
}

/**
 * Runs again with the thread as it is (`button[data-awr="error-banner-retry"]`), disabled while
 * a run is running. Children are its label.
 */
export const Retry = forwardRef<HTMLButtonElement, ErrorBannerButtonProps>(function Retry(
  { asChild, onClick, disabled, ...rest },
  ref,
) {
  const ctx = useErrorBannerContext('Retry')
  const Comp = asChild ? Slot : 'button'
  return (
    <Comp
      type="button"
      {...rest}
      ref={ref}
      data-awr="error-banner-retry"
      disabled={disabled || ctx.isRunning}
      onClick={composeEventHandlers(onClick, ctx.retry)}
    />
  )
})

/** Hides the banner until the next error (`button[data-awr="error-banner-dismiss"]`). */
export const Dismiss = forwardRef<HTMLButtonElement, ErrorBannerButtonProps>(function Dismiss(
  { asChild, onClick, ...rest },
  ref,
) {
  const ctx = useErrorBannerContext('Dismiss')
  const Comp = asChild ? Slot : 'button'
  return (
    <Comp
      type="button"
      {...rest}
      ref={ref}
      data-awr="error-banner-dismiss"
      onClick={composeEventHandlers(onClick, ctx.dismiss)}
    />
  )
})
