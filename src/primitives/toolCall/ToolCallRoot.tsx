import { forwardRef, useMemo, type HTMLAttributes } from 'react'
import type { ToolCallState } from '../../react/toToolCallState'
import { useToolCall } from '../../react/useToolCall'
import { Slot } from '../Slot'
import { ToolCallContext, toolCallStatus, type ToolCallContextValue } from './ToolCallContext'

/** Props of `ToolCall.Root`. */
export interface ToolCallRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the Root's props merged in. */
  asChild?: boolean
  /**
   * Connected use: the call's `toolCallId`, read with `useToolCall` under `AgentProvider`
   * (re-renders as its arguments stream). Renders nothing while the call does not exist.
   * Ignored with `call`.
   */
  toolCallId?: string
  /** Plain use (no store): the call to show. */
  call?: ToolCallState
}

type ViewProps = Omit<ToolCallRootProps, 'toolCallId' | 'call'> & { call: ToolCallState }

const View = forwardRef<HTMLDivElement, ViewProps>(function View(
  { asChild, call, children, ...rest },
  ref,
) {
  const status = toolCallStatus(call)
  const context = useMemo<ToolCallContextValue>(() => ({ call, status }), [call, status])
  const Comp = asChild ? Slot : 'div'
  return (
    <ToolCallContext.Provider value={context}>
      <Comp
        {...rest}
        ref={ref}
        data-awr="tool-call"
        data-status={status}
        data-state={call.status}
        data-tool-name={call.name}
        data-tool-call-id={call.id}
        aria-busy={call.status === 'streaming' || undefined}
      >
        {children}
      </Comp>
    </ToolCallContext.Provider>
  )
})

const Connected = forwardRef<HTMLDivElement, Omit<ViewProps, 'call'> & { toolCallId: string }>(
  function Connected({ toolCallId, ...rest }, ref) {
    const call = useToolCall(toolCallId)
    return call ? <View {...rest} ref={ref} call={call} /> : null
  },
)

/**
 * One tool call (AG-UI `TOOL_CALL_START`/`ARGS`/`END`/`RESULT`): shares the call with
 * `ToolCall.Name`, `.Args`, `.Result`, `.Error` and `.Status`.
 *
 * DOM: `div[data-awr="tool-call"]` with `data-status="running|done|failed"` (see
 * `ToolCallDisplayStatus`), `data-state="streaming|complete|resolved"` (the reducer's
 * `ToolCallView.status`), `data-tool-name`, `data-tool-call-id`, `aria-busy` while the
 * arguments stream.
 *
 * @throws Error naming `AgentProvider` when used with `toolCallId` outside one.
 */
export const Root = forwardRef<HTMLDivElement, ToolCallRootProps>(function Root(
  { toolCallId, call, ...rest },
  ref,
) {
  if (call) return <View {...rest} ref={ref} call={call} />
  if (toolCallId === undefined) return null
  return <Connected {...rest} ref={ref} toolCallId={toolCallId} />
})
