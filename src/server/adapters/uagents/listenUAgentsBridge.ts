import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from '../../toNodeListener'
import type { UAgentsBridge } from './createUAgentsBridge'

/**
 * Serves a uAgents bridge on Node (`node:http`). Resolves once listening, with the server and
 * its port (use port 0 for an ephemeral one). Closing the server does not close the bridge:
 * call `bridge.close()` too.
 *
 * @example
 * const bridge = createUAgentsBridge({ agentAddress, agentEndpoint, publicUrl: 'https://me.example/uagents' })
 * await listenUAgentsBridge(bridge, { port: 8787 })
 */
export function listenUAgentsBridge(
  bridge: UAgentsBridge,
  { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<{ server: Server; port: number }> {
  const server = createServer(toNodeListener((request) => bridge.handle(request)))
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    )
  })
}
