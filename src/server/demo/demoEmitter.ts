import type { BaseEvent } from '../../core/protocol/types'
import type { StateDraft } from './createStateDraft'
import { sleep } from './sleep'
import { splitEvenly, tokenize } from './tokenize'

/** A plain wire object; the demo's objects are valid AG-UI events (checked in the tests). */
export type DemoWireEvent = { type: string } & Record<string, unknown>

/** Casts a plain wire object to `BaseEvent` (`@ag-ui/core`'s enum is types-only here). @internal */
export const ev = (event: DemoWireEvent): BaseEvent => event as unknown as BaseEvent

/**
 * The demo agent's streaming helpers for one run: every helper waits `delayMs` between two
 * deltas and stops early (without its closing event) once `signal` aborts, so callers check
 * `signal.aborted` after each `yield*`.
 * @internal
 */
export interface DemoEmitter {
  /** Waits `ms` (default the token delay); `false` when the run was aborted meanwhile. */
  pause(ms?: number): Promise<boolean>
  /** `TEXT_MESSAGE_START`/`_CONTENT` per token/`_END` of an assistant message. */
  text(messageId: string, body: string): AsyncGenerator<BaseEvent>
  /** `REASONING_MESSAGE_START`/`_CONTENT` per token/`_END`. */
  reasoning(messageId: string, body: string): AsyncGenerator<BaseEvent>
  /**
   * `TOOL_CALL_START` (with `parentMessageId`), the JSON of `args` in `argParts` deltas of
   * `TOOL_CALL_ARGS`, `TOOL_CALL_END`.
   */
  toolCall(
    toolCallId: string,
    toolCallName: string,
    args: unknown,
    parentMessageId: string,
    argParts?: number,
  ): AsyncGenerator<BaseEvent>
}

/** Creates the {@link DemoEmitter} of one run. @internal */
export function createDemoEmitter(signal: AbortSignal, delayMs: number): DemoEmitter {
  const pause = async (ms = delayMs) => (await sleep(ms, signal)) && !signal.aborted

  async function* stream(
    kind: 'TEXT_MESSAGE' | 'REASONING_MESSAGE',
    messageId: string,
    body: string,
  ): AsyncGenerator<BaseEvent> {
    yield ev({
      type: `${kind}_START`,
      messageId,
      role: kind === 'TEXT_MESSAGE' ? 'assistant' : 'reasoning',
    })
    for (const delta of tokenize(body)) {
      if (!(await pause())) return
      yield ev({ type: `${kind}_CONTENT`, messageId, delta })
    }
    yield ev({ type: `${kind}_END`, messageId })
  }

  return {
    pause,
    text: (messageId, body) => stream('TEXT_MESSAGE', messageId, body),
    reasoning: (messageId, body) => stream('REASONING_MESSAGE', messageId, body),
    async *toolCall(toolCallId, toolCallName, args, parentMessageId, argParts = 5) {
      yield ev({ type: 'TOOL_CALL_START', toolCallId, toolCallName, parentMessageId })
      for (const delta of splitEvenly(JSON.stringify(args), argParts)) {
        if (!(await pause())) return
        yield ev({ type: 'TOOL_CALL_ARGS', toolCallId, delta })
      }
      yield ev({ type: 'TOOL_CALL_END', toolCallId })
    },
  }
}

/** What the demo agent's scenario flows share during one run. @internal */
export interface DemoRunContext {
  runId: string
  signal: AbortSignal
  emit: DemoEmitter
  /** The state as this run changes it; flushed as `STATE_DELTA` by the flows. */
  draft: StateDraft
  /** The run's clock reading, in ms since the epoch. */
  now: number
}
