import type { ReactNode } from 'react'
import type { ToolCallState } from '../react'
import { useChatContext } from './ChatContext'
import { MessageContent, formatJson } from './MessageContent'

/** Props of {@link ToolCallCard}. */
export interface ToolCallCardProps {
  /** The call, as `useToolCall(id)` returns it. */
  call: ToolCallState
  className?: string
}

/** Arguments text: `parsedArgs` while streaming (partial JSON), the full JSON re-indented after. */
function argumentsText(call: ToolCallState): string {
  if (call.status === 'streaming' && call.parsedArgs !== undefined)
    return formatJson(call.parsedArgs)
  return formatJson(call.args)
}

/**
 * A styled card for one tool call: header with the tool name and a status pill, the arguments
 * pretty-printed, then the result (and `ToolMessage.error`) once a tool message answers it.
 *
 * DOM contract: `<div data-awr="tool-call" data-tool-name={name} data-status="streaming|complete|resolved">`.
 */
export function ToolCallCard({ call, className }: ToolCallCardProps): ReactNode {
  const { labels } = useChatContext()
  const args = argumentsText(call)
  const result = call.result
  return (
    <div
      className={className ? `awr-tool-call ${className}` : 'awr-tool-call'}
      data-awr="tool-call"
      data-tool-name={call.name}
      data-status={call.status}
      data-tool-call-id={call.id}
    >
      <div className="awr-tool-call-header">
        <span className="awr-tool-call-name">{call.name}</span>
        <span className="awr-status-pill" data-status={call.status}>
          {labels.toolStatus[call.status]}
        </span>
      </div>
      {args !== '' && (
        <div className="awr-tool-call-section" data-awr="tool-call-args">
          <div className="awr-tool-call-label">{labels.toolArguments}</div>
          <pre className="awr-code-block" tabIndex={0}>
            <code className="language-json">{args}</code>
          </pre>
        </div>
      )}
      {result && (
        <div className="awr-tool-call-section" data-awr="tool-call-result">
          <div className="awr-tool-call-label">{labels.toolResult}</div>
          <MessageContent content={result.content} json />
        </div>
      )}
      {result?.error && (
        <div className="awr-tool-call-section awr-tool-call-error" data-awr="tool-call-error">
          <div className="awr-tool-call-label">{labels.toolError}</div>
          <div className="awr-text">{result.error}</div>
        </div>
      )}
    </div>
  )
}
