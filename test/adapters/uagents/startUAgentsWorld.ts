import {
  createUAgentsBridge,
  type UAgentsBridge,
} from '../../../src/server/adapters/uagents/createUAgentsBridge'
import type { UAgentsBridgeOptions } from '../../../src/server/adapters/uagents/UAgentsBridgeOptions'
import {
  createUAgentsIdentity,
  verifyUAgentsEnvelope,
  type UAgentsIdentity,
} from '../../../src/server/adapters/uagents/uagentsIdentity'
import { serveFake, type ServedFake } from '../fakeHost/serveFake'
import { createFakeUAgent, type FakeUAgent, type FakeUAgentOptions } from './createFakeUAgent'

/** A fake uAgent and a bridge, each on its own real HTTP server of 127.0.0.1. */
export interface UAgentsWorld {
  agent: FakeUAgent
  /** The agent's signing identity (its address is the agent's). */
  identity: UAgentsIdentity
  bridge: UAgentsBridge
  agentHost: ServedFake
  bridgeHost: ServedFake
  /** The bridge's browser API base URL (what `UAgentsChatAgent` takes as `url`). */
  url: string
  close(): Promise<void>
}

/**
 * Starts the fake agent (signing with a fresh secp256k1 identity) and the bridge (verifying
 * signatures); the agent resolves the bridge's address to its `/submit`.
 */
export async function startUAgentsWorld(
  bridgeOptions: Partial<UAgentsBridgeOptions> = {},
  agentOptions: Partial<FakeUAgentOptions> = {},
): Promise<UAgentsWorld> {
  const ref: { agent?: FakeUAgent; bridge?: UAgentsBridge } = {}
  const identity = createUAgentsIdentity()
  const agentHost = await serveFake({ http: (r) => ref.agent!.http(r) })
  const bridgeHost = await serveFake({ http: (r) => ref.bridge!.handle(r) })
  const bridge = (ref.bridge = createUAgentsBridge({
    agentAddress: identity.address,
    verify: verifyUAgentsEnvelope,
    agentEndpoint: `${agentHost.url}/submit`,
    publicUrl: bridgeHost.url,
    basePath: '/uagents',
    ackTimeoutMs: 2000,
    keepAliveMs: 0,
    ...bridgeOptions,
  }))
  const bridgeAddress = bridge.address
  const agent = (ref.agent = createFakeUAgent({
    identity,
    endpoint: `${agentHost.url}/submit`,
    resolve: (address) =>
      address === bridgeAddress ? `${bridgeHost.url}/submit` : 'http://127.0.0.1:9/submit',
    ...agentOptions,
  }))
  return {
    agent,
    identity,
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
