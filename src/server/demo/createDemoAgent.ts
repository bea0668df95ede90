import type { BaseEvent, RunAgentInput, RunFinishedOutcome } from '../../core/protocol/types'
import type { AgentHandlerFn } from '../createAgentHandler'
import { createStateDraft } from './createStateDraft'
import { demoAnswerFlow } from './demoAnswerFlow'
import { resolveApprovals } from './demoApprovalFlow'
import { lastUserText } from './demoContent'
import { createDemoEmitter, ev, type DemoRunContext } from './demoEmitter'
import { followUpFrontendTools } from './demoFrontendToolFlow'
import { DEFAULT_INTERRUPT_TTL_MS } from './demoIntents'
import { resolveMeeting } from './demoMeetingFlow'
import { INITIAL_TASKS, readTasks, type DemoState } from './demoState'
import { withDemoUsage } from './demoUsage'
import { findOpenInterrupts, readResume, type ResumeReading } from './readResume'

/** Options of {@link createDemoAgent}. */
export interface DemoAgentOptions {
  /** Delay between two streamed tokens, in milliseconds. Default `25`. `0` streams at once. */
  tokenDelayMs?: number
  /**
   * Time to live of the meeting interrupt (`expiresAt` = now + this), in milliseconds, unless
   * the message names one ("book a meeting that expires in 5 seconds"). Default `120000`.
   */
  interruptTtlMs?: number
  /** The agent's clock, in ms since the epoch (for `expiresAt`; tests). Default `Date.now`. */
  now?: () => number
}

/**
 * Creates the deterministic demo agent (no API key, no network). Each run starts with
 * `RUN_STARTED` and, on the first run of a thread (no assistant message in `input.messages`) or
 * when `input.state` holds no valid task list, `STATE_SNAPSHOT` (the given state with
 * `tasks` from `input.state` when valid, else two starter tasks). Then:
 *
 * - **Resume** (spec 1.1, "Interrupts"): `input.resume` must answer every open interrupt of
 *   the thread, else the run ends with `RUN_ERROR` (codes in `DemoResumeErrorCode`) and nothing
 *   changes. Open interrupts are derived from the input alone, so the agent keeps no memory
 *   between requests: a `delete_task`/`send_report` call with no `tool` message (interrupt id
 *   `<toolCallId>-approval`), and `state.meetingRequest`. Answers are applied in call order
 *   (`TOOL_CALL_RESULT` per call, one `STATE_DELTA`) and summed up in one reply.
 * - **Frontend tool results** (the thread ends with `tool` messages): a reply quoting them.
 * - **A user message** (the last message, or any run that answered nothing), by what it says:
 *   "delete (all) done tasks" and/or "send the report" → gated `delete_task` (one per done task)
 *   / `send_report` calls and `RUN_FINISHED.outcome` `interrupt` with one `tool_call` interrupt
 *   each (payload `{ approved, reason?, editedArgs? }`); "dark mode" / "light theme" / "notify me
 *   …" → the frontend tools `set_theme { theme }` / `show_notification { message }` when
 *   `input.tools` offers them, outcome `success` with `pendingToolCallIds`; "book a meeting" →
 *   an `input_required` interrupt (title, duration, online, room) expiring after
 *   `interruptTtlMs` ("… expires in 5 seconds" overrides); anything else → the `add_task` flow
 *   (reasoning, progress activity, tool call, `STATE_DELTA`, markdown answer).
 * - `RUN_FINISHED` with the outcome.
 *
 * `RUN_FINISHED` and `RUN_ERROR` carry `usage` (one `TokenUsage`, model `demo-scripted-1`):
 * tokens estimated at 4 characters each from the input (system prompt, messages, state, tools;
 * the prefix before the last message counted as cached once the thread has an answer) and
 * from the streamed text, reasoning and tool arguments.
 *
 * Ids derive from `input.runId` (and the clock, for `expiresAt` only), so the same input gives
 * the same events. Aborting `ctx.signal` stops the stream at the next token.
 */
export function createDemoAgent(options: DemoAgentOptions = {}): AgentHandlerFn {
  const { tokenDelayMs = 25, interruptTtlMs = DEFAULT_INTERRUPT_TTL_MS, now = Date.now } = options
  return (input, { signal }) =>
    withDemoUsage(input, runDemo(input, signal, { tokenDelayMs, interruptTtlMs, now }))
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

async function* runDemo(
  input: RunAgentInput,
  signal: AbortSignal,
  options: Required<DemoAgentOptions>,
): AsyncGenerator<BaseEvent> {
  const { threadId, runId, messages } = input
  const at = options.now()
  yield ev({ type: 'RUN_STARTED', threadId, runId })

  const resume = readResume(findOpenInterrupts(messages, input.state), input.resume, at)
  if (!resume.ok) {
    yield ev({ type: 'RUN_ERROR', code: resume.code, message: resume.message })
    return
  }

  const given = readTasks(input.state)
  const state: DemoState = {
    ...(isObject(input.state) ? input.state : {}),
    tasks: given ?? [...INITIAL_TASKS],
  }
  const firstRun = !messages.some((m) => m.role === 'assistant')
  if (firstRun || !given) yield ev({ type: 'STATE_SNAPSHOT', snapshot: state })

  const ctx: DemoRunContext = {
    runId,
    signal,
    emit: createDemoEmitter(signal, options.tokenDelayMs),
    draft: createStateDraft(state),
    now: at,
  }
  const answered = resume.approvals.length > 0 || resume.meeting !== undefined
  if (answered) {
    yield* resolveAnswers(ctx, resume)
    if (signal.aborted) return
  }

  const last = messages.at(-1)
  let outcome: RunFinishedOutcome | undefined = { type: 'success' }
  if (last?.role === 'tool') outcome = yield* followUpFrontendTools(ctx, messages)
  else if (last?.role === 'user' || !answered)
    outcome = yield* demoAnswerFlow(ctx, lastUserText(messages), input.tools, options)
  if (signal.aborted || !outcome) return
  yield ev({ type: 'RUN_FINISHED', threadId, runId, outcome })
}

async function* resolveAnswers(
  ctx: DemoRunContext,
  resume: Extract<ResumeReading, { ok: true }>,
): AsyncGenerator<BaseEvent> {
  const lines = yield* resolveApprovals(ctx, resume.approvals)
  if (resume.meeting) lines.push(...resolveMeeting(ctx, resume.meeting))
  const delta = ctx.draft.take()
  if (delta.length) yield ev({ type: 'STATE_DELTA', delta })
  yield* ctx.emit.text(`${ctx.runId}-resume-reply`, lines.join('\n\n'))
}
