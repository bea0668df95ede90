import { AgentError } from '../protocol/AgentError'
import type { AgentEvent, BaseEvent, RunFinishedEvent } from '../protocol/types'
import type { AgentSnapshot, RunStatus } from './AgentSnapshot'
import {
  appendContent,
  applyActivityDelta,
  applyActivitySnapshot,
  applyEncryptedValue,
  applyMessagesSnapshot,
  endMessage,
  startMessage,
} from './applyMessageEvent'
import { applyPatch } from './applyPatch'
import { applySubagentEvent } from './applySubagentEvent'
import { appendToolCallArgs, applyToolResult, endToolCall, startToolCall } from './applyToolEvent'
import { type Snapshot, toSnapshot } from './Snapshot'
import { toInterruptView } from './toInterruptView'

function finishRun(s: Snapshot, e: RunFinishedEvent): Snapshot {
  const outcome = e.outcome
  const status: RunStatus =
    outcome?.type === 'interrupt'
      ? 'interrupted'
      : outcome?.type === 'cancelled'
        ? 'cancelled'
        : 'finished'
  return s.with({
    run: {
      ...s.run,
      status,
      runId: e.runId ?? s.run.runId,
      error: undefined,
      ...(e.timestamp !== undefined && { finishedAt: e.timestamp }),
      ...(outcome && { outcome }),
      ...('result' in e && { result: e.result }),
      ...(e.usage && { usage: e.usage }),
      pendingToolCallIds: outcome?.type === 'success' ? (outcome.pendingToolCallIds ?? []) : [],
    },
    // The run that resumes interrupts answers them: its end replaces them (spec 1.1, "Interrupts").
    interrupts: outcome?.type === 'interrupt' ? outcome.interrupts.map(toInterruptView) : [],
    streamingMessageIds: [],
  })
}

/**
 * Applies one AG-UI event to a snapshot: the pure "application" stage of the spec's processing
 * order (spec 1.1, "Processing order"). It never mutates `snapshot` or `event`, returns the same
 * object when nothing changed, shares every untouched branch, and costs O(1) amortized per
 * `TEXT_MESSAGE_CONTENT` / `TOOL_CALL_ARGS` / `REASONING_MESSAGE_CONTENT` whatever the thread
 * length. It is total: an event that makes no sense here (content for an unknown message, a patch
 * that does not apply) leaves the state as it was and records a diagnostic; it never throws.
 *
 * It does not verify ordering nor expand `*_CHUNK` lanes: {@link reduceEvents} and
 * `createEventPipeline` do (chunk events given directly are applied leniently by id).
 *
 * @param snapshot - A snapshot from `createSnapshot`, a previous `applyEvent`, or a plain object
 *   of the same shape (converted once, O(thread)).
 * @param event - A validated AG-UI event.
 */
export function applyEvent(snapshot: AgentSnapshot, event: AgentEvent | BaseEvent): AgentSnapshot {
  const s = toSnapshot(snapshot)
  const next = applyToSnapshot(s, event as AgentEvent)
  return next === s ? snapshot : next
}

/**
 * {@link applyEvent} on the reducer's own {@link Snapshot}: no conversion, `s` itself when
 * nothing changed. What the event pipeline calls once per event.
 * @internal
 */
