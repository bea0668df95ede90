import type { BaseEvent, RunFinishedOutcome } from '../../core/protocol/types'
import { answerFor, introFor, reasoningFor, taskTitleFor } from './demoContent'
import { ev, type DemoRunContext } from './demoEmitter'
import { nextId, type DemoTask } from './demoState'

/**
 * The demo's default flow for a user message `text`:
 * 1. step `plan`: a short reasoning (`REASONING_*`) and an `ACTIVITY_SNAPSHOT` (`progress`);
 * 2. step `act`: a short message, the backend tool call `add_task` (arguments in several
 *    `TOOL_CALL_ARGS` deltas), a `STATE_DELTA` (`add /tasks/-`) and its `TOOL_CALL_RESULT`;
 * 3. step `respond`: a markdown answer streamed token by token.
 * @internal
 */
export async function* addTaskFlow(
  ctx: DemoRunContext,
  text: string,
  delayMs: number,
): AsyncGenerator<BaseEvent, RunFinishedOutcome | undefined> {
  const { runId, emit, draft, signal } = ctx
  const title = taskTitleFor(text)
  const task: DemoTask = { id: nextId(draft.current.tasks, 'task'), title, done: false }
  const args = { title }
  const ids = {
    reasoning: `${runId}-reasoning`,
    activity: `${runId}-progress`,
    intro: `${runId}-intro`,
    toolCall: `${runId}-add-task`,
    toolResult: `${runId}-add-task-result`,
    answer: `${runId}-answer`,
  }
  const progress = (label: string, percent: number) =>
    ev({
      type: 'ACTIVITY_SNAPSHOT',
      messageId: ids.activity,
      activityType: 'progress',
      content: { label, percent },
    })

  yield ev({ type: 'STEP_STARTED', stepName: 'plan' })
  yield progress('Planning', 10)
  yield ev({ type: 'REASONING_START', messageId: ids.reasoning })
  yield* emit.reasoning(ids.reasoning, reasoningFor(text, title))
  if (signal.aborted) return undefined
  yield ev({ type: 'REASONING_END', messageId: ids.reasoning })
  yield ev({ type: 'STEP_FINISHED', stepName: 'plan' })

  yield ev({ type: 'STEP_STARTED', stepName: 'act' })
  yield progress('Adding the task', 40)
  yield* emit.text(ids.intro, introFor(title))
  if (signal.aborted) return undefined
  yield* emit.toolCall(ids.toolCall, 'add_task', args, ids.intro)
  if (signal.aborted || !(await emit.pause(delayMs * 4))) return undefined
  draft.addTask(task)
  yield ev({ type: 'STATE_DELTA', delta: draft.take() })
  yield ev({
    type: 'TOOL_CALL_RESULT',
    messageId: ids.toolResult,
    toolCallId: ids.toolCall,
    role: 'tool',
    content: JSON.stringify({ ok: true, task }),
  })
  yield ev({ type: 'STEP_FINISHED', stepName: 'act' })

  yield ev({ type: 'STEP_STARTED', stepName: 'respond' })
  yield progress('Writing the answer', 70)
  const count = draft.current.tasks.length
  yield* emit.text(ids.answer, answerFor(text, title, count, JSON.stringify(args)))
  if (signal.aborted) return undefined
  yield ev({ type: 'STEP_FINISHED', stepName: 'respond' })
  yield progress('Done', 100)
  return { type: 'success' }
}
