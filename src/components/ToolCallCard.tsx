import type { ReactNode } from 'react'
import type { ToolCallState } from '../react'
import * as ToolCall from '../primitives/toolCall'
import { toolCallArgsText } from '../primitives/toolCall/ToolCallParts'
import { useChatContext } from './ChatContext'
import { MessageContent } from './MessageContent'

/** Props of {@link ToolCallCard}. */
export interface ToolCallCardProps {
  /** The call, as `useToolCall(id)` returns it. */
  call: ToolCallState
  className?: string
}

/**
 * A styled card for one tool call, composed from `ToolCall.Root`/`Name`/`Args`/`Result`/`Error`:
 * header with the tool name and a status pill (`labels.toolStatus`), the arguments
 * pretty-printed (live while they stream), then the result (and `ToolMessage.error`) once a tool
 * message answers it.
 *
 * DOM contract: `<div data-awr="tool-call" data-tool-name={name} data-tool-call-id={id}
 * data-status="streaming|complete|resolved">` (the reducer's status, kept for compatibility;
 * the primitive's `running|done|failed` would be `data-status` on a bare `ToolCall.Root`).
 */
export function ToolCallCard({ call, className }: ToolCallCardProps): ReactNode {
  const { labels } = useChatContext()
  const args = toolCallArgsText(call)
  return (
    <ToolCall.Root call={call} asChild>
      <div
        className={className ? `awr-tool-call ${className}` : 'awr-tool-call'}
        data-status={call.status}
      >
        <div className="awr-tool-call-header">
          <ToolCall.Name className="awr-tool-call-name" />
          <span className="awr-status-pill" data-status={call.status}>
            {labels.toolStatus[call.status]}
          </span>
        </div>
        {args !== '' && (
          <div className="awr-tool-call-section">
            <div className="awr-tool-call-label">{labels.toolArguments}</div>
            <ToolCall.Args className="awr-code-block">
              <code className="language-json">{args}</code>
            </ToolCall.Args>
          </div>
        )}
        <ToolCall.Result className="awr-tool-call-section">
          <div className="awr-tool-call-label">{labels.toolResult}</div>
          {call.result && <MessageContent content={call.result.content} json />}
        </ToolCall.Result>
        <ToolCall.Error className="awr-tool-call-section awr-tool-call-error">
          <div className="awr-tool-call-label">{labels.toolError}</div>
          <div className="awr-text">{call.result?.error}</div>
        </ToolCall.Error>
      </div>
    </ToolCall.Root>
  )
}
