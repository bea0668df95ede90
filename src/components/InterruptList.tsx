import type { ReactNode } from 'react'
import type { AgentSnapshot, InterruptView } from '../core/reducer/AgentSnapshot'
import { shallowEqual, useAgentSelector } from '../react'
import { useChatContext } from './ChatContext'
import { HumanInTheLoopLoader } from './HumanInTheLoopLoader'

/**
 * Ids of the thread's interrupts that get their own prompt: every interrupt not yet resumed
 * except those that gate a tool call's approval (reason `tool_call` with a `toolCallId` whose
 * approval card answers them).
 */
export function selectPromptInterruptIds(snapshot: AgentSnapshot): string[] {
  return snapshot.interrupts
    .filter((i: InterruptView) => {
      if (i.toolCallId === undefined) return true
      return snapshot.approvals[i.toolCallId]?.interruptId !== i.id
    })
    .map((i) => i.id)
}

/** Props of {@link InterruptList}. */
export interface InterruptListProps {
  className?: string
  /** Focus a new prompt's first field (see `Interrupt.Root` `autoFocus`). Default `true`. */
  autoFocus?: boolean
}

/**
 * The prompts of the thread's open interrupts not tied to an approval card, one
 * `InterruptPrompt` each; `<Chat />` shows it above the composer. Renders nothing while
 * there are none. Re-renders only when that list of ids changes.
 *
 * The prompt's code loads on first use (see `preloadHumanInTheLoop`): until it is in, one
 * placeholder titled `labels.inputNeeded` with a `role="status"` line, or an alert with Retry if
 * the load fails (the interrupts stay open in the store).
 */
export function InterruptList({ className, autoFocus = true }: InterruptListProps): ReactNode {
  const ids = useAgentSelector(selectPromptInterruptIds, shallowEqual)
  const { labels } = useChatContext()
  if (ids.length === 0) return null
  return (
    <div
      className={className ? `awr-interrupt-list ${className}` : 'awr-interrupt-list'}
      data-awr="interrupt-list"
    >
      <HumanInTheLoopLoader kind="interrupt" title={labels.inputNeeded}>
        {({ InterruptPrompt }) =>
          ids.map((id) => <InterruptPrompt key={id} interruptId={id} autoFocus={autoFocus} />)
        }
      </HumanInTheLoopLoader>
    </div>
  )
}
