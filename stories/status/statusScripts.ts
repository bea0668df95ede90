import type { RunAgentInput } from 'agent-wire-react/core'
import type { ScriptStep } from 'agent-wire-react/testing'
import { textMessage } from '../support/scripts'

/** Research tools the long-timeline run calls, one after another. */
export const RESEARCH_TOOLS = ['search_web', 'read_page', 'search_docs', 'read_page', 'summarize']

/** A tool call with its arguments in one delta and its result. */
function toolCall(id: string, name: string, args: unknown, result: unknown): ScriptStep[] {
  return [
    { type: 'TOOL_CALL_START', toolCallId: id, toolCallName: name },
    { type: 'TOOL_CALL_ARGS', toolCallId: id, delta: JSON.stringify(args) },
    { type: 'TOOL_CALL_END', toolCallId: id },
    {
      type: 'TOOL_CALL_RESULT',
      messageId: `${id}-result`,
      toolCallId: id,
      content: JSON.stringify(result),
    },
  ]
}

/**
 * A long run: step `plan` (reasoning), step `research` with five tool calls, step `delegate`
 * whose `delegate` tool call spawns subagent `researcher`, which spawns `reader` (steps `fetch`
 * and `read` inside), then step `write` streaming an answer. With `hang`, the run stays open
 * in `write` (for the running state); otherwise it finishes with usage.
 */
export function longTimelineRun(input: RunAgentInput, hang: boolean): ScriptStep[] {
  const { threadId, runId } = input
  const steps: ScriptStep[] = [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'STEP_STARTED', stepName: 'plan' },
    { type: 'REASONING_START', messageId: 'think-1' },
    { type: 'REASONING_MESSAGE_START', messageId: 'think-1', role: 'reasoning' },
    { type: 'REASONING_MESSAGE_CONTENT', messageId: 'think-1', delta: 'Search, read, delegate.' },
    { type: 'REASONING_MESSAGE_END', messageId: 'think-1' },
    { type: 'REASONING_END', messageId: 'think-1' },
    { type: 'STEP_FINISHED', stepName: 'plan' },
    { type: 'STEP_STARTED', stepName: 'research' },
  ]
  RESEARCH_TOOLS.forEach((name, i) =>
    steps.push(...toolCall(`call-${i + 1}`, name, { query: `topic ${i + 1}` }, { ok: true })),
  )
  steps.push(
    { type: 'STEP_FINISHED', stepName: 'research' },
    { type: 'STEP_STARTED', stepName: 'delegate' },
    { type: 'TOOL_CALL_START', toolCallId: 'call-delegate', toolCallName: 'delegate' },
    { type: 'TOOL_CALL_ARGS', toolCallId: 'call-delegate', delta: '{"task":"deep dive"}' },
    { type: 'TOOL_CALL_END', toolCallId: 'call-delegate' },
    {
      type: 'SUBAGENT_STARTED',
      subagentRunId: 'sub-researcher',
      name: 'researcher',
      parentToolCallId: 'call-delegate',
    },
    {
      type: 'SUBAGENT_STARTED',
      subagentRunId: 'sub-reader',
      name: 'reader',
      parentSubagentRunId: 'sub-researcher',
    },
    { type: 'STEP_STARTED', stepName: 'fetch', subagentRunId: 'sub-reader' },
    { delayMs: 80 },
    { type: 'STEP_FINISHED', stepName: 'fetch', subagentRunId: 'sub-reader' },
    { type: 'STEP_STARTED', stepName: 'read', subagentRunId: 'sub-reader' },
    { delayMs: 80 },
    { type: 'STEP_FINISHED', stepName: 'read', subagentRunId: 'sub-reader' },
    { type: 'SUBAGENT_FINISHED', subagentRunId: 'sub-reader' },
    { type: 'SUBAGENT_FINISHED', subagentRunId: 'sub-researcher' },
    {
      type: 'TOOL_CALL_RESULT',
      messageId: 'call-delegate-result',
      toolCallId: 'call-delegate',
      content: '{"found":3}',
    },
    { type: 'STEP_FINISHED', stepName: 'delegate' },
    { type: 'STEP_STARTED', stepName: 'write' },
    ...textMessage('answer-1', 'Here is what I found in three sources.'),
  )
  if (hang) return [...steps, { delayMs: 600_000 }]
  return [
    ...steps,
    { type: 'STEP_FINISHED', stepName: 'write' },
    {
      type: 'RUN_FINISHED',
      threadId,
      runId,
      usage: [{ model: 'gpt-4o', inputTokens: 5120, outputTokens: 846, totalTokens: 5966 }],
    },
  ]
}

/** A run that starts a step and a tool call, then fails with `RUN_ERROR` (with usage). */
export function failingRun(input: RunAgentInput): ScriptStep[] {
  const { threadId, runId } = input
  return [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'STEP_STARTED', stepName: 'plan' },
    { type: 'STEP_FINISHED', stepName: 'plan' },
    { type: 'STEP_STARTED', stepName: 'lookup' },
    ...toolCall('call-1', 'search_web', { query: 'weather in Lyon' }, { ok: true }),
    {
      type: 'RUN_ERROR',
      code: 'overloaded',
      message: 'The model provider is overloaded.',
      usage: [{ model: 'gpt-4o', inputTokens: 812, outputTokens: 40, totalTokens: 852 }],
    },
  ]
}

/** A run that sets state with a snapshot, then changes it with two `STATE_DELTA`s. */
export function stateRun(input: RunAgentInput): ScriptStep[] {
  const { threadId, runId } = input
  return [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'STATE_SNAPSHOT', snapshot: { tasks: [{ title: 'Write the report', done: false }] } },
    ...textMessage('reply-1', 'Adding your task and ticking the first one off.'),
    {
      type: 'STATE_DELTA',
      delta: [{ op: 'add', path: '/tasks/-', value: { title: 'Buy oat milk', done: false } }],
    },
    { type: 'STATE_DELTA', delta: [{ op: 'replace', path: '/tasks/0/done', value: true }] },
    { type: 'RUN_FINISHED', threadId, runId },
  ]
}
