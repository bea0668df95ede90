import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ProtolinkAgent, type ProtolinkAgentOptions } from '../../../src/core/adapters/protolink'
import { createSameOriginProxy } from '../../../src/server/adapters/createSameOriginProxy'
import { createProtolinkApprovalRoutes } from '../../../src/server/adapters/protolink'
import { serveFake, type ServedFake } from '../fakeHost/serveFake'
import {
  createProtolinkFake,
  type ProtolinkFake,
  type ProtolinkFakeOptions,
} from './createProtolinkFake'

/**
 * The deployment the docs describe, on real sockets: the Protolink fake on its own port (no
 * CORS), and the app's Node server in front of it serving the kit's approval routes and the
 * same-origin proxy under `/protolink`. Agents talk to `<front>/protolink` only.
 */
export interface ProtolinkHarness {
  fake: ProtolinkFake
  served: ServedFake
  /** `http://127.0.0.1:<front port>/protolink`. */
  baseUrl: string
  agent(options?: Partial<ProtolinkAgentOptions>): ProtolinkAgent
  close(): Promise<void>
}

/** Starts the fake and the front server (approval routes + proxy, optional server-side token). */
export async function startProtolink(
  options: ProtolinkFakeOptions & { proxyToken?: string } = {},
): Promise<ProtolinkHarness> {
  const approvals = createProtolinkApprovalRoutes({ pathPrefix: '/protolink' })
  const fake = createProtolinkFake({ ...options, broker: approvals.broker })
  const served = await serveFake(fake)
  const proxy = createSameOriginProxy({
    target: served.url,
    pathPrefix: '/protolink',
    ...(options.proxyToken && { headers: { Authorization: `Bearer ${options.proxyToken}` } }),
  })
  const front = createServer((req, res) => approvals(req, res, () => proxy(req, res)))
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}/protolink`
  return {
    fake,
    served,
    baseUrl,
    agent: (overrides = {}) => new ProtolinkAgent({ baseUrl, ...overrides }),
    async close() {
      front.closeAllConnections()
      await new Promise<void>((resolve) => front.close(() => resolve()))
      await served.close()
    },
  }
}

/** Resolves when `predicate()` holds, polling every 5 ms (rejects after `timeoutMs`). */
export async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('until: timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}
