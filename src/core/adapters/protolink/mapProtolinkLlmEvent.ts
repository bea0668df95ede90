import type { BaseEvent, Interrupt } from '../../protocol/types'
import {
  asText,
  badFrame,
  closeText,
  finish,
  isObject,
  str,
  text,
  toolCall,
  toolResult,
  ev,
  step,
  type ProtolinkMapState,
  type ProtolinkRunEnd,
} from './ProtolinkMapState'
import type { ProtolinkApprovalRequest, ProtolinkStreamEvent } from './protolinkWire'

function approvalInterrupt(request: ProtolinkApprovalRequest): Interrupt {
  const policy = request.policy_decision
  const message = request.action.description ?? policy?.reason ?? `Approve ${request.action.name}?`
  return {
    id: `protolink-approval:${request.request_id}`,
    reason: 'tool_call',
    toolCallId: request.action.action_id,
    message,
    metadata: {
      requestId: request.request_id,
      ...(policy && { policy }),
      ...(request.action.kind !== undefined && { kind: request.action.kind }),
    },
  }
}

function readApproval(metadata: Record<string, unknown>, raw: unknown): ProtolinkApprovalRequest {
  const r = metadata.request
  const action = isObject(r) && isObject(r.action) ? r.action : undefined
  if (
    !isObject(r) ||
    typeof r.request_id !== 'string' ||
    !action ||
    typeof action.action_id !== 'string' ||
    typeof action.name !== 'string'
  )
    throw badFrame('an approval_required event without a valid metadata.request.', raw)
  return r as unknown as ProtolinkApprovalRequest
}

/** Maps a `task_llm_stream` event (see `mapProtolinkFrame`). @internal */
export function mapProtolinkLlmEvent(
  e: ProtolinkStreamEvent,
  state: ProtolinkMapState,
  out: BaseEvent[],
  raw: unknown,
): ProtolinkRunEnd | undefined {
  const kind = str(e.llm_event_type)
  const metadata = isObject(e.metadata) ? e.metadata : {}
  const actionId = str(metadata.action_id)
  const stepName = `${str(e.agent_name) ?? 'agent'} llm call${e.step === undefined ? '' : ` ${asText(e.step)}`}`
  switch (kind) {
    case 'llm_chunk':
      if (typeof e.content !== 'string') throw badFrame('an llm_chunk without string content.', raw)
      text(state, e.content, out)
      return undefined
    case 'llm_final':
      if (state.openTextId === undefined && typeof e.content === 'string')
        text(state, e.content, out)
      closeText(state, out)
      return undefined
    case 'llm_call_started':
    case 'llm_call_completed':
      step(state, stepName, kind === 'llm_call_started', out)
      return undefined
    case 'approval_required': {
      const request = readApproval(metadata, raw)
      const { action } = request
      toolCall(state, action.action_id, action.name, action.payload?.arguments ?? {}, out)
      const interrupt = approvalInterrupt(request)
      finish(state, out, { type: 'interrupt', interrupts: [interrupt] })
      return { kind: 'interrupt', interrupt, approval: request }
    }
    case 'action_denied':
      if (actionId !== undefined && state.toolCalls.has(actionId)) {
        toolResult(state, actionId, `Denied: ${asText(e.content) || 'by policy'}`, out)
        return undefined
      }
      break
  }
  if (kind !== undefined && actionId !== undefined && /^(tool|agent_call)_/.test(kind)) {
    const prefix = kind.startsWith('tool_') ? '' : 'agent:'
    const name = `${prefix}${str(metadata.tool) ?? str(metadata.agent) ?? str(e.agent_name) ?? 'action'}`
    if (kind.endsWith('_start') || kind.endsWith('_started')) {
      toolCall(state, actionId, name, metadata.arguments ?? metadata.args ?? e.content, out)
      return undefined
    }
    const isError = kind.endsWith('_error')
    if (isError || kind.endsWith('_result') || kind.endsWith('_completed')) {
      toolCall(state, actionId, name, metadata.arguments ?? metadata.args, out)
      const body = asText(e.content ?? metadata.result ?? metadata.error)
      toolResult(state, actionId, isError ? `Error: ${body}` : body, out)
      return undefined
    }
  }
  out.push(ev({ type: 'CUSTOM', name: `protolink.${kind ?? 'llm_event'}`, value: e }))
  return undefined
}
