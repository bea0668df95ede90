import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import * as zm from 'zod/mini'
import { createAgentStore } from '../../../src/core/store'
import { agentOf, runOf, textReply, toolCall, toolMessages, until } from './hitlTestUtils'

const idle = (agent: { inputs: unknown[] }, runs: number) => (s: { run: { status: string } }) =>
  agent.inputs.length === runs && s.run.status !== 'running'

describe('frontend tools', () => {
  it('sends registered tools as JSON Schema (zod classic and mini), merged with static tools', async () => {
    const agent = agentOf(textReply)
    const store = createAgentStore({
      agent,
      tools: [
        { name: 'search', description: 'static', parameters: {} },
        { name: 'set_theme', description: 'static, replaced', parameters: {} },
      ],
    })
    store.registerTool({
      name: 'set_theme',
      description: 'Switch the theme',
      parameters: z.object({ theme: z.enum(['light', 'dark']) }),
      handler: () => 'ok',
    })
    store.registerTool({
      name: 'notify',
      parameters: zm.object({ text: zm.string(), level: zm.optional(zm.number()) }),
      handler: () => 'ok',
    })
    store.registerTool({ name: 'delete_file', requiresApproval: true }) // backend: not sent
    await store.run({ message: 'hi' })
    expect(agent.inputs[0].tools).toEqual([
      { name: 'search', description: 'static', parameters: {} },
      {
        name: 'set_theme',
        description: 'Switch the theme',
        parameters: {
          type: 'object',
          properties: { theme: { type: 'string', enum: ['light', 'dark'] } },
          required: ['theme'],
        },
      },
      {
        name: 'notify',
        description: '',
        parameters: {
          type: 'object',
          properties: { text: { type: 'string' }, level: { type: 'number' } },
          required: ['text'],
        },
      },
    ])
  })

  it('validates args, runs an async handler with a signal, appends the JSON result, one follow-up for parallel calls', async () => {
    const agent = agentOf((input) =>
      runOf(
        input,
        [
          ...toolCall('c1', 'add', '{"a":1,"b":2}', 'a1'),
          ...toolCall('c2', 'add', '{"a":5,"b":5}', 'a1'),
        ],
        {
          type: 'success',
          pendingToolCallIds: ['c1', 'c2'],
        },
      ),
    )
    const store = createAgentStore({ agent })
    const handler = vi.fn(
      async (
        { a, b }: { a: number; b: number },
        ctx: { signal: AbortSignal; toolCallId: string },
      ) => {
        expect(ctx.signal.aborted).toBe(false)
        await Promise.resolve()
        return { sum: a + b, id: ctx.toolCallId }
      },
    )
    store.registerTool({
      name: 'add',
      parameters: z.object({ a: z.number(), b: z.number() }),
      handler,
    })
    await store.run({ message: 'add' })
    const final = await until(store, idle(agent, 2))
    expect(handler).toHaveBeenCalledTimes(2)
    const second = agent.inputs[1]
    expect(toolMessages(second).map((m) => [m.toolCallId, m.content])).toEqual([
      ['c1', '{"sum":3,"id":"c1"}'],
      ['c2', '{"sum":10,"id":"c2"}'],
    ])
    expect(final.run.status).toBe('finished')
    expect(agent.inputs).toHaveLength(2) // ONE follow-up for both results
  })

  it('invalid JSON args and schema failures become invalid_args error results (listing issues)', async () => {
    const agent = agentOf((input) =>
      runOf(input, [
        ...toolCall('c1', 'add', '{"a":1,', 'a1'),
        ...toolCall('c2', 'add', '{"a":"x"}', 'a1'),
      ]),
    )
    const store = createAgentStore({ agent })
    const handler = vi.fn(() => 0)
    store.registerTool({
      name: 'add',
      parameters: z.object({ a: z.number(), b: z.number() }),
      handler,
    })
    await store.run({ message: 'add' })
    const final = await until(store, idle(agent, 2))
    expect(handler).not.toHaveBeenCalled()
    const [bad, invalid] = toolMessages(agent.inputs[1])
    expect(JSON.parse(bad.content as string)).toEqual({
      error: { code: 'invalid_args', message: expect.stringMatching(/not valid JSON/) },
    })
    expect(bad.error).toMatch(/not valid JSON/)
    const message = JSON.parse(invalid.content as string).error.message as string
    expect(message).toMatch(/^Invalid arguments for tool 'add': /)
    expect(message).toMatch(/a: /)
    expect(message).toMatch(/b: /)
    expect(final.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['invalid_args']))
  })

  it('a throwing handler gives tool_failed; a hanging one tool_timeout with its signal aborted', async () => {
    const agent = agentOf((input) =>
      runOf(input, [...toolCall('c1', 'boom', '{}', 'a1'), ...toolCall('c2', 'hang', '{}', 'a1')]),
    )
    const store = createAgentStore({ agent })
    let hangSignal: AbortSignal | undefined
    store.registerTool({
      name: 'boom',
      handler: () => {
        throw new Error('kaput')
      },
    })
    store.registerTool({
      name: 'hang',
      timeoutMs: 20,
      handler: (_args, { signal }) => {
        hangSignal = signal
        return new Promise(() => {})
      },
    })
    await store.run({ message: 'go' })
    await until(store, idle(agent, 2))
    const [failed, timedOut] = toolMessages(agent.inputs[1])
    expect(JSON.parse(failed.content as string).error).toEqual({
      code: 'tool_failed',
      message: "Tool 'boom' failed: kaput",
    })
    expect(JSON.parse(timedOut.content as string).error.code).toBe('tool_timeout')
    expect(hangSignal?.aborted).toBe(true)
    expect(store.getSnapshot().messages.at(-1)).toMatchObject({ role: 'assistant' }) // thread usable
  })

  it('a call the run leaves without a result triggers the handler even without pendingToolCallIds; followUp: false sends no run', async () => {
    const agent = agentOf((input) => runOf(input, toolCall('c1', 'notify', '{"text":"hi"}')))
    const store = createAgentStore({ agent })
    const handler = vi.fn(() => undefined)
    store.registerTool({ name: 'notify', handler, followUp: false })
    await store.run({ message: 'go' })
    const s = await until(store, (x) => toolMessages(x).length === 1)
    expect(handler).toHaveBeenCalledWith(
      { text: 'hi' },
      expect.objectContaining({ toolCallId: 'c1' }),
    )
    expect(toolMessages(s)[0].content).toBe('null')
    await Promise.resolve()
    expect(agent.inputs).toHaveLength(1)
  })

  it('a call the agent answered itself is not executed; unregistered tools are not executed', async () => {
    const agent = agentOf((input) =>
      runOf(input, [
        ...toolCall('c1', 'add', '{}', 'a1'),
        { type: 'TOOL_CALL_RESULT', messageId: 'r1', toolCallId: 'c1', content: '3' },
        ...toolCall('c2', 'unknown_tool', '{}', 'a1'),
      ]),
    )
    const store = createAgentStore({ agent })
    const handler = vi.fn(() => 0)
    const unregister = store.registerTool({ name: 'add', handler })
    await store.run({ message: 'go' })
    await Promise.resolve()
    expect(handler).not.toHaveBeenCalled()
    expect(agent.inputs).toHaveLength(1)
    unregister()
    unregister() // idempotent
    expect(store.getTool('add')).toBeUndefined()
  })

  it('the last registration of a name wins and unregistering restores the previous one', () => {
    const store = createAgentStore({ agent: agentOf() })
    const first = { name: 't', handler: () => 1 }
    const second = { name: 't', handler: () => 2 }
    const onChange = vi.fn()
    store.subscribeTools(onChange)
    store.registerTool(first)
    const off = store.registerTool(second)
    expect(store.getTool('t')).toBe(second)
    off()
    expect(store.getTool('t')).toBe(first)
    expect(onChange).toHaveBeenCalledTimes(3)
  })

  it('maxFollowUps stops a runaway loop with limit_exceeded and a diagnostic', async () => {
    let n = 0
    const loop = (input: Parameters<typeof textReply>[0]) =>
      runOf(input, toolCall(`c${++n}`, 'again', '{}'))
    const agent = agentOf(loop, loop, loop, loop, loop)
    const store = createAgentStore({ agent, maxFollowUps: 2 })
    store.registerTool({ name: 'again', handler: () => 'more' })
    await store.run({ message: 'go' })
    const final = await until(store, (s) => s.run.status === 'error')
    expect(agent.inputs).toHaveLength(3) // the user's run + 2 follow-ups
    expect(final.run.error?.code).toBe('limit_exceeded')
    expect(final.diagnostics.at(-1)).toMatchObject({ code: 'follow_up_limit' })
    expect(toolMessages(final)).toHaveLength(3) // the last result is kept, no run sent it

    // A new user message resets the counter.
    await store.run({ message: 'again' })
    await until(store, idle(agent, 6))
  })

  it('autoFollowUp: false appends results without starting a run', async () => {
    const agent = agentOf((input) => runOf(input, toolCall('c1', 'now', '{}')))
    const store = createAgentStore({ agent, autoFollowUp: false })
    store.registerTool({ name: 'now', handler: () => 'noon' })
    await store.run({ message: 'time?' })
    await until(store, (s) => toolMessages(s).length === 1)
    await Promise.resolve()
    expect(agent.inputs).toHaveLength(1)
  })
})
