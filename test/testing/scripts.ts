import type { RunAgentInput } from '../../src/core/protocol/types'
import type { ScriptStep } from '../../src/testing'

/** Test helper: RUN_STARTED for `input`. */
export const started = (input: RunAgentInput): ScriptStep => ({
  type: 'RUN_STARTED',
  threadId: input.threadId,
  runId: input.runId,
})

/** Test helper: RUN_FINISHED for `input`. */
export const finished = (input: RunAgentInput): ScriptStep => ({
  type: 'RUN_FINISHED',
  threadId: input.threadId,
  runId: input.runId,
})

/** Test helper: an assistant text message streamed as `deltas`. */
export function text(messageId: string, deltas: string[]): ScriptStep[] {
  return [
    { type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' },
    ...deltas.map((delta) => ({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta })),
    { type: 'TEXT_MESSAGE_END', messageId },
  ]
}

/** Test helper: a whole run answering with one text message. */
export const textRun =
  (messageId: string, deltas: string[]) =>
  (input: RunAgentInput): ScriptStep[] => [
    started(input),
    ...text(messageId, deltas),
    finished(input),
  ]

/** Test helper: resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
