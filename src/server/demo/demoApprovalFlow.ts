import type {
  BaseEvent,
  Interrupt,
  Message,
  ResumeEntry,
  RunFinishedOutcome,
} from '../../core/protocol/types'
import { ev, type DemoRunContext } from './demoEmitter'
import type { DemoIntent } from './demoIntents'
import { nextId } from './demoState'

/** The demo's dangerous backend tools: each call waits for a person's approval (an interrupt). */
export const GATED_TOOL_NAMES = ['delete_task', 'send_report'] as const
/** Name of a gated backend tool of the demo agent. */
export type GatedToolName = (typeof GATED_TOOL_NAMES)[number]

/** Where the demo "sends" the task report unless the person edits the arguments. */
export const REPORT_RECIPIENT = 'team@example.com'

/**
 * `responseSchema` of a tool-approval interrupt (reason `tool_call`): `{ approved: true }`,
 * `{ approved: true, editedArgs }` or `{ approved: false, reason? }`.
 */
export const APPROVAL_RESPONSE_SCHEMA = {
  type: 'object',
  properties: {
    approved: { type: 'boolean' },
    reason: { type: 'string' },
    editedArgs: { type: 'object' },
  },
  required: ['approved'],
} as const

/** An open approval: a gated tool call of the thread that has no tool message yet. @internal */
export interface ApprovalInterrupt {
  kind: 'approval'
  /** `<toolCallId>-approval`. */
  id: string
  toolCallId: string
  toolName: GatedToolName
  args: Record<string, unknown>
}

/** A validated answer to an {@link ApprovalInterrupt}. @internal */
export type ApprovalAnswer = { open: ApprovalInterrupt } & (
  | { decision: 'approved'; args: Record<string, unknown>; edited: boolean }
  | { decision: 'denied'; reason?: string }
  | { decision: 'cancelled' }
)

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isGated = (name: string): name is GatedToolName =>
  (GATED_TOOL_NAMES as readonly string[]).includes(name)

function parseArgs(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return isObject(value) ? value : {}
  } catch {
    return {}
  }
}

/**
 * The open approvals of a thread: every `delete_task` / `send_report` call in `messages` with no
 * `tool` message answering it, in call order. Derived from the messages alone, so the demo
 * agent keeps no memory between requests.
 * @internal
 */
export function findOpenApprovals(messages: readonly Message[]): ApprovalInterrupt[] {
  const answered = new Set(messages.flatMap((m) => (m.role === 'tool' ? [m.toolCallId] : [])))
  const open: ApprovalInterrupt[] = []
  for (const message of messages) {
    if (message.role !== 'assistant') continue
    for (const call of message.toolCalls ?? []) {
      const name = call.function.name
      if (!isGated(name) || answered.has(call.id)) continue
      const args = parseArgs(call.function.arguments)
      open.push({
        kind: 'approval',
        id: `${call.id}-approval`,
        toolCallId: call.id,
        toolName: name,
        args,
      })
    }
  }
  return open
}

/** Why `args` are not valid arguments of `name`, or `undefined` when they are. */
function argsProblem(name: GatedToolName, args: Record<string, unknown>): string | undefined {
  if (name === 'delete_task') {
    return typeof args.taskId === 'string' && args.taskId
      ? undefined
      : 'delete_task needs a non-empty string "taskId"'
  }
  if (typeof args.to !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(args.to))
    return 'send_report needs "to", an e-mail address'
  if (typeof args.subject !== 'string' || !args.subject.trim())
    return 'send_report needs a non-empty string "subject"'
  return undefined
}

/**
 * Validates one resume entry for an approval: `cancelled`, or `resolved` with the payload
 * described by {@link APPROVAL_RESPONSE_SCHEMA} (edited arguments are merged over the call's own
 * and checked). Returns the answer, or a readable problem.
 * @internal
 */
export function readApprovalAnswer(
  open: ApprovalInterrupt,
  entry: ResumeEntry,
): ApprovalAnswer | string {
  if (entry.status === 'cancelled') return { open, decision: 'cancelled' }
  const payload: unknown = entry.payload
  if (!isObject(payload) || typeof payload.approved !== 'boolean')
    return `the payload for '${open.id}' must be an object with a boolean "approved"`
  if (payload.reason !== undefined && typeof payload.reason !== 'string')
    return `"reason" for '${open.id}' must be a string`
  if (!payload.approved) {
    const reason = typeof payload.reason === 'string' ? payload.reason.trim() : ''
    return { open, decision: 'denied', ...(reason && { reason }) }
  }
  if (payload.editedArgs !== undefined && !isObject(payload.editedArgs))
    return `"editedArgs" for '${open.id}' must be an object`
  const args = { ...open.args, ...(payload.editedArgs ?? {}) }
  const problem = argsProblem(open.toolName, args)
  if (problem) return `invalid editedArgs for '${open.id}': ${problem}`
  return { open, decision: 'approved', args, edited: payload.editedArgs !== undefined }
}

