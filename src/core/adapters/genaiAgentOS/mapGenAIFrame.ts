import { AgentError } from '../../protocol/AgentError'
import type { WireEvent } from '../../protocol/types'

/** What a run needs to map a GenAI AgentOS frame. */
export interface GenAIRunContext {
  threadId: string
  runId: string
}

/**
 * The meaning of one frame of `/frontend/ws` for the run in flight:
 * - `events`: AG-UI events to deliver (`terminal` when they end the run: the answer or an error);
 * - `ignore`: JSON of a `type` this adapter does not know (named, for a diagnostic).
 */
export type GenAIFrameAction =
  | { kind: 'events'; events: WireEvent[]; terminal: boolean }
  | { kind: 'ignore'; unknownType: string }

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)

/** A frame that is not JSON: GenAI AgentOS reports some errors as plain text. */
function plainTextError(text: string): GenAIFrameAction {
  return {
    kind: 'events',
    events: [
      { type: 'RUN_ERROR', message: text.trim() || 'GenAI AgentOS error', code: 'genai_error' },
    ],
    terminal: true,
  }
}

/** `agent_log`: start/end markers → steps, anything else → `CUSTOM genai.log`. */
function mapLog(log: Json): GenAIFrameAction {
  const message = typeof log.message === 'string' ? log.message : ''
  let marker: Json | undefined
  try {
    const parsed: unknown = JSON.parse(message)
    if (isObject(parsed) && typeof parsed.is_start_execution === 'boolean') marker = parsed
  } catch {
    // an ordinary log line
  }
  if (marker) {
    const name = marker.agent_name ?? marker.name ?? log.agent_id ?? 'agent'
    const stepName = String(name)
    return {
      kind: 'events',
      events: [{ type: marker.is_start_execution ? 'STEP_STARTED' : 'STEP_FINISHED', stepName }],
      terminal: false,
    }
  }
  const value = {
    level: typeof log.log_level === 'string' ? log.log_level : 'info',
    message,
    ...(typeof log.agent_id === 'string' && { agentId: log.agent_id }),
    ...(typeof log.created_at === 'string' && { createdAt: log.created_at }),
  }
  return { kind: 'events', events: [{ type: 'CUSTOM', name: 'genai.log', value }], terminal: false }
}

/** A string of arguments as JSON text: as is when it parses, else JSON-encoded. */
function jsonText(text: string): string {
  try {
    JSON.parse(text)
    return text
  } catch {
    return JSON.stringify(text)
  }
}

interface Call {
  id: string
  name: string
  args: string
}

/** Tool calls of the master agent's trace items (`output.tool_calls[{name, args, id}]`). */
function masterCalls(trace: Json[], runId: string): Call[] {
  const calls: Call[] = []
  for (const item of trace) {
    const output = isObject(item.output) ? item.output : undefined
    if (!Array.isArray(output?.tool_calls)) continue
    for (const raw of output.tool_calls) {
      if (!isObject(raw) || typeof raw.name !== 'string') continue
      const id = typeof raw.id === 'string' && raw.id ? raw.id : `${runId}-call-${calls.length + 1}`
      const args =
        typeof raw.args === 'string' ? jsonText(raw.args) : JSON.stringify(raw.args ?? {})
      calls.push({ id, name: raw.name, args })
    }
  }
  return calls
}

/**
 * The events of an `agent_response`: each master-agent tool call → `TOOL_CALL_START/ARGS/END`
 * (parent: one assistant message `<runId>-calls`); each called agent's trace item (no
 * `tool_calls`) → `TOOL_CALL_RESULT` of the call with the same `id`, else the first call with
 * its `name` not yet answered (items matching no call are left out); the final `response` →
 * one assistant text message `<runId>-answer`; then `RUN_FINISHED`, or `RUN_ERROR` (code
 * `genai_failed`) when `is_success` is false.
 */
