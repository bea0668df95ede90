import { WebSocket } from 'ws'
import {
  AgentConnectAgent,
  type AgentConnectAgentOptions,
} from '../../../src/core/adapters/agentConnect'
import type { WebSocketConstructor } from '../../../src/core/transport/openWebSocket'
import { serveFake, type ServedFake } from '../fakeHost/serveFake'
import { createAgentConnectFake, type AgentConnectFake } from './createAgentConnectFake'

/** The default session of the tests: one OpenAI agent. */
export const humanSession: AgentConnectAgentOptions['session'] = {
  session_type: 'human_agent',
  agents: { ai_agent: { provider: 'openai', model: 'gpt-4o' } },
}

/** A served AgentConnect fake and a factory of agents pointed at it (Node `ws` WebSocket). */
export interface AgentConnectHarness {
  fake: AgentConnectFake
  served: ServedFake
  agent(options?: Partial<AgentConnectAgentOptions>): AgentConnectAgent
  close(): Promise<void>
}

/** Starts the fake on an ephemeral port (`pingMs` 5 ms so pings interleave with replies). */
export async function startAgentConnect(): Promise<AgentConnectHarness> {
  const fake = createAgentConnectFake({ pingMs: 5 })
  const served = await serveFake(fake)
  const agents: AgentConnectAgent[] = []
  return {
    fake,
    served,
    agent(options = {}) {
      const agent = new AgentConnectAgent({
        baseUrl: served.url,
        credentials: { username: 'demo', password: 'demo123' },
        session: humanSession,
        WebSocket: WebSocket as unknown as WebSocketConstructor,
        reconnect: { baseMs: 5, capMs: 20 },
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