export function applyToSnapshot(s: Snapshot, e: AgentEvent): Snapshot {
  if (e.type === 'TEXT_MESSAGE_CONTENT') return appendContent(s, e) // most events: first
  switch (e.type) {
    case 'RUN_STARTED':
      return s.with({
        threadId: s.threadId || e.threadId,
        run: {
          status: 'running',
          runId: e.runId,
          threadId: e.threadId,
          ...(e.parentRunId !== undefined && { parentRunId: e.parentRunId }),
          ...(e.protocolVersion !== undefined && { protocolVersion: e.protocolVersion }),
          ...(e.timestamp !== undefined && { startedAt: e.timestamp }),
          pendingToolCallIds: [],
        },
        // Interrupts stay until this run finishes: it is the run that answers them.
      })
    case 'RUN_FINISHED':
      return finishRun(s, e)
    case 'RUN_ERROR':
      return s.with({
        run: {
          ...s.run,
          status: 'error',
          error: new AgentError('run_error', e.message, {
            ...(e.code !== undefined && { agentCode: e.code }),
            event: e,
          }),
          ...(e.timestamp !== undefined && { finishedAt: e.timestamp }),
          ...(e.usage && { usage: e.usage }),
        },
        streamingMessageIds: [],
      })
    case 'STEP_STARTED':
      return s.with({
        steps: [
          ...s.steps,
          {
            stepName: e.stepName,
            status: 'running',
            ...(s.run.runId !== undefined && { runId: s.run.runId }),
            ...(e.timestamp !== undefined && { startedAt: e.timestamp }),
          },
        ],
      })
    case 'STEP_FINISHED': {
      const i = s.steps.findLastIndex((st) => st.stepName === e.stepName && st.status === 'running')
      if (i < 0) return s
      const steps = s.steps.slice()
      steps[i] = {
        ...steps[i],
        status: 'finished',
        ...(e.timestamp !== undefined && { finishedAt: e.timestamp }),
      }
      return s.with({ steps })
    }
    case 'TEXT_MESSAGE_START':
      return startMessage(s, e, e.role ?? 'assistant')
    case 'REASONING_MESSAGE_CONTENT': // TEXT_MESSAGE_CONTENT: above
      return appendContent(s, e)
    case 'TEXT_MESSAGE_END':
    case 'REASONING_MESSAGE_END':
      return endMessage(s, e)
    case 'TEXT_MESSAGE_CHUNK':
    case 'REASONING_MESSAGE_CHUNK': {
      const id = e.messageId ?? s.streamingMessageIds[s.streamingMessageIds.length - 1]
      if (id === undefined) return s
      const role = e.type === 'REASONING_MESSAGE_CHUNK' ? 'reasoning' : (e.role ?? 'assistant')
      const started = s.list.indexOf(id) < 0 ? startMessage(s, { ...e, messageId: id }, role) : s
      return e.delta ? appendContent(started, { messageId: id, delta: e.delta }) : started
    }
    case 'REASONING_MESSAGE_START':
      return startMessage(s, e, 'reasoning')
    case 'REASONING_ENCRYPTED_VALUE':
      return applyEncryptedValue(s, e)
    case 'TOOL_CALL_START':
      return startToolCall(s, e)
    case 'TOOL_CALL_ARGS':
      return appendToolCallArgs(s, e)
    case 'TOOL_CALL_END':
      return endToolCall(s, e)
    case 'TOOL_CALL_CHUNK': {
      const id = e.toolCallId
      if (id === undefined) return s
      let next = s.calls[id]
        ? s
        : startToolCall(s, {
            ...e,
            type: 'TOOL_CALL_START',
            toolCallId: id,
            toolCallName: e.toolCallName ?? '',
          } as never)
      if (e.delta)
        next = appendToolCallArgs(next, {
          type: 'TOOL_CALL_ARGS',
          toolCallId: id,
          delta: e.delta,
        } as never)
      return next
    }
    case 'TOOL_CALL_RESULT':
      return applyToolResult(s, e)
    case 'STATE_SNAPSHOT':
      return s.with({ state: e.snapshot })
    case 'STATE_DELTA': {
      const result = applyPatch(s.state, e.delta)
      if (result.ok) return s.with({ state: result.document })
      return s.withDiagnostic({
        level: 'warning',
        code: 'state_patch_failed',
        message: `Failed to apply state patch: ${result.error}`,
        eventType: 'STATE_DELTA',
      })
    }
    case 'MESSAGES_SNAPSHOT':
      return applyMessagesSnapshot(s, e)
    case 'ACTIVITY_SNAPSHOT':
      return applyActivitySnapshot(s, e)
    case 'ACTIVITY_DELTA':
      return applyActivityDelta(s, e)
    case 'SUBAGENT_STARTED':
    case 'SUBAGENT_FINISHED':
    case 'SUBAGENT_ERROR':
      return applySubagentEvent(s, e)
    default: // REASONING_START, REASONING_END, RAW, CUSTOM: nothing to apply
      return s
  }
}
