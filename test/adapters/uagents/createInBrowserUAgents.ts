import {
  createUAgentsBridge,
  type UAgentsBridge,
} from '../../../src/server/adapters/uagents/createUAgentsBridge'
import type { UAgentsBridgeOptions } from '../../../src/server/adapters/uagents/UAgentsBridgeOptions'
import { createInBrowserFake } from '../fakeHost/createInBrowserFake'
import {
  createFakeUAgent,
  FAKE_AGENT_ADDRESS,
  type FakeUAgent,
  type FakeUAgentOptions,
} from './createFakeUAgent'

/** The bridge's browser API and a fake uAgent, both hosted in the page (no network). */
export interface InBrowserUAgents {
  /** Give to `UAgentsChatAgent` as `fetch`. */
  fetch: typeof fetch
  /** Give to `UAgentsChatAgent` as `url`. */
  url: string
  agent: FakeUAgent
  bridge: UAgentsBridge
}

const AGENT_ORIGIN = 'http://uagent.test'
const BRIDGE_ORIGIN = 'http://uagents-bridge.test'

/**
 * The real bridge (`createUAgentsBridge`: it is a web-standard handler with WebCrypto digests)
 * and the fake uAgent, wired through in-page fetches: the bridge POSTs envelopes to the agent's
 * `/submit`, the agent pushes replies and acknowledgements to the bridge's `/submit`. For
 * Storybook and jsdom tests.
 */
export function createInBrowserUAgents(
  bridgeOptions: Partial<UAgentsBridgeOptions> = {},
  agentOptions: Partial<FakeUAgentOptions> = {},
): InBrowserUAgents {
  const ref: { agent?: FakeUAgent; bridge?: UAgentsBridge } = {}
  const agentHost = createInBrowserFake({ http: (r) => ref.agent!.http(r) }, AGENT_ORIGIN)
  const bridgeHost = createInBrowserFake({ http: (r) => ref.bridge!.handle(r) }, BRIDGE_ORIGIN)
  const bridge = (ref.bridge = createUAgentsBridge({
    agentAddress: FAKE_AGENT_ADDRESS,
    agentEndpoint: `${AGENT_ORIGIN}/submit`,
    publicUrl: BRIDGE_ORIGIN,
    basePath: '/uagents',
    keepAliveMs: 0,
    fetch: agentHost.fetch,
    ...bridgeOptions,
  }))
  const agent = (ref.agent = createFakeUAgent({
    endpoint: `${AGENT_ORIGIN}/submit`,
    resolve: () => `${BRIDGE_ORIGIN}/submit`,
    fetch: bridgeHost.fetch,
    ...agentOptions,
  }))
  return { fetch: bridgeHost.fetch, url: `${BRIDGE_ORIGIN}/uagents`, agent, bridge }
}
