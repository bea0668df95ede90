import { AgentError } from '../../protocol/AgentError'
import type { BaseEvent, Interrupt, WireEvent } from '../../protocol/types'
import type { ProtolinkApprovalRequest, ProtolinkTask } from './protolinkWire'

/**
 * What {@link mapProtolinkFrame} remembers between frames of one task stream. The adapter
 * creates one per task and sets `runId` anew when a parked task continues in a resume run.
 */
export interface ProtolinkMapState {
  threadId: string
  /** The AG-UI run the frames belong to now (the resume run after an approval). */
  runId: string
  /** The Protolink task id (for interrupt ids). */
  taskId: string
  /** Makes message ids (`TEXT_MESSAGE_START.messageId`, activity ids). */
  newId: () => string
  /** The assistant text message still open (`llm_chunk` seen, `llm_final` not yet). */
  openTextId?: string
  /** Whether this run produced assistant text (else the final task's agent message is shown). */
  textSeen: boolean
  /** `action_id`s whose `TOOL_CALL_START…END` was emitted. */
  toolCalls: Set<string>
  /** `action_id`s with a `TOOL_CALL_RESULT` already. */
  toolResults: Set<string>
  /** Step names started (`llm_call_started`) and not finished yet, in order. */
  openSteps: string[]
  /** Whether a terminal event (`RUN_FINISHED`/`RUN_ERROR`) was emitted. */
  ended: boolean
}

/**
 * How a frame ends the run: `finished` (success or cancelled), `error` (`RUN_ERROR`),
 * `interrupt` (the task waits: `approval` for an `approval_required`, else `input-required`;
 * the adapter keeps reading the same stream in the resume run), `stream_end` (the closing
 * `{result:null, final:true}` frame).
 */
export type ProtolinkRunEnd =
  | { kind: 'finished' }
  | { kind: 'error' }
  | { kind: 'interrupt'; interrupt: Interrupt; approval?: ProtolinkApprovalRequest }

/** The AG-UI events of one frame, and how it ends the run (if it does). */
export interface MappedProtolinkFrame {
  events: BaseEvent[]
  end?: ProtolinkRunEnd
}

/** Creates a fresh {@link ProtolinkMapState}; ids are `<runId>-<n>`. */
export function createProtolinkMapState(
  threadId: string,
  runId: string,
  taskId: string,
): ProtolinkMapState {
  let n = 0
  const state: ProtolinkMapState = {
    threadId,
    runId,
    taskId,
    newId: () => `${state.runId}-${++n}`,
    textSeen: false,
    toolCalls: new Set(),
    toolResults: new Set(),
    openSteps: [],
    ended: false,
  }
  return state
}

/** Casts a plain wire object to `BaseEvent` (the enum of `@ag-ui/core` is types only). @internal */
export const ev = (event: WireEvent | ({ type: string } & Record<string, unknown>)) =>
  event as unknown as BaseEvent

/** A plain object (not null, not an array). @internal */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** `v` when it is a string, else `undefined`. @internal */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** The `bad_frame` error of a frame the mapping cannot read (not retryable). @internal */
export function badFrame(message: string, event: unknown): AgentError {
  return new AgentError('bad_frame', `Protolink stream: ${message}`, { event, retryable: false })
}

/** The text of a value for `TOOL_CALL_ARGS`/`_RESULT`: strings as is, the rest as JSON. @internal */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined) return ''
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return String(value)
  }
}

/** Tool-call arguments as JSON text: a string that already is JSON as is, anything else encoded. */
function asJson(value: unknown): string {
  if (typeof value === 'string') {
    try {
      JSON.parse(value)
      return value
    } catch {
      return JSON.stringify(value)
    }
  }
  return asText(value)
}

/** Emits `TEXT_MESSAGE_END` for the open text message, if any. @internal */
export function closeText(state: ProtolinkMapState, out: BaseEvent[]): void {
  if (state.openTextId === undefined) return
  out.push(ev({ type: 'TEXT_MESSAGE_END', messageId: state.openTextId }))
  delete state.openTextId
}

