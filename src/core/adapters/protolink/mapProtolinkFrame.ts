import type { BaseEvent, Interrupt } from '../../protocol/types'
import { mapProtolinkLlmEvent } from './mapProtolinkLlmEvent'
import {
  badFrame,
  ev,
  fail,
  finalTaskText,
  finish,
  isObject,
  str,
  text,
  type MappedProtolinkFrame,
  type ProtolinkMapState,
  type ProtolinkRunEnd,
} from './ProtolinkMapState'
import type { ProtolinkStreamEvent } from './protolinkWire'

function mapStatus(e: ProtolinkStreamEvent, state: ProtolinkMapState, out: BaseEvent[]) {
  const next = str(e.new_state)
  const metadata = isObject(e.metadata) ? e.metadata : {}
  const stateName = next ?? 'unknown'
  if (next === 'completed') {
    if (!state.textSeen) {
      const body = finalTaskText(metadata.task)
      text(state, body, out)
    }
    finish(state, out, { type: 'success' })
    return { kind: 'finished' } as const
  }
  if (next === 'canceled') {
    finish(state, out, { type: 'cancelled' })
    return { kind: 'finished' } as const
  }
  if (next === 'failed') {
    const message = str(metadata.error) ?? str(metadata.reason) ?? 'The Protolink task failed.'
    fail(state, out, message, 'failed')
    return { kind: 'error' } as const
  }
  if (next === 'input-required') {
    const prompt = finalTaskText(metadata.task)
    if (!state.textSeen) text(state, prompt, out)
    const interrupt: Interrupt = {
      id: `protolink-input:${state.taskId}`,
      reason: 'input_required',
      ...(prompt !== '' && { message: prompt }),
      metadata: { taskId: state.taskId },
    }
    finish(state, out, { type: 'interrupt', interrupts: [interrupt] })
    return { kind: 'interrupt', interrupt } as const
  }
  out.push(
    ev({ type: 'CUSTOM', name: 'protolink.task_status', value: { state: stateName, metadata } }),
  )
  return undefined
}

/**
 * Maps one `/tasks/stream` frame (the parsed `data:` JSON) to AG-UI events (seed-systems §3):
 * - `task_llm_stream`: `llm_chunk` → `TEXT_MESSAGE_START`/`_CONTENT`, `llm_final` →
 *   `TEXT_MESSAGE_END`; `llm_call_started`/`_completed` → `STEP_STARTED`/`_FINISHED`;
 *   `tool_*`/`agent_call_*` → `TOOL_CALL_START/ARGS/END` then `TOOL_CALL_RESULT` by
 *   `metadata.action_id` (`*_error`: result `Error: …`); `approval_required` → the call
 *   (`action.payload.arguments`) and `RUN_FINISHED{outcome:interrupt}` with one interrupt
 *   `{id:'protolink-approval:<request_id>', reason:'tool_call', toolCallId: action_id}`;
 *   `action_denied` → `TOOL_CALL_RESULT` `Denied: …`; the rest (`budget_*`,
 *   `approval_decision`) → `CUSTOM` `protolink.<llm_event_type>`.
 * - `task_status_update`: `completed` → `RUN_FINISHED{success}` (with the final task's agent
 *   text when nothing streamed); `canceled` → `RUN_FINISHED{cancelled}`; `failed` →
 *   `RUN_ERROR{code:'failed'}`; `input-required` → `RUN_FINISHED{interrupt}` (reason
 *   `input_required`); others → `CUSTOM protolink.task_status`.
 * - `task_progress` → `ACTIVITY_SNAPSHOT` (`protolink.progress`, one per task, replaced);
 *   `task_artifact_update` → `ACTIVITY_SNAPSHOT` (`protolink.artifact`);
 *   `task_error` → `RUN_ERROR{code:error_code}`; `ok:false` → `RUN_ERROR{code:error.type}`;
 *   `{ok:true, result:null, final:true}` → `RUN_FINISHED{success}` unless the run already ended.
 * - Any other `type` → `CUSTOM protolink.<type>`.
 *
 * After a terminal event the state is `ended` and later frames map to nothing.
 *
 * @throws AgentError `bad_frame` (not a `{ok, result|error}` envelope, a result without `type`,
 *   an `llm_chunk` without string content, an `approval_required` without a request).
 */
export function mapProtolinkFrame(frame: unknown, state: ProtolinkMapState): MappedProtolinkFrame {
  if (!isObject(frame) || typeof frame.ok !== 'boolean')
    throw badFrame('a frame that is not a {ok, result} envelope.', frame)
  const out: BaseEvent[] = []
  if (state.ended) return { events: out }
  if (frame.ok === false) {
    const error = isObject(frame.error) ? frame.error : {}
    fail(state, out, str(error.message) ?? 'The Protolink agent failed.', str(error.type))
    return { events: out, end: { kind: 'error' } }
  }
  const result = frame.result
  if (result === null || result === undefined) {
    if (frame.final !== true) return { events: out }
    finish(state, out, { type: 'success' })
    return { events: out, end: { kind: 'finished' } }
  }
  if (!isObject(result) || typeof result.type !== 'string')
    throw badFrame('a result without a string "type".', frame)
  const e = result as ProtolinkStreamEvent
  let end: ProtolinkRunEnd | undefined
  switch (e.type) {
    case 'task_status_update':
      end = mapStatus(e, state, out)
      break
    case 'task_llm_stream':
      end = mapProtolinkLlmEvent(e, state, out, frame)
      break
    case 'task_progress':
      out.push(
        ev({
          type: 'ACTIVITY_SNAPSHOT',
          messageId: `${state.taskId}-progress`,
          activityType: 'protolink.progress',
          content: { progress: e.progress ?? null, message: str(e.message) ?? '' },
          replace: true,
        }),
      )
      break
    case 'task_artifact_update': {
      const artifact = isObject(e.artifact) ? e.artifact : { value: e.artifact ?? null }
      const id = str(artifact.artifact_id) ?? str(artifact.id) ?? state.newId()
      out.push(
        ev({
          type: 'ACTIVITY_SNAPSHOT',
          messageId: `${state.taskId}-artifact-${id}`,
          activityType: 'protolink.artifact',
          content: artifact,
        }),
      )
      break
    }
    case 'task_error':
      fail(
        state,
        out,
        str(e.error_message) ?? 'The Protolink task reported an error.',
        str(e.error_code),
      )
      end = { kind: 'error' }
      break
    default:
      out.push(ev({ type: 'CUSTOM', name: `protolink.${e.type}`, value: e }))
  }
  return end ? { events: out, end } : { events: out }
}
