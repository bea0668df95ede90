import { WebSocket } from 'ws'
import {
  GenAIAgentOSAgent,
  type GenAIAgentOSAgentOptions,
} from '../../../src/core/adapters/genaiAgentOS'
import type { WebSocketConstructor } from '../../../src/core/transport/openWebSocket'
import { serveFake, type ServedFake } from '../fakeHost/serveFake'
import { createGenAIFake, type GenAIFake } from './createGenAIFake'

/** A served GenAI AgentOS fake and a factory of agents pointed at it (Node `ws` WebSocket). */
export interface GenAIHarness {
  fake: GenAIFake
  served: ServedFake
  agent(options?: Partial<GenAIAgentOSAgentOptions>): GenAIAgentOSAgent
  close(): Promise<void>
}

/** Starts the fake on an ephemeral port. */
export async function startGenAI(): Promise<GenAIHarness> {
  const fake = createGenAIFake()
  const served = await serveFake(fake)
  const agents: GenAIAgentOSAgent[] = []
  return {
    fake,
    served,
    agent(options = {}) {
      const agent = new GenAIAgentOSAgent({
        baseUrl: served.url,
        credentials: { username: 'admin', password: 'admin-pass' },
        provider: 'openai',
        llmName: 'gpt-4o',
        WebSocket: WebSocket as unknown as WebSocketConstructor,
        ...options,
      })
      agents.push(agent)
      return agent
    },
    async close() {
      for (const a of agents) a.close()
      await served.close()
    },
  }
}
