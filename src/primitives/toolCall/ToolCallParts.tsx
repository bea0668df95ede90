import { forwardRef, type HTMLAttributes } from 'react'
import type { ToolCallState } from '../../react/toToolCallState'
import { formatJson } from '../formatJson'
import { Slot } from '../Slot'
import { withDefaultContent } from '../withDefaultContent'
import { useToolCallContext, type ToolCallDisplayStatus } from './ToolCallContext'

/**
 * The arguments as shown: while they stream, the partial parse pretty-printed (the raw text when
 * it does not parse yet); after, the full JSON re-indented (the raw text when it is not JSON).
 */
export function toolCallArgsText(call: ToolCallState): string {
  if (call.status === 'streaming' && call.parsedArgs !== undefined)
    return formatJson(call.parsedArgs)
  return formatJson(call.args)
}

interface PartProps {
  asChild?: boolean
}

/** Props of `ToolCall.Name`. */
export type ToolCallNameProps = HTMLAttributes<HTMLSpanElement> & PartProps

/** The tool's name (`toolCallName`) in `span[data-awr="tool-call-name"]`; children replace it. */
export const Name = forwardRef<HTMLSpanElement, ToolCallNameProps>(function Name(
  { asChild, children, ...rest },
  ref,
) {
  const { call } = useToolCallContext('Name')
  const Comp = asChild ? Slot : 'span'
  return (
    <Comp {...rest} ref={ref} data-awr="tool-call-name">
      {withDefaultContent(asChild, children, call.name)}
    </Comp>
  )
})

/** Props of `ToolCall.Args`. */
export interface ToolCallArgsProps extends HTMLAttributes<HTMLPreElement>, PartProps {
  /** Render even while there are no arguments yet. */
  forceMount?: boolean
}

/**
 * The arguments ({@link toolCallArgsText}), updated as `TOOL_CALL_ARGS` deltas arrive, in a
 * focusable `pre[data-awr="tool-call-args"]` with `data-state="streaming|complete|resolved"`.
 * Renders nothing while there are none (unless `forceMount`). Children replace the text.
 */
export const Args = forwardRef<HTMLPreElement, ToolCallArgsProps>(function Args(
  { asChild, forceMount, children, ...rest },
  ref,
) {
  const { call } = useToolCallContext('Args')
  const text = toolCallArgsText(call)
  if (text === '' && !forceMount) return null
  const Comp = asChild ? Slot : 'pre'
  return (
    <Comp tabIndex={0} {...rest} ref={ref} data-awr="tool-call-args" data-state={call.status}>
      {withDefaultContent(asChild, children, text)}
    </Comp>
  )
})

/** Props of `ToolCall.Result` and `ToolCall.Error`. */
export type ToolCallResultProps = HTMLAttributes<HTMLDivElement> & PartProps

/**
 * The result once a tool message answers the call (`TOOL_CALL_RESULT`): its content
 * pretty-printed in `div[data-awr="tool-call-result"]` > `pre`; nothing before. Children replace
 * the content (read `useContext().call.result` in them).
 */
export const Result = forwardRef<HTMLDivElement, ToolCallResultProps>(function Result(
  { asChild, children, ...rest },
  ref,
) {
  const { call } = useToolCallContext('Result')
  if (!call.result) return null
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp {...rest} ref={ref} data-awr="tool-call-result">
      {children ?? <pre tabIndex={0}>{formatJson(call.result.content)}</pre>}
    </Comp>
  )
})

/**
 * The result's `ToolMessage.error`, when it has one, in `div[data-awr="tool-call-error"]`
 * (children replace the text); nothing otherwise.
 */
export const Error = forwardRef<HTMLDivElement, ToolCallResultProps>(function Error(
  { asChild, children, ...rest },
  ref,
) {
  const { call } = useToolCallContext('Error')
  if (!call.result?.error) return null
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp {...rest} ref={ref} data-awr="tool-call-error">
      {withDefaultContent(asChild, children, call.result.error)}
    </Comp>
  )
})

/** Default texts of `ToolCall.Status`. */
export const defaultToolCallStatusLabels: Record<ToolCallDisplayStatus, string> = {
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
}

/** Props of `ToolCall.Status`. */
export interface ToolCallStatusProps extends HTMLAttributes<HTMLSpanElement>, PartProps {
  /** Text per status; merged over {@link defaultToolCallStatusLabels}. */
  labels?: Partial<Record<ToolCallDisplayStatus, string>>
}

/**
 * The call's status as text in `span[data-awr="tool-call-status"][data-status]`
 * (`running|done|failed`); children replace the text.
 */
export const Status = forwardRef<HTMLSpanElement, ToolCallStatusProps>(function Status(
  { asChild, labels, children, ...rest },
  ref,
) {
  const { status } = useToolCallContext('Status')
  const Comp = asChild ? Slot : 'span'
  return (
    <Comp {...rest} ref={ref} data-awr="tool-call-status" data-status={status}>
      {withDefaultContent(
        asChild,
        children,
        labels?.[status] ?? defaultToolCallStatusLabels[status],
      )}
    </Comp>
  )
})
