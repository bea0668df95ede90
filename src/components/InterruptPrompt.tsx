import { useId, type ReactNode } from 'react'
import { Interrupt, type InterruptRootProps } from '../primitives'
import { useChatContext } from './ChatContext'

/** Props of {@link InterruptPrompt}. */
export type InterruptPromptProps = Pick<
  InterruptRootProps,
  'interruptId' | 'interrupt' | 'onRespond' | 'onCancel' | 'autoFocus'
> & { className?: string }

function Status(): ReactNode {
  const { state } = Interrupt.useContext('Status')
  const { labels } = useChatContext()
  const text = labels.interruptStatus[state]
  return text ? <div className="awr-hitl-status">{text}</div> : null
}

/**
 * The styled prompt of one interrupt (AG-UI `RUN_FINISHED.outcome = { type: 'interrupt' }`),
 * composed of the `Interrupt` primitives: title, the agent's message, the time left (updates
 * every second; announced at one minute and at expiry), a form generated from `responseSchema`
 * (strings, numbers, integers, booleans, enums, arrays of those; a JSON editor otherwise) with
 * validation messages, the store's error if it rejects the answer, and Submit / Cancel. Once
 * expired only Cancel remains. Strings come from `ChatLabels`.
 *
 * Connected with `interruptId` (under `AgentProvider`), or plain with `interrupt` and the `on*`
 * callbacks. DOM contract: `[data-awr="interrupt"][data-state]`.
 */
export function InterruptPrompt({ className, ...props }: InterruptPromptProps): ReactNode {
  const { labels } = useChatContext()
  const titleId = useId()
  return (
    <Interrupt.Root
      {...props}
      className={className ? `awr-interrupt ${className}` : 'awr-interrupt'}
      aria-labelledby={titleId}
      messages={labels.form}
    >
      <div className="awr-hitl-header">
        <span className="awr-hitl-title" id={titleId}>
          {labels.inputNeeded}
        </span>
        <Interrupt.Countdown
          className="awr-countdown"
          labels={{
            expiresIn: labels.expiresIn,
            expired: labels.expired,
            expiresSoon: labels.expiresSoon,
          }}
        />
      </div>
      <div className="awr-hitl-section">
        <Interrupt.Message className="awr-interrupt-message" />
        <Interrupt.Form className="awr-interrupt-form">
          <Interrupt.Field />
        </Interrupt.Form>
        <Status />
      </div>
      <Interrupt.Error className="awr-hitl-error" />
      <div className="awr-hitl-actions">
        <Interrupt.Submit className="awr-button awr-button-primary">
          {labels.submit}
        </Interrupt.Submit>
        <Interrupt.Cancel className="awr-button awr-button-secondary">
          {labels.cancel}
        </Interrupt.Cancel>
      </div>
    </Interrupt.Root>
  )
}
