import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  AGUIMock,
  buildTextResponse,
  buildToolCallResponse,
  type AGUIEvent,
} from '@copilotkit/aimock/agui'
import { HttpAgent } from '../../src/core/transport/HttpAgent'
import { createAgentStore } from '../../src/core/store/createAgentStore'
import { collectRun, userInput } from './collectRun'

const ids = { threadId: 'thread-mock', runId: 'run-mock' }
let mock: AGUIMock

beforeEach(async () => {
  mock = new AGUIMock()
  // Fixtures whose RUN_* ids match the request (aimock's own shortcuts mint random ones).
  const matches =
    (pattern: RegExp) => (input: { messages?: Array<{ role: string; content?: unknown }> }) =>
      pattern.test(String(input.messages?.filter((m) => m.role === 'user').at(-1)?.content ?? ''))
  mock.onPredicate(
    matches(/hello/i),
    buildTextResponse('Hi from **aimock**!', ids) as AGUIEvent[],
    5,
  )
  mock.onPredicate(
    matches(/weather/i),
    buildToolCallResponse('get_weather', '{"city":"Paris"}', {
      ...ids,
      result: '{"tempC":21}',
    }) as AGUIEvent[],
    5,
  )
  mock.onMessage(/shortcut/, 'From the onMessage shortcut')
  await mock.start()
})

afterEach(async () => {
  await mock.stop()
})

describe("HttpAgent against @copilotkit/aimock's AGUIMock (third-party SSE server)", () => {
  it('receives a text response in order', async () => {
    const run = await collectRun(new HttpAgent({ url: mock.url }), userInput('hello there', ids))
    expect(run.error).toBeUndefined()
    expect(run.events.map((e) => e.type)).toEqual([
      'RUN_STARTED',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'RUN_FINISHED',
    ])
    expect(run.events[2].delta).toBe('Hi from **aimock**!')
  })

  it('receives a tool call with its result', async () => {
    const run = await collectRun(
      new HttpAgent({ url: mock.url }),
      userInput("what's the weather?", ids),
    )
    expect(run.error).toBeUndefined()
    expect(run.events.map((e) => e.type)).toEqual([
      'RUN_STARTED',
      'TOOL_CALL_START',
      'TOOL_CALL_ARGS',
      'TOOL_CALL_END',
      'TOOL_CALL_RESULT',
      'RUN_FINISHED',
    ])
    expect(run.events[1]).toMatchObject({ toolCallName: 'get_weather' })
    expect(run.events[4]).toMatchObject({
      content: '{"tempC":21}',
      toolCallId: run.events[1].toolCallId,
    })
  })

  it('drives a store: the text reply and the tool call land in the snapshot', async () => {
    const store = createAgentStore({
      agent: new HttpAgent({ url: mock.url }),
      threadId: ids.threadId,
    })
    // The store mints its own runId; aimock echoes the fixture's, so match on the thread only.
    const first = await store.run({ message: 'hello' })
    expect(first.run.status, JSON.stringify(first.run.error)).toBe('finished')
    expect(first.messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: 'Hi from **aimock**!',
    })
    const second = await store.run({ message: 'weather in Paris?' })
    expect(second.run.status, JSON.stringify(second.run.error)).toBe('finished')
    const call = second.messages.flatMap((m) =>
      m.role === 'assistant' ? (m.toolCalls ?? []) : [],
    )[0]
    expect(call?.function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' })
    expect(second.messages.at(-1)).toMatchObject({
      role: 'tool',
      content: '{"tempC":21}',
      toolCallId: call?.id,
    })
    store.destroy()
  })

  it('reports a request no fixture matches (aimock answers 404) as http_error', async () => {
    const run = await collectRun(
      new HttpAgent({ url: mock.url }),
      userInput('nothing matches this', ids),
    )
    expect(run.error).toMatchObject({ name: 'AgentError', code: 'http_error', status: 404 })
  })
})
