import type { BaseEvent, RunFinishedOutcome, Tool } from '../../core/protocol/types'
import { addTaskFlow } from './demoAddTaskFlow'
import { requestApprovals } from './demoApprovalFlow'
import type { DemoRunContext } from './demoEmitter'
import { requestFrontendTools } from './demoFrontendToolFlow'
import { detectIntent } from './demoIntents'
import { requestMeeting } from './demoMeetingFlow'

/**
 * Answers a user message by what it asks for (see `detectIntent`), first match wins: gated
 * backend tools (approval interrupts), frontend tools, the meeting interrupt, else `add_task`.
 * Returns the run's outcome (`undefined` when aborted).
 * @internal
 */
export async function* demoAnswerFlow(
  ctx: DemoRunContext,
  text: string,
  tools: readonly Tool[],
  options: { tokenDelayMs: number; interruptTtlMs: number },
): AsyncGenerator<BaseEvent, RunFinishedOutcome | undefined> {
  const intent = detectIntent(text)
  if (intent.deleteDone || intent.sendReport) return yield* requestApprovals(ctx, intent)
  if (intent.theme || intent.notification) return yield* requestFrontendTools(ctx, intent, tools)
  if (intent.meeting) return yield* requestMeeting(ctx, intent.ttlMs ?? options.interruptTtlMs)
  return yield* addTaskFlow(ctx, text, options.tokenDelayMs)
}