function interruptFor(toolCallId: string, name: GatedToolName, args: Record<string, unknown>) {
  const message =
    name === 'delete_task'
      ? `Delete the task “${String(args.title)}”?`
      : `Send the task report to ${String(args.to)}?`
  const interrupt: Interrupt = {
    id: `${toolCallId}-approval`,
    reason: 'tool_call',
    toolCallId,
    message,
    responseSchema: APPROVAL_RESPONSE_SCHEMA as unknown as Record<string, unknown>,
  }
  return interrupt
}

/**
 * Asks for approval: a short message, then one `delete_task` call per done task (when the
 * intent says "delete done tasks") and a `send_report` call (when it says "send the report"),
 * and the `interrupt` outcome with one `tool_call` interrupt per call. No call (nothing done
 * to delete) ⇒ says so and finishes with `success`.
 * @internal
 */
export async function* requestApprovals(
  ctx: DemoRunContext,
  intent: DemoIntent,
): AsyncGenerator<BaseEvent, RunFinishedOutcome | undefined> {
  const { runId, emit, draft } = ctx
  const tasks = draft.current.tasks
  const calls: Array<{ id: string; name: GatedToolName; args: Record<string, unknown> }> = []
  if (intent.deleteDone) {
    for (const task of tasks.filter((t) => t.done))
      calls.push({
        id: `${runId}-delete-${task.id}`,
        name: 'delete_task',
        args: { taskId: task.id, title: task.title },
      })
  }
  if (intent.sendReport) {
    const body = tasks.map((t) => `${t.done ? '[x]' : '[ ]'} ${t.title}`).join('\n')
    calls.push({
      id: `${runId}-send-report`,
      name: 'send_report',
      args: { to: REPORT_RECIPIENT, subject: `Task report (${tasks.length} tasks)`, body },
    })
  }
  const intro = `${runId}-approval-intro`
  if (calls.length === 0) {
    yield* emit.text(intro, 'There are no done tasks to delete, so there is nothing to approve.')
    return ctx.signal.aborted ? undefined : { type: 'success' }
  }
  const deletes = calls
    .filter((c) => c.name === 'delete_task')
    .map((c) => `“${String(c.args.title)}”`)
  const parts = [
    ...(deletes.length ? [`delete ${deletes.join(' and ')}`] : []),
    ...(intent.sendReport ? [`send the task report to ${REPORT_RECIPIENT}`] : []),
  ]
  yield* emit.text(intro, `I need your approval to ${parts.join(', and to ')}.`)
  for (const call of calls) {
    if (ctx.signal.aborted) return undefined
    yield* emit.toolCall(call.id, call.name, call.args, intro)
  }
  if (ctx.signal.aborted) return undefined
  return { type: 'interrupt', interrupts: calls.map((c) => interruptFor(c.id, c.name, c.args)) }
}

function execute(ctx: DemoRunContext, answer: ApprovalAnswer & { decision: 'approved' }) {
  const { draft } = ctx
  const { args } = answer
  if (answer.open.toolName === 'delete_task') {
    const task = draft.removeTask(String(args.taskId))
    return task
      ? { result: { ok: true, deleted: task }, line: `Deleted **${task.title}**.` }
      : {
          result: { ok: false, error: `No task with id ${String(args.taskId)}` },
          line: `I could not delete ${String(args.taskId)}: there is no such task any more.`,
        }
  }
  const report = {
    id: nextId(draft.current.reports ?? [], 'report'),
    to: String(args.to),
    subject: String(args.subject),
    taskCount: draft.current.tasks.length,
  }
  draft.append('reports', report)
  return {
    result: { ok: true, sent: report },
    line: `Sent the report “${report.subject}” to **${report.to}**.`,
  }
}

function what(open: ApprovalInterrupt): string {
  return open.toolName === 'delete_task'
    ? `delete **${String(open.args.title ?? open.args.taskId)}**`
    : `send the report to **${String(open.args.to)}**`
}

/**
 * Carries out the answered approvals in call order: an approved call runs (its state change
 * goes into `ctx.draft`), a denied or cancelled one does not; every call gets its
 * `TOOL_CALL_RESULT` (so the thread has a result for each call). Returns one reply line per answer.
 * @internal
 */
export async function* resolveApprovals(
  ctx: DemoRunContext,
  answers: readonly ApprovalAnswer[],
): AsyncGenerator<BaseEvent, string[]> {
  const lines: string[] = []
  for (const answer of answers) {
    let result: unknown
    if (answer.decision === 'approved') {
      const done = execute(ctx, answer)
      result = done.result
      lines.push(answer.edited ? `${done.line} (with your edits)` : done.line)
    } else if (answer.decision === 'denied') {
      result = { ok: false, status: 'denied', ...(answer.reason && { reason: answer.reason }) }
      lines.push(
        `I did not ${what(answer.open)}: you denied it${answer.reason ? ` (“${answer.reason}”)` : ''}.`,
      )
    } else {
      result = { ok: false, status: 'cancelled' }
      lines.push(`Cancelled: I did not ${what(answer.open)}.`)
    }
    yield ev({
      type: 'TOOL_CALL_RESULT',
      messageId: `${answer.open.toolCallId}-result`,
      toolCallId: answer.open.toolCallId,
      role: 'tool',
      content: JSON.stringify(result),
    })
  }
  return lines
}