/** Emits a text delta (opening an assistant message first); empty deltas emit nothing. @internal */
export function text(state: ProtolinkMapState, delta: string, out: BaseEvent[]): void {
  if (delta === '') return // AG-UI deltas are non-empty
  if (state.openTextId === undefined) {
    state.openTextId = state.newId()
    out.push(ev({ type: 'TEXT_MESSAGE_START', messageId: state.openTextId, role: 'assistant' }))
  }
  state.textSeen = true
  out.push(ev({ type: 'TEXT_MESSAGE_CONTENT', messageId: state.openTextId, delta }))
}

/** Emits `TOOL_CALL_START/ARGS/END` once per `action_id` (closing open text first). @internal */
export function toolCall(
  state: ProtolinkMapState,
  id: string,
  name: string,
  args: unknown,
  out: BaseEvent[],
): void {
  if (state.toolCalls.has(id)) return
  closeText(state, out)
  state.toolCalls.add(id)
  out.push(ev({ type: 'TOOL_CALL_START', toolCallId: id, toolCallName: name }))
  const delta = args === undefined || args === '' ? '' : asJson(args)
  if (delta !== '') out.push(ev({ type: 'TOOL_CALL_ARGS', toolCallId: id, delta }))
  out.push(ev({ type: 'TOOL_CALL_END', toolCallId: id }))
}

/** Emits `TOOL_CALL_RESULT` once per `action_id` (`messageId` `<id>-result`). @internal */
export function toolResult(
  state: ProtolinkMapState,
  id: string,
  content: string,
  out: BaseEvent[],
) {
  if (state.toolResults.has(id)) return
  state.toolResults.add(id)
  out.push(
    ev({
      type: 'TOOL_CALL_RESULT',
      toolCallId: id,
      messageId: `${id}-result`,
      role: 'tool',
      content: content === '' ? '(no output)' : content,
    }),
  )
}

/** The agent's text in a final task (`metadata.task`), for runs that streamed none. @internal */
export function finalTaskText(task: unknown): string {
  if (!isObject(task) || !Array.isArray(task.messages)) return ''
  const agent = (task as unknown as ProtolinkTask).messages.filter((m) => m?.role === 'agent')
  const last = agent[agent.length - 1]
  if (!last || !Array.isArray(last.parts)) return ''
  return last.parts
    .filter((p) => p?.type === 'text' && typeof p.content === 'string')
    .map((p) => p.content as string)
    .join('')
}

/** Starts (`open`) or finishes a step; a finish of a step that is not open emits nothing. @internal */
export function step(state: ProtolinkMapState, stepName: string, open: boolean, out: BaseEvent[]) {
  const at = state.openSteps.indexOf(stepName)
  if (open) {
    if (at !== -1) return
    state.openSteps.push(stepName)
    out.push(ev({ type: 'STEP_STARTED', stepName }))
  } else if (at !== -1) {
    state.openSteps.splice(at, 1)
    out.push(ev({ type: 'STEP_FINISHED', stepName }))
  }
}

/** Closes the open text and steps (AG-UI forbids ending a run with either open). */
function closeAll(state: ProtolinkMapState, out: BaseEvent[]) {
  closeText(state, out)
  for (const name of [...state.openSteps].reverse()) step(state, name, false, out)
}

/** Closes what is open and emits `RUN_FINISHED` with `outcome`; the state is `ended`. @internal */
export function finish(
  state: ProtolinkMapState,
  out: BaseEvent[],
  outcome: Record<string, unknown>,
) {
  closeAll(state, out)
  state.ended = true
  const { threadId, runId } = state
  out.push(ev({ type: 'RUN_FINISHED', threadId, runId, outcome }))
}

/** Closes what is open and emits `RUN_ERROR`; the state is `ended`. @internal */
export function fail(state: ProtolinkMapState, out: BaseEvent[], message: string, code?: string) {
  closeAll(state, out)
  state.ended = true
  out.push(ev({ type: 'RUN_ERROR', message, ...(code !== undefined && { code }) }))
}
