import type { RunAgentInput } from 'agent-wire-react/core'
import type { ScriptStep } from 'agent-wire-react/testing'

/** Event fields holding ids that must be unique within a thread. */
const ID_FIELDS = ['messageId', 'toolCallId', 'parentMessageId'] as const

/**
 * A recorded stream replayed as run `runIndex` of a story's thread: `threadId`/`runId` become the
 * run's own, and from the second run on message and tool call ids get a `-<runIndex>` suffix (a
 * recording always uses the same ids, and a thread cannot hold one id twice).
 */
export function asRun(
  events: readonly ScriptStep[],
  input: RunAgentInput,
  runIndex = 0,
): ScriptStep[] {
  return events.map((step) => {
    if (!('type' in step)) return step
    const event: Record<string, unknown> = { ...step }
    if ('threadId' in event) event.threadId = input.threadId
    if ('runId' in event) event.runId = input.runId
    if (runIndex > 0) {
      for (const field of ID_FIELDS) {
        if (typeof event[field] === 'string' && event[field] !== '')
          event[field] = `${event[field]}-${runIndex}`
      }
    }
    return event as ScriptStep
  })
}

/** `text` split into word-sized tokens (whitespace kept), as a model streams it. */
export function tokens(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? []
}

/** An assistant message streamed token by token (no run events around it). */
export function textMessage(messageId: string, text: string): ScriptStep[] {
  return [
    { type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' },
    ...tokens(text).map((delta) => ({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta })),
    { type: 'TEXT_MESSAGE_END', messageId },
  ]
}

/** A whole run replying `text`, streamed token by token. */
export function replyRun(input: RunAgentInput, text: string): ScriptStep[] {
  const { threadId, runId } = input
  return [
    { type: 'RUN_STARTED', threadId, runId },
    ...textMessage(`reply-${runId}`, text),
    { type: 'RUN_FINISHED', threadId, runId },
  ]
}

/** The content of the last tool message of a run's input (what the kit sent back), or `''`. */
export function lastToolResult(input: RunAgentInput): string {
  const tool = input.messages.findLast((m) => m.role === 'tool')
  return typeof tool?.content === 'string' ? tool.content : ''
}
