import { describe, expect, it } from 'vitest'
import { from, lastValueFrom, toArray, type OperatorFunction } from 'rxjs'
import { applyPatch, deepClone, type Operation } from 'fast-json-patch'
import { EventSchemas } from '@ag-ui/core/schemas'
import { verifyEvents } from '@ag-ui/client'
import type { BaseEvent, RunAgentInput } from '../../../src/core/protocol/types'
import { createDemoAgent } from '../../../src/server/demo/createDemoAgent'
import { INITIAL_TASKS } from '../../../src/server/demo/demoState'

type Ev = Record<string, any>

function input(text: string, extra: Partial<RunAgentInput> = {}): RunAgentInput {
  return {
    threadId: 'thread-demo',
    runId: 'run-demo',
    messages: [{ id: 'u1', role: 'user', content: text }],
    tools: [],
    context: [],
    ...extra,
  }
}

async function collect(
  runInput: RunAgentInput,
  signal = new AbortController().signal,
  tokenDelayMs = 0,
) {
  const events: Ev[] = []
  for await (const e of createDemoAgent({ tokenDelayMs })(runInput, {
    signal,
  }) as AsyncIterable<BaseEvent>) {
    events.push(e as Ev)
  }
  return events
}

const text = (events: Ev[], messageId: string) =>
  events
    .filter((e) => e.type === 'TEXT_MESSAGE_CONTENT' && e.messageId === messageId)
    .map((e) => e.delta)
    .join('')

