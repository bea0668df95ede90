import {
  createUAgentsBridge,
  type UAgentsBridge,
} from '../../../src/server/adapters/uagents/createUAgentsBridge'
import type { UAgentsBridgeOptions } from '../../../src/server/adapters/uagents/UAgentsBridgeOptions'
import { serveFake, type ServedFake } from '../fakeHost/serveFake'
import { createFakeUAgent, type FakeUAgent, type FakeUAgentOptions } from './createFakeUAgent'

/** A fake uAgent and a bridge, each on its own real HTTP server of 127.0.0.1. */
export interface UAgentsWorld {
  agent: FakeUAgent
  bridge: UAgentsBridge
  agentHost: ServedFake
  bridgeHost: ServedFake
  /** The bridge's browser API base URL (what `UAgentsChatAgent` takes as `url`). */
  url: string
  close(): Promise<void>
}

/** Starts the fake agent and the bridge; the agent resolves the bridge's address to its `/submit`. */
export async function startUAgentsWorld(
  bridgeOptions: Partial<UAgentsBridgeOptions> = {},
  agentOptions: Partial<FakeUAgentOptions> = {},
): Promise<UAgentsWorld> {
  const ref: { agent?: FakeUAgent; bridge?: UAgentsBridge } = {}
  const agentHost = await serveFake({ http: (r) => ref.agent!.http(r) })
  const bridgeHost = await serveFake({ http: (r) => ref.bridge!.handle(r) })
  const bridge = (ref.bridge = createUAgentsBridge({
    agentAddress: 'agent1qfakeuagent0000000000000000000000000000000000000000000000',
    agentEndpoint: `${agentHost.url}/submit`,
    publicUrl: bridgeHost.url,
    basePath: '/uagents',
    ackTimeoutMs: 2000,
    keepAliveMs: 0,
    ...bridgeOptions,
  }))
  const bridgeAddress = bridge.address
  const agent = (ref.agent = createFakeUAgent({
    endpoint: `${agentHost.url}/submit`,
    resolve: (address) =>
      address === bridgeAddress ? `${bridgeHost.url}/submit` : 'http://127.0.0.1:9/submit',
    ...agentOptions,
  }))
  return {
    agent,
    bridge,
    agentHost,
    bridgeHost,
    url: `${bridgeHost.url}/uagents`,
    async close() {
      bridge.close()
      await Promise.all([agentHost.close(), bridgeHost.close()])
    },
  }
}
