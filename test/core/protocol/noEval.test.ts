import { describe, expect, it } from 'vitest'

/**
 * Records every use of the `Function` constructor (the `eval` family) while `run` executes,
 * including code imported inside it.
 */
async function functionConstructorCalls(run: () => Promise<void>): Promise<unknown[][]> {
  const calls: unknown[][] = []
  const Original = globalThis.Function
  globalThis.Function = new Proxy(Original, {
    construct(target, args) {
      calls.push(args)
      return Reflect.construct(target, args)
    },
    apply(target, self, args) {
      calls.push(args)
      return Reflect.apply(target, self, args)
    },
  })
  try {
    await run()
  } finally {
    globalThis.Function = Original
  }
  return calls
}

describe('strict Content-Security-Policy (no unsafe-eval)', () => {
  it('loading the schemas and parsing every kind of event never generates code', async () => {
    const calls = await functionConstructorCalls(async () => {
      const { createEventParser } = await import('../../../src/core/protocol/parseEvent')
      const { parseRunAgentInput } = await import('../../../src/core/protocol/parseRunAgentInput')
      const parser = createEventParser()
      const results = [
        {
          type: 'RUN_STARTED',
          threadId: 't',
          runId: 'r',
          input: { threadId: 't', runId: 'r', messages: [] },
        },
        {
          type: 'MESSAGES_SNAPSHOT',
          messages: [{ id: 'u', role: 'user', content: [{ type: 'text', text: 'a' }] }],
        },
        { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 42 },
        { type: 'STATE_DELTA', delta: [{ op: 'add', path: '/a', value: 1 }] },
        {
          type: 'RUN_FINISHED',
          threadId: 't',
          runId: 'r',
          outcome: { type: 'interrupt', interrupts: [{ id: 'i', reason: 'r' }] },
        },
      ].map((e) => parser.parse(e))
      expect(results.map((r) => r.ok)).toEqual([true, true, false, true, true])
      parseRunAgentInput({ threadId: 't', runId: 'r', messages: [] })
    })
    expect(calls).toEqual([])
  })

  it('the probe detects code generation (zod classic compiles its object parsers)', async () => {
    const calls = await functionConstructorCalls(async () => {
      const { z } = await import('zod')
      z.object({ a: z.string() }).parse({ a: 'x' })
    })
    expect(calls.length).toBeGreaterThan(0)
  })
})
