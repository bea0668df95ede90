import type { WireEvent } from '../core/protocol/types'

type Loose = { type?: unknown } & Record<string, unknown>

/** What {@link createOpenEventTracker} returns. */
export interface OpenEventTracker {
  /** Records one event the agent sent (read defensively: agents are not validated here). */
  observe(event: unknown): void
  /** True once `RUN_STARTED` was seen. */
  readonly started: boolean
  /** True once `RUN_FINISHED` or `RUN_ERROR` was seen. */
  readonly terminated: boolean
  /**
   * The events that close what is still open, newest first (`TEXT_MESSAGE_END`,
   * `REASONING_MESSAGE_END`, `TOOL_CALL_END`, `REASONING_END`, `SUBAGENT_ERROR`,
   * `STEP_FINISHED`), so a `RUN_FINISHED` sent after them passes the spec's ordering rules.
   */
  closingEvents(): WireEvent[]
}

const PAIRS: Record<string, [kind: string, key: string, open: boolean]> = {
  TEXT_MESSAGE_START: ['text', 'messageId', true],
  TEXT_MESSAGE_END: ['text', 'messageId', false],
  REASONING_MESSAGE_START: ['reasoningMessage', 'messageId', true],
  REASONING_MESSAGE_END: ['reasoningMessage', 'messageId', false],
  REASONING_START: ['reasoning', 'messageId', true],
  REASONING_END: ['reasoning', 'messageId', false],
  TOOL_CALL_START: ['tool', 'toolCallId', true],
  TOOL_CALL_END: ['tool', 'toolCallId', false],
  STEP_STARTED: ['step', 'stepName', true],
  STEP_FINISHED: ['step', 'stepName', false],
  SUBAGENT_STARTED: ['subagent', 'subagentRunId', true],
  SUBAGENT_FINISHED: ['subagent', 'subagentRunId', false],
  SUBAGENT_ERROR: ['subagent', 'subagentRunId', false],
}

/** True for the event types the tracker follows: `RUN_*` and the start/end of what can be open. @internal */
export function isTrackedEventType(type: unknown): boolean {
  return (
    typeof type === 'string' &&
    (type in PAIRS || type === 'RUN_STARTED' || type === 'RUN_FINISHED' || type === 'RUN_ERROR')
  )
}

function closing(kind: string, id: string): WireEvent {
  switch (kind) {
    case 'text':
      return { type: 'TEXT_MESSAGE_END', messageId: id }
    case 'reasoningMessage':
      return { type: 'REASONING_MESSAGE_END', messageId: id }
    case 'reasoning':
      return { type: 'REASONING_END', messageId: id }
    case 'tool':
      return { type: 'TOOL_CALL_END', toolCallId: id }
    case 'subagent':
      return { type: 'SUBAGENT_ERROR', subagentRunId: id, message: 'The run was cancelled.' }
    default:
      return { type: 'STEP_FINISHED', stepName: id }
  }
}

/**
 * Follows a run's events to know what a server-side cancel must close before it sends
 * `RUN_FINISHED { outcome: { type: 'cancelled' } }` (spec 1.1, "Event ordering": no
 * `RUN_FINISHED` while messages, tool calls, steps or subagents are open). Chunk events are
 * not tracked: clients close chunk-opened messages themselves at the terminal event.
 * @internal
 */
export function createOpenEventTracker(): OpenEventTracker {
  // Insertion-ordered: "kind\0id" -> [kind, id].
  const open = new Map<string, [string, string]>()
  let started = false
  let terminated = false
  return {
    observe(event) {
      const e = event as Loose | null
      const type = typeof e?.type === 'string' ? e.type : ''
      if (type === 'RUN_STARTED') {
        started = true
        terminated = false
        open.clear()
        return
      }
      if (type === 'RUN_FINISHED' || type === 'RUN_ERROR') {
        terminated = true
        open.clear()
        return
      }
      const pair = PAIRS[type]
      const id = pair && (e as Loose)[pair[1]]
      if (!pair || typeof id !== 'string') return
      const key = `${pair[0]}\0${id}`
      if (pair[2]) open.set(key, [pair[0], id])
      else open.delete(key)
    },
    get started() {
      return started
    },
    get terminated() {
      return terminated
    },
    closingEvents() {
      return [...open.values()].reverse().map(([kind, id]) => closing(kind, id))
    },
  }
}
