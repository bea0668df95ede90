import type { ReactNode } from 'react'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { formatMessage } from '../primitives'
import { useAgentSelector } from '../react'
import { useChatContext } from './ChatContext'
import { selectPromptInterruptIds } from './InterruptList'
import { usePreloadHumanInTheLoop } from './usePreloadHumanInTheLoop'

/**
 * The newest approval that asked for a decision (any state past `awaiting_args`), as
 * `toolCallId` + `toolName`, or `''`. Stable while no newer one appears, so the announcement
 * does not repeat when it is decided.
 */
export function selectLatestApproval(snapshot: AgentSnapshot): string {
  const list = Object.values(snapshot.approvals)
  for (let i = list.length - 1; i >= 0; i--) {
    const a = list[i]
    if (a.state !== 'awaiting_args' && a.decision?.by !== 'policy') {
      return `${a.toolCallId}\n${a.toolName}`
    }
  }
  return ''
}

/** The newest interrupt with its own prompt, as `id` + `message`, or `''`. */
export function selectLatestInterrupt(snapshot: AgentSnapshot): string {
  const ids = selectPromptInterruptIds(snapshot)
  const last = snapshot.interrupts.find((i) => i.id === ids[ids.length - 1])
  return last ? `${last.id}\n${last.message ?? ''}` : ''
}

/**
 * Visually hidden polite live regions announcing "Approval needed: <tool>" when an approval
 * starts asking for a decision (also one a reload restores) and "Input needed: <message>" when
 * an interrupt prompt appears. Each text names the newest one and stays until a newer one
 * comes, so deciding does not re-announce. Approvals the "always allow" policy decides are not
 * announced.
 *
 * It also starts loading the approval card and interrupt prompt's code as soon as the thread may
 * need it (`usePreloadHumanInTheLoop`), so `<Chat />` has it in before a card shows.
 */
export function HitlAnnouncer(): ReactNode {
  usePreloadHumanInTheLoop()
  const { labels } = useChatContext()
  const approval = useAgentSelector(selectLatestApproval)
  const interrupt = useAgentSelector(selectLatestInterrupt)
  const approvalText = approval
    ? formatMessage(labels.approvalNeeded, { tool: approval.split('\n')[1] })
    : ''
  const message = interrupt.split('\n')[1]
  const interruptText = interrupt
    ? message
      ? `${labels.inputNeeded}: ${message}`
      : labels.inputNeeded
    : ''
  return (
    <div className="awr-visually-hidden" data-awr="hitl-announcer">
      <div aria-live="polite" aria-atomic="true">
        {approvalText}
      </div>
      <div aria-live="polite" aria-atomic="true">
        {interruptText}
      </div>
    </div>
  )
}
