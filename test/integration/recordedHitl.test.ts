import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import { createAgentStore } from '../../src/core/store'
import { createScriptedAgent, type ScriptStep } from '../../src/testing'
import { loadRecorded } from '../conformance/fixtures'
import { until } from '../core/store/hitlTestUtils'

const recorded = new Map(loadRecorded().map((r) => [r.name, r.events as ScriptStep[]]))

/** Both turns of a recorded-dotnet conversation, as one scripted agent (run 0, run 1). */
function conversation(step: string) {
  const turns = [1, 2].map((n) => {
    const name = [...recorded.keys()].find((k) => k.startsWith(step) && k.includes(`Turn_0${n}`))
    if (!name) throw new Error(`no recorded turn ${n} for ${step}`)
    return recorded.get(name)!
  })
  return createScriptedAgent((_input, index) => turns[index] ?? [])
}

const user = { id: 'u1', role: 'user' as const, content: 'Hello' }

describe('recorded-dotnet human in the loop, replayed through the store', () => {
  it('Step03 frontend tool: runs the handler, sends its result and the follow-up turn', async () => {
    const agent = conversation('Step03_FrontendTools')
    const store = createAgentStore({ agent, threadId: 'thread_Id_1' })
    const handler = vi.fn(() => 'Amsterdam, The Netherlands')
    store.registerTool({
      name: 'GetUserLocation',
      description: "Get the user's location",
      parameters: z.object({}),
      handler,
    })
    await store.run({ message: user })
    const final = await until(
      store,
      (s) => agent.inputs.length === 2 && s.run.status === 'finished',
    )

    const tool = {
      name: 'GetUserLocation',
      description: "Get the user's location",
      parameters: { type: 'object', properties: {} },
    }
    expect(agent.inputs[0].tools).toEqual([tool])
    expect(handler).toHaveBeenCalledOnce()
    expect(handler.mock.calls[0][0]).toEqual({})
    const second = agent.inputs[1]
    expect(second.tools).toEqual([tool])
    expect(second.resume).toBeUndefined()
    expect(second.messages).toEqual([
      user,
      {
        id: 'call_Id_1',
        role: 'assistant',
        toolCalls: [
          {
            id: 'call_Id_1',
            type: 'function',
            function: { name: 'GetUserLocation', arguments: '{}' },
          },
        ],
      },
      {
        id: expect.any(String),
        role: 'tool',
        toolCallId: 'call_Id_1',
        content: 'Amsterdam, The Netherlands',
      },
    ])
    expect(final.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant'])
    expect(final.messages[3].content).toMatch(/^Great/)
    expect(final.approvals).toEqual({})
  })
})