function mapResponse(frame: Json, ctx: GenAIRunContext): GenAIFrameAction | AgentError {
  const outer = isObject(frame.response) ? frame.response : undefined
  const inner = outer && isObject(outer.response) ? outer.response : undefined
  if (!inner)
    return new AgentError(
      'bad_frame',
      'GenAI AgentOS sent an agent_response without response.response.',
      {
        event: frame,
      },
    )
  const { threadId, runId } = ctx
  const trace = (Array.isArray(inner.agents_trace) ? inner.agents_trace : []).filter(isObject)
  const calls = masterCalls(trace, runId)
  const events: WireEvent[] = []
  const parentMessageId = `${runId}-calls`
  for (const call of calls) {
    events.push({
      type: 'TOOL_CALL_START',
      toolCallId: call.id,
      toolCallName: call.name,
      parentMessageId,
    })
    if (call.args) events.push({ type: 'TOOL_CALL_ARGS', toolCallId: call.id, delta: call.args })
    events.push({ type: 'TOOL_CALL_END', toolCallId: call.id })
  }
  const open = new Set(calls.map((c) => c.id))
  for (const item of trace) {
    if (isObject(item.output) && Array.isArray(item.output.tool_calls)) continue
    const byId =
      typeof item.id === 'string'
        ? calls.find((c) => c.id === item.id && open.has(c.id))
        : undefined
    const call = byId ?? calls.find((c) => c.name === item.name && open.has(c.id))
    if (!call) continue
    open.delete(call.id)
    events.push({
      type: 'TOOL_CALL_RESULT',
      messageId: `${runId}-result-${call.id}`,
      toolCallId: call.id,
      content: asText(item.output),
      role: 'tool',
    })
  }
  const text = asText(inner.response)
  if (text) {
    const messageId = `${runId}-answer`
    events.push({ type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' })
    events.push({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta: text })
    events.push({ type: 'TEXT_MESSAGE_END', messageId })
  }
  if (inner.is_success === false)
    events.push({
      type: 'RUN_ERROR',
      message: text || 'The GenAI AgentOS run failed.',
      code: 'genai_failed',
    })
  else
    events.push({
      type: 'RUN_FINISHED',
      threadId,
      runId,
      result: { requestId: outer!.request_id ?? null },
    })
  return { kind: 'events', events, terminal: true }
}

/**
 * Maps one `/frontend/ws` message to AG-UI events (seed-systems README §2 "Mapping"):
 * `agent_log` → steps or `CUSTOM genai.log`; `agent_response` → tool calls, results, the answer
 * and `RUN_FINISHED` (or `RUN_ERROR genai_failed`); `{"error": …}` → `RUN_ERROR genai_error`;
 * a frame that is not JSON (GenAI's plain-text errors) → `RUN_ERROR genai_error` with its text.
 * @returns `AgentError('bad_frame')` for binary data, JSON that is not an object, or an
 * `agent_response`/`agent_log` missing its body (`event` holds the data).
 */
export function mapGenAIFrame(data: unknown, ctx: GenAIRunContext): GenAIFrameAction | AgentError {
  if (typeof data !== 'string')
    return new AgentError('bad_frame', 'GenAI AgentOS sent a binary WebSocket frame.', {
      event: data,
    })
  let frame: unknown
  try {
    frame = JSON.parse(data)
  } catch {
    return plainTextError(data)
  }
  if (!isObject(frame))
    return new AgentError('bad_frame', 'GenAI AgentOS sent a frame that is not a JSON object.', {
      event: data,
    })
  if (frame.type === undefined && 'error' in frame) return plainTextError(asText(frame.error))
  if (frame.type === 'agent_log') {
    if (!isObject(frame.log))
      return new AgentError('bad_frame', 'GenAI AgentOS sent an agent_log without log.', {
        event: data,
      })
    return mapLog(frame.log)
  }
  if (frame.type === 'agent_response') return mapResponse(frame, ctx)
  return { kind: 'ignore', unknownType: String(frame.type) }
}
