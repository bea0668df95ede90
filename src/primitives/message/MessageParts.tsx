import {
  forwardRef,
  type DetailsHTMLAttributes,
  type HTMLAttributes,
  type ReactNode,
  type SyntheticEvent,
} from 'react'
import type { ActivityMessage, ReasoningMessage, ToolMessage } from '../../core/protocol/types'
import { composeEventHandlers } from '../composeEventHandlers'
import { formatJson } from '../formatJson'
import { Slot } from '../Slot'
import { withDefaultContent } from '../withDefaultContent'
import { useControllableState } from '../useControllableState'
import { useMessageContext } from './MessageContext'

/** Props of `Message.Text`. */
export interface MessageTextProps extends HTMLAttributes<HTMLDivElement> {
  asChild?: boolean
  /** The text to show; default the message's `content` when it is a string. */
  text?: string
}

/**
 * Plain text of a message or a text part, in `div[data-awr="message-text"]` (style it with
 * `white-space: pre-wrap`). Rendered as text, never as HTML. Children replace it (e.g. markdown).
 */
export const Text = forwardRef<HTMLDivElement, MessageTextProps>(function Text(
  { asChild, text, children, ...rest },
  ref,
) {
  const { message, status } = useMessageContext('Text')
  const shown = text ?? (typeof message.content === 'string' ? message.content : '')
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp {...rest} ref={ref} data-awr="message-text" data-status={status}>
      {withDefaultContent(asChild, children, shown)}
    </Comp>
  )
})

/** Props of `Message.Reasoning`. */
export interface MessageReasoningProps extends Omit<
  DetailsHTMLAttributes<HTMLDetailsElement>,
  'open'
> {
  /** Controlled open state. */
  open?: boolean
  /** Initial open state while uncontrolled. Default `false` (collapsed). */
  defaultOpen?: boolean
  /** Called with the new open state. */
  onOpenChange?: (open: boolean) => void
  /** The `<summary>` content. Default "Reasoning". */
  summary?: ReactNode
  /** The reasoning message; default the Root's message. */
  message?: ReasoningMessage
}

/**
 * A `reasoning` message as a disclosure: `details[data-awr="message-reasoning"]` with
 * `data-state="open|closed"`, a `summary` and the text (it streams live inside, open or not).
 * Open state controlled (`open`/`onOpenChange`) or not (`defaultOpen`, collapsed by default).
 */
export const Reasoning = forwardRef<HTMLDetailsElement, MessageReasoningProps>(function Reasoning(
  {
    open: openProp,
    defaultOpen = false,
    onOpenChange,
    summary = 'Reasoning',
    message,
    onToggle,
    children,
    ...rest
  },
  ref,
) {
  const ctx = useMessageContext('Reasoning')
  const [open, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
  })
  const shown = message ?? ctx.message
  return (
    <details
      {...rest}
      ref={ref}
      open={open}
      data-awr="message-reasoning"
      data-state={open ? 'open' : 'closed'}
      data-status={ctx.status}
      onToggle={composeEventHandlers(onToggle, (event: SyntheticEvent<HTMLDetailsElement>) =>
        setOpen(event.currentTarget.open),
      )}
    >
      <summary>{summary}</summary>
      {children ?? (
        <div data-awr="message-reasoning-body">
          {typeof shown.content === 'string' ? shown.content : ''}
        </div>
      )}
    </details>
  )
})

/** Props of `Message.Activity`. */
export interface MessageActivityProps extends HTMLAttributes<HTMLDivElement> {
  asChild?: boolean
  /** The activity message; default the Root's message. */
  message?: ActivityMessage
}

/**
 * An `activity` message (`ACTIVITY_SNAPSHOT`/`ACTIVITY_DELTA`): `div[data-awr="message-activity"]`
 * with `data-activity-type`; its content pretty-printed as JSON in a focusable `pre` unless
 * children replace it.
 */
export const Activity = forwardRef<HTMLDivElement, MessageActivityProps>(function Activity(
  { asChild, message, children, ...rest },
  ref,
) {
  const ctx = useMessageContext('Activity')
  const shown = (message ?? ctx.message) as ActivityMessage
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp {...rest} ref={ref} data-awr="message-activity" data-activity-type={shown.activityType}>
      {children ?? <pre tabIndex={0}>{formatJson(shown.content)}</pre>}
    </Comp>
  )
})

/** Props of `Message.ToolResult`. */
export interface MessageToolResultProps extends HTMLAttributes<HTMLDivElement> {
  asChild?: boolean
  /** The tool message; default the Root's message. */
  message?: ToolMessage
}

/**
 * A `tool` message (a tool call's result): `div[data-awr="message-tool-result"]` with
 * `data-tool-call-id` and `data-state="done|failed"` (failed when `ToolMessage.error` is set);
 * the content pretty-printed as JSON and the error, unless children replace them.
 */
export const ToolResult = forwardRef<HTMLDivElement, MessageToolResultProps>(function ToolResult(
  { asChild, message, children, ...rest },
  ref,
) {
  const ctx = useMessageContext('ToolResult')
  const shown = (message ?? ctx.message) as ToolMessage
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp
      {...rest}
      ref={ref}
      data-awr="message-tool-result"
      data-tool-call-id={shown.toolCallId}
      data-state={shown.error ? 'failed' : 'done'}
    >
      {children ?? (
        <>
          <pre tabIndex={0}>{formatJson(shown.content)}</pre>
          {shown.error ? <div data-awr="message-tool-error">{shown.error}</div> : null}
        </>
      )}
    </Comp>
  )
})
