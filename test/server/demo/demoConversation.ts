import { expect } from 'vitest'
import { from, lastValueFrom, toArray, type OperatorFunction } from 'rxjs'
import { EventSchemas } from '@ag-ui/core/schemas'
import { verifyEvents } from '@ag-ui/client'
import type {
  BaseEvent,
  Message,
  ResumeEntry,
  RunAgentInput,
  Tool,
} from '../../../src/core/protocol/types'
import { reduceEvents } from '../../../src/core/reducer/reduceEvents'
import { createDemoAgent, type DemoAgentOptions } from '../../../src/server/demo/createDemoAgent'

/** A received event, loosely typed for assertions. */
export type Ev = Record<string, any>

/** One run of the demo agent: its events, and the thread (messages, state) after it. */
export interface DemoTurn {
  events: Ev[]
  messages: Message[]
  state: unknown
  /** The last event (`RUN_FINISHED` or `RUN_ERROR`). */
  last: Ev
}

/** `frontendTools` offered in `RunAgentInput.tools` when a test wants the page's tools. */
export const PAGE_TOOLS: Tool[] = [
  {
    name: 'set_theme',
    description: 'Switch the page theme',
    parameters: { type: 'object', properties: { theme: { enum: ['light', 'dark'] } } },
  },
  {
    name: 'show_notification',
    description: 'Show a notification',
    parameters: { type: 'object', properties: { message: { type: 'string' } } },
  },
]

/**
 * A conversation with a fresh demo agent (tokenDelayMs 0), driven like a client would: every
 * run's input carries the thread as our reducer (`reduceEvents`) left it after the previous
 * run. Every stream is checked against `@ag-ui/core`'s schemas and `@ag-ui/client`'s verifier.
 */
export function demoConversation(options: DemoAgentOptions = {}) {
  const agent = createDemoAgent({ tokenDelayMs: 0, ...options })
  let messages: Message[] = []
  let state: unknown
  let runs = 0
  return {
    get messages() {
      return messages
    },
    get state() {
      return state
    },
    /** Replaces the thread's state (a client edit). */
    setState(next: unknown) {
      state = next
    },
    /**
     * Runs the agent once: appends `user` (a user message) and `extra` messages (e.g. tool
     * results) first, sends `resume` and `tools`.
     */
    async run(
      turn: { user?: string; extra?: Message[]; resume?: ResumeEntry[]; tools?: Tool[] } = {},
    ): Promise<DemoTurn> {
      runs++
      const added: Message[] = [
        ...(turn.user !== undefined
          ? [{ id: `u${runs}`, role: 'user' as const, content: turn.user }]
          : []),
        ...(turn.extra ?? []),
      ]
      const sent = [...messages, ...added].filter((m) =>
        ['user', 'assistant', 'tool'].includes(m.role),
      )
      const input: RunAgentInput = {
        threadId: 'thread-hitl',
        runId: `run-${runs}`,
        messages: sent,
        tools: turn.tools ?? [],
        context: [],
        ...(state !== undefined && { state }),
        ...(turn.resume && { resume: turn.resume }),
      }
      const events: Ev[] = []
      for await (const e of agent(input, {
        signal: new AbortController().signal,
      }) as AsyncIterable<BaseEvent>)
        events.push(e as Ev)
      for (const e of events)
        expect(EventSchemas.safeParse(e).success, JSON.stringify(e)).toBe(true)
      const verify = verifyEvents() as unknown as OperatorFunction<BaseEvent, BaseEvent>
      await lastValueFrom(from(events as BaseEvent[]).pipe(verify, toArray()))
      const snapshot = reduceEvents(events, {
        threadId: 'thread-hitl',
        messages: [...messages, ...added],
        state,
      })
      if (events.at(-1)?.type !== 'RUN_ERROR')
        expect(snapshot.run.error, JSON.stringify(snapshot.run.error)).toBeUndefined()
      messages = [...snapshot.messages]
      state = snapshot.state
      return { events, messages, state, last: events.at(-1)! }
    },
  }
}

/** The text an assistant message received in `events`. */
export function textOf(events: Ev[], messageId: string): string {
  return events
    .filter((e) => e.type === 'TEXT_MESSAGE_CONTENT' && e.messageId === messageId)
    .map((e) => e.delta)
    .join('')
}

/** The tool calls started in `events`, with their joined arguments parsed. */
export function callsOf(events: Ev[]): Array<{ id: string; name: string; args: any }> {
  return events
    .filter((e) => e.type === 'TOOL_CALL_START')
    .map((start) => ({
      id: start.toolCallId,
      name: start.toolCallName,
      args: JSON.parse(
        events
          .filter((e) => e.type === 'TOOL_CALL_ARGS' && e.toolCallId === start.toolCallId)
          .map((e) => e.delta)
          .join(''),
      ),
    }))
}
