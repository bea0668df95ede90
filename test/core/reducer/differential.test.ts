import { AbstractAgent, type BaseEvent, type RunAgentInput } from '@ag-ui/client'
import fc from 'fast-check'
import { from } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { reduceEvents } from '../../../src/core/reducer'
import { loadRecorded } from '../../conformance/fixtures'

/** `@ag-ui/client` 1.0 as an oracle: an agent that replays a fixed stream through its pipeline. */
class ReplayAgent extends AbstractAgent {
  constructor(private readonly events: unknown[]) {
    super({ threadId: 'oracle' })
  }
  run(_input: RunAgentInput): ReturnType<AbstractAgent['run']> {
    // @ag-ui/client ships its own rxjs copy: same runtime shape, distinct type.
    return from(this.events as BaseEvent[]) as unknown as ReturnType<AbstractAgent['run']>
  }
}

async function oracle(events: unknown[]): Promise<{ messages: unknown; state: unknown }> {
  const agent = new ReplayAgent(structuredClone(events))
  await agent.runAgent()
  return { messages: normalize(agent.messages), state: agent.state }
}

/** Drops keys whose value is undefined (the oracle spreads optional fields as `undefined`). */
function normalize(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}

describe('differential: our reducer vs @ag-ui/client 1.0', () => {
  for (const { name, events } of loadRecorded()) {
    it(`recorded-dotnet/${name}`, async () => {
      const ours = reduceEvents(events)
      expect(ours.run.error, ours.run.error?.message).toBeUndefined()
      const theirs = await oracle(events)
      expect(normalize(ours.messages)).toEqual(theirs.messages)
      expect(ours.state).toEqual(theirs.state)
    })
  }

  // Random well-formed runs: text messages, tool calls with results, state snapshots and deltas, steps.
  const block = fc.oneof(
    fc.record({
      kind: fc.constant('text' as const),
      deltas: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
    }),
    fc.record({
      kind: fc.constant('tool' as const),
      args: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 5 }),
      result: fc.option(fc.string(), { nil: undefined }),
      attach: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('state' as const),
      key: fc.constantFrom('a', 'b', 'c'),
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
    fc.record({ kind: fc.constant('step' as const), name: fc.constantFrom('plan', 'act') }),
  )

  function toStream(blocks: Array<any>): unknown[] {
    const out: unknown[] = [
      { type: 'RUN_STARTED', threadId: 't', runId: 'r' },
      { type: 'STATE_SNAPSHOT', snapshot: {} },
    ]
    let lastAssistant: string | undefined
    blocks.forEach((b, i) => {
      if (b.kind === 'text') {
        const id = `m${i}`
        out.push({ type: 'TEXT_MESSAGE_START', messageId: id, role: 'assistant' })
        for (const d of b.deltas)
          out.push({ type: 'TEXT_MESSAGE_CONTENT', messageId: id, delta: d })
        out.push({ type: 'TEXT_MESSAGE_END', messageId: id })
        lastAssistant = id
      } else if (b.kind === 'tool') {
        const id = `c${i}`
        const parent = b.attach && lastAssistant ? lastAssistant : `p${i}`
        out.push({
          type: 'TOOL_CALL_START',
          toolCallId: id,
          toolCallName: 'fn',
          parentMessageId: parent,
        })
        for (const d of b.args) out.push({ type: 'TOOL_CALL_ARGS', toolCallId: id, delta: d })
        out.push({ type: 'TOOL_CALL_END', toolCallId: id })
        if (b.result !== undefined) {
          out.push({
            type: 'TOOL_CALL_RESULT',
            messageId: `r${i}`,
            toolCallId: id,
            content: b.result,
          })
          lastAssistant = undefined
        } else lastAssistant = parent
      } else if (b.kind === 'state') {
        out.push({ type: 'STATE_DELTA', delta: [{ op: 'add', path: `/${b.key}`, value: b.value }] })
      } else {
        out.push(
          { type: 'STEP_STARTED', stepName: b.name },
          { type: 'STEP_FINISHED', stepName: b.name },
        )
      }
    })
    out.push({ type: 'RUN_FINISHED', threadId: 't', runId: 'r' })
    return out
  }

  it('agrees on messages and state for random well-formed streams', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 12 }), async (blocks) => {
        const stream = toStream(blocks)
        const ours = reduceEvents(stream)
        expect(ours.run.status).toBe('finished')
        const theirs = await oracle(stream)
        expect(normalize(ours.messages)).toEqual(theirs.messages)
        expect(normalize(ours.state)).toEqual(normalize(theirs.state))
      }),
      { numRuns: 150 },
    )
  })
})