describe('createDemoAgent', () => {
  it('emits every event family the chat renders, schema-valid and in an order @ag-ui/client accepts', async () => {
    const events = await collect(input('Please add buy oat milk to my list.'))
    const types = new Set(events.map((e) => e.type))
    for (const type of [
      'RUN_STARTED',
      'STATE_SNAPSHOT',
      'STEP_STARTED',
      'STEP_FINISHED',
      'REASONING_START',
      'REASONING_MESSAGE_START',
      'REASONING_MESSAGE_CONTENT',
      'REASONING_MESSAGE_END',
      'REASONING_END',
      'ACTIVITY_SNAPSHOT',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'TOOL_CALL_START',
      'TOOL_CALL_ARGS',
      'TOOL_CALL_END',
      'TOOL_CALL_RESULT',
      'STATE_DELTA',
      'RUN_FINISHED',
    ]) {
      expect(types, type).toContain(type)
    }
    expect(events[0]).toEqual({ type: 'RUN_STARTED', threadId: 'thread-demo', runId: 'run-demo' })
    expect(events.at(-1)).toEqual({
      type: 'RUN_FINISHED',
      threadId: 'thread-demo',
      runId: 'run-demo',
      outcome: { type: 'success' },
      usage: [expect.objectContaining({ model: 'demo-scripted-1' })],
    })
    for (const e of events) expect(EventSchemas.safeParse(e).success, JSON.stringify(e)).toBe(true)
    const verify = verifyEvents() as unknown as OperatorFunction<BaseEvent, BaseEvent>
    const verified = await lastValueFrom(from(events as BaseEvent[]).pipe(verify, toArray()))
    expect(verified).toHaveLength(events.length)
    expect(events.filter((e) => e.type === 'STEP_STARTED').map((e) => e.stepName)).toEqual([
      'plan',
      'act',
      'respond',
    ])
  })

  it('calls add_task with the title after "add", streaming the arguments in several deltas', async () => {
    const events = await collect(input('Please add buy oat milk to my list.'))
    const start = events.find((e) => e.type === 'TOOL_CALL_START')!
    expect(start.toolCallName).toBe('add_task')
    const args = events.filter(
      (e) => e.type === 'TOOL_CALL_ARGS' && e.toolCallId === start.toolCallId,
    )
    expect(args.length).toBeGreaterThanOrEqual(3)
    expect(JSON.parse(args.map((e) => e.delta).join(''))).toEqual({ title: 'buy oat milk' })
    const result = events.find((e) => e.type === 'TOOL_CALL_RESULT')!
    expect(result.toolCallId).toBe(start.toolCallId)
    expect(JSON.parse(result.content)).toEqual({
      ok: true,
      task: { id: 'task-3', title: 'buy oat milk', done: false },
    })
  })

  it('derives a task from a message without "add"', async () => {
    const events = await collect(input('What can this demo do for me today?'))
    const args = events
      .filter((e) => e.type === 'TOOL_CALL_ARGS')
      .map((e) => e.delta)
      .join('')
    expect(JSON.parse(args)).toEqual({ title: 'Follow up: What can this demo do for' })
  })

  it('answers in markdown that quotes the user, token by token', async () => {
    const events = await collect(input('add write the docs'))
    const answer = text(events, 'run-demo-answer')
    expect(answer).toContain('### Done')
    expect(answer).toContain('_add write the docs_')
    expect(answer).toContain('**write the docs**')
    expect(answer).toMatch(/\n1\. /)
    expect(answer).toContain('```json\n{"title":"write the docs"}\n```')
    expect(answer).toMatch(/\[AG-UI docs\]\(https:\/\/docs\.ag-ui\.com\)/)
    expect(
      events.filter((e) => e.type === 'TEXT_MESSAGE_CONTENT' && e.messageId === 'run-demo-answer')
        .length,
    ).toBeGreaterThan(50)
  })

  it('is deterministic for the same input', async () => {
    expect(await collect(input('add a thing'))).toEqual(await collect(input('add a thing')))
    expect(await collect(input('add a thing'))).not.toEqual(
      await collect(input('add another thing')),
    )
  })

  it('sends a snapshot on the first run whose STATE_DELTA applies cleanly and adds the task', async () => {
    const events = await collect(input('add water the plants'))
    const snapshot = events.find((e) => e.type === 'STATE_SNAPSHOT')!.snapshot
    expect(snapshot).toEqual({ tasks: INITIAL_TASKS })
    const deltas = events.filter((e) => e.type === 'STATE_DELTA')
    expect(deltas).toHaveLength(1)
    const state = applyPatch(deepClone(snapshot), deltas[0].delta as Operation[], true).newDocument
    expect(state.tasks.map((t: { title: string }) => t.title)).toEqual([
      ...INITIAL_TASKS.map((t) => t.title),
      'water the plants',
    ])
    expect(events.findIndex((e) => e.type === 'STATE_SNAPSHOT')).toBeLessThan(
      events.findIndex((e) => e.type === 'STATE_DELTA'),
    )
  })

  it('uses input.state and sends only a delta on a later run of the thread', async () => {
    const state = { tasks: [{ id: 'task-1', title: 'only one', done: false }] }
    const events = await collect(
      input('add second', {
        state,
        messages: [
          { id: 'u0', role: 'user', content: 'hi' },
          { id: 'a0', role: 'assistant', content: 'hello' },
          { id: 'u1', role: 'user', content: 'add second' },
        ],
      }),
    )
    expect(events.some((e) => e.type === 'STATE_SNAPSHOT')).toBe(false)
    const delta = events.find((e) => e.type === 'STATE_DELTA')!.delta as Operation[]
    const next = applyPatch(deepClone(state), delta, true).newDocument
    expect(next.tasks).toEqual([...state.tasks, { id: 'task-2', title: 'second', done: false }])
  })

  it('sends a snapshot built from input.state on the first run of a thread', async () => {
    const state = { tasks: [{ id: 'task-1', title: 'mine', done: true }] }
    const events = await collect(input('hello', { state }))
    expect(events.find((e) => e.type === 'STATE_SNAPSHOT')!.snapshot).toEqual(state)
  })

  it('reads the text parts of a multimodal user message', async () => {
    const events = await collect(
      input('', {
        messages: [
          {
            id: 'u1',
            role: 'user',
            content: [{ type: 'text', text: 'add paint the fence' }],
          } as never,
        ],
      }),
    )
    expect(
      JSON.parse(
        events
          .filter((e) => e.type === 'TOOL_CALL_ARGS')
          .map((e) => e.delta)
          .join(''),
      ),
    ).toEqual({ title: 'paint the fence' })
  })

  it('stops promptly when the signal aborts, without a terminal event', async () => {
    const controller = new AbortController()
    const iterator = createDemoAgent({ tokenDelayMs: 1000 })(input('add x'), {
      signal: controller.signal,
    }) as AsyncIterable<BaseEvent>
    const seen: Ev[] = []
    const started = Date.now()
    for await (const e of iterator) {
      seen.push(e as Ev)
      if (e.type === ('REASONING_MESSAGE_START' as never)) setTimeout(() => controller.abort(), 10)
    }
    expect(Date.now() - started).toBeLessThan(500)
    expect(seen.some((e) => e.type === 'RUN_FINISHED')).toBe(false)
  })

  it('streams at the token cadence', async () => {
    const started = Date.now()
    const events = await collect(input('hi'), undefined, 2)
    const tokens = events.filter((e) => /_CONTENT$|TOOL_CALL_ARGS/.test(e.type)).length
    expect(Date.now() - started).toBeGreaterThanOrEqual(tokens * 2 * 0.9)
  })
})
