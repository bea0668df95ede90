import type { BaseEvent, RunAgentInput } from '../../core/protocol/types'
import type { AgentHandlerFn } from '../createAgentHandler'
import { answerFor, introFor, lastUserText, reasoningFor, taskTitleFor } from './demoContent'
import { INITIAL_TASKS, readTasks, type DemoTask } from './demoState'
import { sleep } from './sleep'
import { splitEvenly, tokenize } from './tokenize'

/** Options of {@link createDemoAgent}. */
export interface DemoAgentOptions {
  /** Delay between two streamed tokens, in milliseconds. Default `25`. `0` streams at once. */
  tokenDelayMs?: number
}

type WireEvent = { type: string } & Record<string, unknown>
/** Our wire objects are valid AG-UI events; `@ag-ui/core`'s enum is types-only here. */
const ev = (event: WireEvent): BaseEvent => event as unknown as BaseEvent

/**
 * Creates the deterministic demo agent (no API key, no network): for the last user message it
 *
 * 1. opens the run (`RUN_STARTED`) and, on the first run of a thread (no assistant message
 *    in `input.messages`) or when `input.state` holds no valid task list, sends
 *    `STATE_SNAPSHOT { tasks }` (from `input.state` when valid, else two starter tasks);
 * 2. step `plan`: streams a short reasoning (`REASONING_START`, `REASONING_MESSAGE_*`,
 *    `REASONING_END`) and an `ACTIVITY_SNAPSHOT` (`activityType: 'progress'`);
 * 3. step `act`: a short assistant message, then the backend tool call `add_task` whose
 *    `{"title": ...}` arguments arrive as several `TOOL_CALL_ARGS` deltas, a `STATE_DELTA`
 *    (JSON Patch `add /tasks/-`) and a `TOOL_CALL_RESULT` with the task as JSON;
 * 4. step `respond`: a markdown answer (heading, quote, list, fenced code, link) streamed
 *    token by token, every `tokenDelayMs` ms;
 * 5. `RUN_FINISHED { outcome: { type: 'success' } }`.
 *
 * The task title is what follows "add" when the message says "add <something>", else derived
 * from the message. Ids derive from `input.runId`, so the same input gives the same events.
 * Aborting `ctx.signal` stops the stream at the next token.
 */
export function createDemoAgent(options: DemoAgentOptions = {}): AgentHandlerFn {
  const { tokenDelayMs = 25 } = options
  return (input, { signal }) => runDemo(input, signal, tokenDelayMs)
}

async function* runDemo(
  input: RunAgentInput,
  signal: AbortSignal,
  delay: number,
): AsyncGenerator<BaseEvent> {
  const { threadId, runId } = input
  const pause = async (ms = delay) => (await sleep(ms, signal)) && !signal.aborted
  const text = lastUserText(input.messages)
  const title = taskTitleFor(text)
  const given = readTasks(input.state)
  const tasks: DemoTask[] = given ?? [...INITIAL_TASKS]
  const firstRun = !input.messages.some((m) => m.role === 'assistant')
  const task: DemoTask = { id: `task-${tasks.length + 1}`, title, done: false }
  const args = JSON.stringify({ title })
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

  async function* stream(
    kind: 'TEXT_MESSAGE' | 'REASONING_MESSAGE',
    messageId: string,
    body: string,
  ) {
    yield ev({
      type: `${kind}_START`,
      messageId,
      role: kind === 'TEXT_MESSAGE' ? 'assistant' : 'reasoning',
    })
    for (const delta of tokenize(body)) {
      if (!(await pause())) return
      yield ev({ type: `${kind}_CONTENT`, messageId, delta })
    }
    yield ev({ type: `${kind}_END`, messageId })
  }

  yield ev({ type: 'RUN_STARTED', threadId, runId })
  if (firstRun || !given) yield ev({ type: 'STATE_SNAPSHOT', snapshot: { tasks } })

  yield ev({ type: 'STEP_STARTED', stepName: 'plan' })
  yield progress('Planning', 10)
  yield ev({ type: 'REASONING_START', messageId: ids.reasoning })
  yield* stream('REASONING_MESSAGE', ids.reasoning, reasoningFor(text, title))
  if (signal.aborted) return
  yield ev({ type: 'REASONING_END', messageId: ids.reasoning })
  yield ev({ type: 'STEP_FINISHED', stepName: 'plan' })

  yield ev({ type: 'STEP_STARTED', stepName: 'act' })
  yield progress('Adding the task', 40)
  yield* stream('TEXT_MESSAGE', ids.intro, introFor(title))
  if (signal.aborted) return
  yield ev({
    type: 'TOOL_CALL_START',
    toolCallId: ids.toolCall,
    toolCallName: 'add_task',
    parentMessageId: ids.intro,
  })
  for (const delta of splitEvenly(args, 5)) {
    if (!(await pause())) return
    yield ev({ type: 'TOOL_CALL_ARGS', toolCallId: ids.toolCall, delta })
  }
  yield ev({ type: 'TOOL_CALL_END', toolCallId: ids.toolCall })
  if (!(await pause(delay * 4))) return
  yield ev({ type: 'STATE_DELTA', delta: [{ op: 'add', path: '/tasks/-', value: task }] })
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
  yield* stream('TEXT_MESSAGE', ids.answer, answerFor(text, title, tasks.length + 1, args))
  if (signal.aborted) return
  yield ev({ type: 'STEP_FINISHED', stepName: 'respond' })
  yield progress('Done', 100)
  yield ev({ type: 'RUN_FINISHED', threadId, runId, outcome: { type: 'success' } })
}
