import type {
  AssistantMessage,
  Metadata,
  ToolCall,
  ToolCallArgsEvent,
  ToolCallEndEvent,
  ToolCallResultEvent,
  ToolCallStartEvent,
  ToolMessage,
} from '../protocol/types'
import { mergeMetadata } from './applyMessageEvent'
import { appendFlattening } from './appendFlattening'
import { noteToolCallArgs } from './parseToolCallArgs'
import { withArguments } from './withArguments'
import type { Snapshot } from './Snapshot'

/**
 * `TOOL_CALL_START`: adds the call to its parent assistant message (found by id wherever it is),
 * or creates that message (id `parentMessageId`, else the call id) at the end of the thread.
 */
export function startToolCall(s: Snapshot, e: ToolCallStartEvent): Snapshot {
  const call: ToolCall = {
    id: e.toolCallId,
    type: 'function',
    function: { name: e.toolCallName, arguments: '' },
    ...(e.metadata && { metadata: { ...e.metadata } }),
  }
  // An empty parentMessageId (seen in real streams) means none, as in @ag-ui/client.
  const ownerId = e.parentMessageId || e.toolCallId
  const calls = { ...s.calls, [e.toolCallId]: { messageId: ownerId, ended: false } }
  const i = s.list.indexOfRole(ownerId, 'assistant')
  const owner = i < 0 ? undefined : s.list.at(i)
  if (owner?.role === 'assistant') {
    const toolCalls = [...(owner.toolCalls ?? []).filter((c) => c.id !== call.id), call]
    return s.with({ list: s.list.set(i, { ...owner, toolCalls }), calls })
  }
  const message: AssistantMessage = {
    id: ownerId,
    role: 'assistant',
    toolCalls: [call],
    ...(e.subagentRunId !== undefined && { subagentRunId: e.subagentRunId }),
  }
  return s.with({ list: s.list.push(message), calls })
}

/** Position of call `id` in `calls`, or -1 (a loop: no closure per event). */
function callIndex(calls: readonly ToolCall[] | undefined, id: string): number {
  if (calls) for (let k = 0; k < calls.length; k++) if (calls[k].id === id) return k
  return -1
}

/**
 * The owner message's copy with call `toolCallId` updated: `delta` appended to its arguments
 * (`TOOL_CALL_ARGS`), or kept (`delta` undefined: `TOOL_CALL_END`); `metadata` merged.
 */
function updateCall(
  s: Snapshot,
  toolCallId: string,
  delta: string | undefined,
  metadata: Metadata | undefined,
  ended: boolean,
): Snapshot {
  const entry = s.calls[toolCallId]
  const i = entry ? s.list.indexOfRole(entry.messageId, 'assistant') : -1
  const owner = i < 0 ? undefined : (s.list.at(i) as AssistantMessage)
  const index = callIndex(owner?.toolCalls, toolCallId)
  if (!owner || index < 0) {
    return s.withDiagnostic({
      level: 'warning',
      code: 'unknown_tool_call',
      message: `Event for unknown tool call '${toolCallId}' was ignored`,
    })
  }
  const toolCalls = owner.toolCalls!.slice()
  let call = toolCalls[index]
  if (delta !== undefined) {
    const before = call.function.arguments
    const after = appendFlattening(before, delta)
    noteToolCallArgs(toolCallId, before, after, delta)
    call = withArguments(call, after)
  }
  toolCalls[index] = mergeMetadata(call, metadata)
  const list = s.list.set(i, { ...owner, toolCalls })
  // Two plain literals, not a conditional spread: this runs once per TOOL_CALL_ARGS.
  if (!ended || entry.ended) return s.withList(list)
  return s.with({ list, calls: { ...s.calls, [toolCallId]: { ...entry, ended: true } } })
}

/**
 * `TOOL_CALL_ARGS`: append the delta to `function.arguments`. O(1) amortized per delta. The
 * delta is also queued for `parseToolCallArgs`, which parses arguments incrementally.
 */
export function appendToolCallArgs(s: Snapshot, e: ToolCallArgsEvent): Snapshot {
  return updateCall(s, e.toolCallId, e.delta, e.metadata, false)
}

/** `TOOL_CALL_END`: the arguments are complete. */
export function endToolCall(s: Snapshot, e: ToolCallEndEvent): Snapshot {
  return updateCall(s, e.toolCallId, undefined, e.metadata, true)
}

/**
 * `TOOL_CALL_RESULT`: a tool message, placed after its owner assistant message and the results
 * already given for that message's calls (spec 1.1 "Tool calls"). A repeated `messageId`
 * replaces the earlier result.
 */
export function applyToolResult(s: Snapshot, e: ToolCallResultEvent): Snapshot {
  const message: ToolMessage = {
    id: e.messageId,
    role: 'tool',
    toolCallId: e.toolCallId,
    content: e.content,
    ...(e.subagentRunId !== undefined && { subagentRunId: e.subagentRunId }),
    ...(e.metadata && { metadata: { ...e.metadata } }),
  }
  const entry = s.calls[e.toolCallId]
  const calls = entry
    ? { ...s.calls, [e.toolCallId]: { ...entry, ended: true, resultMessageId: e.messageId } }
    : s.calls
  const existing = s.list.indexOfRole(e.messageId, 'tool')
  if (existing >= 0) return s.with({ list: s.list.set(existing, message), calls })
  let at = s.list.length
  const ownerIndex = entry ? s.list.indexOfRole(entry.messageId, 'assistant') : -1
  if (ownerIndex >= 0) {
    const owner = s.list.at(ownerIndex) as AssistantMessage
    const siblings = new Set((owner.toolCalls ?? []).map((c) => c.id))
    at = ownerIndex + 1
    for (let m = s.list.at(at); m?.role === 'tool' && siblings.has(m.toolCallId); m = s.list.at(at))
      at++
  }
  return s.with({ list: s.list.insert(at, message), calls })
}
