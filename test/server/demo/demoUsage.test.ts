import { describe, expect, it } from 'vitest'
import type { BaseEvent, RunAgentInput } from '../../../src/core/protocol/types'
import { createDemoAgent } from '../../../src/server/demo/createDemoAgent'
import { estimateTokens } from '../../../src/server/demo/demoUsage'

type Ev = Record<string, any>

async function collect(input: RunAgentInput): Promise<Ev[]> {
  const events: Ev[] = []
  const agent = createDemoAgent({ tokenDelayMs: 0, now: () => 1_750_000_000_000 })
  for await (const e of agent(input, {
    signal: new AbortController().signal,
  }) as AsyncIterable<BaseEvent>)
    events.push(e as Ev)
  return events
}

const base = (messages: RunAgentInput['messages'], extra: Partial<RunAgentInput> = {}) => ({
  threadId: 't',
  runId: 'r1',
  messages,
  tools: [],
  context: [],
  ...extra,
})

/** Output tokens counted by hand from the stream: ceil(length / 4) per delta. */
function streamed(events: Ev[], types: string[]) {
  return events
    .filter((e) => types.includes(e.type))
    .reduce((n, e) => n + Math.ceil(String(e.delta).length / 4), 0)
}

describe('demo agent usage', () => {
  it('estimateTokens: 4 characters a token, rounded up', () => {
    expect([estimateTokens(''), estimateTokens('abc'), estimateTokens('abcde')]).toEqual([0, 1, 2])
  })

  it('RUN_FINISHED of a first run reports input, output and reasoning tokens', async () => {
    const events = await collect(base([{ id: 'u1', role: 'user', content: 'add buy milk' }]))
    const [usage] = events.at(-1)!.usage
    // system prompt 212 + tools "[]" 1 + message overhead 4 + "add buy milk" 3; no state.
    expect(usage.inputTokens).toBe(220)
    expect(usage.cachedInputTokens).toBe(0) // first run: nothing cached
    const reasoning = streamed(events, ['REASONING_MESSAGE_CONTENT'])
    const output = streamed(events, ['TEXT_MESSAGE_CONTENT', 'TOOL_CALL_ARGS'])
    expect(reasoning).toBeGreaterThan(0)
    expect(output).toBeGreaterThan(0)
    expect(usage).toEqual({
      provider: 'agent-wire-react demo',
      model: 'demo-scripted-1',
      inputTokens: 220,
      outputTokens: output + reasoning,
      totalTokens: 220 + output + reasoning,
      reasoningTokens: reasoning,
      cachedInputTokens: 0,
    })
  })

  it('a later turn counts the thread so far as cached input', async () => {
    const events = await collect(
      base(
        [
          { id: 'u1', role: 'user', content: 'add buy milk' },
          { id: 'a1', role: 'assistant', content: 'Added “buy milk”.' },
          { id: 'u2', role: 'user', content: 'add call mom' },
        ],
        { state: { tasks: [] } },
      ),
    )
    const [usage] = events.at(-1)!.usage
    // prefix: 212 + state {"tasks":[]} 3 + tools 1 + (4 + 3) + (4 + 5) = 232; last: 4 + 3
    expect(usage.cachedInputTokens).toBe(232)
    expect(usage.inputTokens).toBe(239)
  })

  it('RUN_ERROR carries usage too: input read, nothing generated', async () => {
    const events = await collect(
      base([{ id: 'u1', role: 'user', content: 'hi' }], {
        resume: [{ interruptId: 'nope', status: 'resolved', payload: {} }],
      } as Partial<RunAgentInput>),
    )
    const last = events.at(-1)!
    expect(last.type).toBe('RUN_ERROR')
    expect(last.usage).toEqual([expect.objectContaining({ outputTokens: 0, reasoningTokens: 0 })])
    expect(last.usage[0].totalTokens).toBe(last.usage[0].inputTokens)
  })
})
