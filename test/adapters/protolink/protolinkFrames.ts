/**
 * Builders of Protolink `/tasks/stream` frames (JSON-RPC envelopes, seed-systems §3), shared by
 * the mapping tests and the fake.
 */
import type { ProtolinkApprovalRequest } from '../../../src/core/adapters/protolink'

/** `{jsonrpc, id, ok:true, result, final}`. */
export const ok = (result: unknown, final = false, id = 'req-1') => ({
  jsonrpc: '2.0',
  id,
  ok: true,
  result,
  final,
})

/** The error frame `{ok:false, error:{message, type}, final:true}`. */
export const okFalse = (message: string, type = 'AgentError', id = 'req-1') => ({
  jsonrpc: '2.0',
  id,
  ok: false,
  error: { message, type },
  final: true,
})

/** The last frame `{ok:true, result:null, final:true}`. */
export const last = (id = 'req-1') => ok(null, true, id)

/** `task_status_update`; a final one carries the whole task in `metadata.task`. */
export const status = (
  taskId: string,
  previous: string,
  next: string,
  final = false,
  task?: unknown,
) => ({
  type: 'task_status_update',
  task_id: taskId,
  previous_state: previous,
  new_state: next,
  final,
  metadata: task === undefined ? {} : { task },
})

/** `task_llm_stream` of `llm_event_type`. */
export const llm = (
  llmEventType: string,
  content: unknown = '',
  metadata: Record<string, unknown> = {},
  step = 1,
) => ({
  type: 'task_llm_stream',
  agent_name: 'assistant',
  llm_event_type: llmEventType,
  step,
  content,
  final: false,
  metadata,
})

/** An ApprovalRequest for a tool call. */
export const approvalRequest = (
  requestId: string,
  actionId: string,
  name: string,
  args: unknown,
): ProtolinkApprovalRequest => ({
  request_id: requestId,
  run_id: 'protolink-run-1',
  action: {
    action_id: actionId,
    kind: 'tool_call',
    name,
    payload: { arguments: args },
    capabilities: ['network'],
    description: `Run ${name}`,
  },
  policy_decision: { effect: 'require_approval', reason: 'network access', policy_name: 'default' },
  created_at: '2026-11-21T20:00:00Z',
})

/** A task as the final status update carries it, with one agent text message. */
export const finalTask = (taskId: string, state: string, agentText?: string) => ({
  id: taskId,
  state,
  messages: [
    {
      id: 'm1',
      role: 'user',
      parts: [{ type: 'infer', content: { prompt: 'hi' } }],
      timestamp: '',
    },
    ...(agentText === undefined
      ? []
      : [
          { id: 'm2', role: 'agent', parts: [{ type: 'text', content: agentText }], timestamp: '' },
        ]),
  ],
  metadata: {},
})
