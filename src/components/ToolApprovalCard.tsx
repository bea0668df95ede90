import { useId, useMemo, type ReactNode } from 'react'
import type { ApprovalState, ToolApproval as Approval } from '../core/reducer/AgentSnapshot'
import { Countdown, ToolApproval, formatMessage, type ToolApprovalRootProps } from '../primitives'
import { useChatContext } from './ChatContext'
import type { ChatLabels } from './ChatLabels'
import { formatJson } from './MessageContent'

/** Props of {@link ToolApprovalCard}. */
export interface ToolApprovalCardProps extends Pick<
  ToolApprovalRootProps,
  | 'toolCallId'
  | 'approval'
  | 'onApprove'
  | 'onDeny'
  | 'onEdit'
  | 'onCancel'
  | 'schema'
  | 'autoFocus'
> {
  className?: string
  /** Replaces the arguments view (e.g. the tool's registered `render`); the editor still edits JSON args. */
  children?: ReactNode
}

const ASKING: readonly ApprovalState[] = ['awaiting_args', 'pending']
const SETTLED: readonly ApprovalState[] = ['resolved', 'cancelled']

/** One line saying what was decided (empty while undecided). */
export function approvalSummary(approval: Approval, labels: ChatLabels): string {
  const { decision } = approval
  if (decision?.by === 'policy') return labels.approvedByPolicy
  if (decision?.type === 'denied' && decision.reason) {
    return formatMessage(labels.deniedWithReason, { reason: decision.reason })
  }
  if (decision) return labels.approvalStatus[decision.type]
  return SETTLED.includes(approval.state) || approval.state === 'expired'
    ? labels.approvalStatus[approval.state]
    : ''
}

interface PartProps {
  approval: Approval
  labels: ChatLabels
  titleId: string
}

function Header({ approval, labels, titleId }: PartProps): ReactNode {
  const { state } = approval
  const asking = ASKING.includes(state)
  return (
    <div className="awr-hitl-header">
      <span className="awr-hitl-title" id={titleId}>
        {asking ? (
          formatMessage(labels.approvalNeeded, { tool: approval.toolName })
        ) : (
          <span className="awr-tool-call-name">{approval.toolName}</span>
        )}
      </span>
      {state === 'executing' && <span className="awr-spinner" aria-hidden="true" />}
      {asking && approval.expiresAt !== undefined && (
        <Countdown
          className="awr-countdown"
          expiresAt={approval.expiresAt}
          labels={{
            expiresIn: labels.expiresIn,
            expired: labels.expired,
            expiresSoon: labels.expiresSoon,
          }}
        />
      )}
      <span className="awr-status-pill awr-approval-pill" data-status={state}>
        {labels.approvalStatus[state]}
      </span>
    </div>
  )
}

function Body(props: { labels: ChatLabels; custom: ReactNode; titleId: string }): ReactNode {
  const { labels, custom, titleId } = props
  const { approval, mode } = ToolApproval.useContext('Body')
  const messages = useMemo(
    () => ({ ...labels.form, json: labels.toolArguments }),
    [labels.form, labels.toolArguments],
  )
  const { state } = approval
  const args =
    custom != null && mode !== 'editing' ? (
      <div className="awr-hitl-custom">{custom}</div>
    ) : (
      <ToolApproval.Args className="awr-code-block awr-hitl-args" />
    )
  const error = <ToolApproval.Error className="awr-hitl-error" />
  const summary = approvalSummary(approval, labels)
  if (SETTLED.includes(state)) {
    return (
      <>
        <details className="awr-hitl-summary">
          <summary>
            <span className="awr-tool-call-name" id={titleId}>
              {approval.toolName}
            </span>
            <span className="awr-hitl-decision">{summary}</span>
          </summary>
          <div className="awr-hitl-section">
            {args}
            {approval.result !== undefined && (
              <pre className="awr-code-block" tabIndex={0} data-awr="tool-approval-result">
                {formatJson(approval.result)}
              </pre>
            )}
          </div>
        </details>
        {error}
      </>
    )
  }
  return (
    <>
      <Header approval={approval} labels={labels} titleId={titleId} />
      <div className="awr-hitl-section">
        {args}
        <ToolApproval.Editor className="awr-hitl-editor" messages={messages} />
        {summary && !ASKING.includes(state) ? (
          <div className="awr-hitl-decision">{summary}</div>
        ) : null}
      </div>
      {error}
      {ASKING.includes(state) && (
        <div className="awr-hitl-actions">
          <ToolApproval.Reason
            className="awr-hitl-input"
            aria-label={labels.denyReason}
            placeholder={labels.denyReasonPlaceholder}
          />
          <ToolApproval.Approve className="awr-button awr-button-primary" title="Alt+A">
            {labels.approve}
          </ToolApproval.Approve>
          <ToolApproval.Deny className="awr-button awr-button-danger" title="Alt+D">
            {labels.deny}
          </ToolApproval.Deny>
          <ToolApproval.Edit className="awr-button awr-button-secondary" title="Alt+E">
            {labels.edit}
          </ToolApproval.Edit>
          <ToolApproval.AlwaysAllow className="awr-button awr-button-secondary">
            {labels.alwaysAllow}
          </ToolApproval.AlwaysAllow>
        </div>
      )}
      {state === 'expired' && approval.interruptId !== undefined && (
        <div className="awr-hitl-actions">
          <ToolApproval.Cancel className="awr-button awr-button-secondary">
            {labels.cancel}
          </ToolApproval.Cancel>
        </div>
      )}
    </>
  )
}

/**
 * The styled approval card of one tool call, composed of the `ToolApproval` primitives (see
 * `ToolApproval.Root` for behaviour, shortcuts and focus). By state: `awaiting_args` shows the
 * arguments as they stream with the actions disabled; `pending` offers Approve (Alt+A), Deny
 * (Alt+D: asks for an optional reason, then denies), Edit (Alt+E: a form from the tool's JSON
 * Schema, or a JSON editor) and Always allow; `approved`/`denied`/`edited` show the decision;
 * `executing` a spinner (`aria-busy`); `expired` (its interrupt passed `expiresAt`) offers only
 * Cancel; `resolved`/`cancelled` collapse into a `<details>` summary with the decision. Errors (`approval.error`, rejected edits) show in an
 * alert. Strings come from `ChatLabels`.
 *
 * Connected with `toolCallId` (under `AgentProvider`), or plain with `approval` and the `on*`
 * callbacks. DOM contract: `[data-awr="tool-approval"][data-state][data-tool-name]`.
 */
export function ToolApprovalCard({
  className,
  children,
  ...props
}: ToolApprovalCardProps): ReactNode {
  const { labels } = useChatContext()
  const titleId = useId()
  return (
    <ToolApproval.Root
      {...props}
      className={className ? `awr-tool-approval ${className}` : 'awr-tool-approval'}
      aria-labelledby={titleId}
    >
      <Body labels={labels} custom={children} titleId={titleId} />
    </ToolApproval.Root>
  )
}
