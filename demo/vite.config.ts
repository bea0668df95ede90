import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

type ServerModule = typeof import('../src/server/index')

/** Options of {@link agentApiPlugin}. */
interface AgentApiPluginOptions {
  /** Mount path of the demo agent (SSE; resume and cancel below it). Default `'/api/agent'`. */
  path?: string
  /** Path of the WebSocket endpoint. Default `` `${path}/ws` ``. */
  wsPath?: string
  /** Delay between streamed tokens, in milliseconds (see `createDemoAgent`). Default `25`. */
  tokenDelayMs?: number
}

/** What one load of the server module serves: both endpoints over one run registry. */
interface Endpoints {
  mod: ServerModule
  handler: ReturnType<ServerModule['createAgentHandler']>
  ws: ReturnType<ServerModule['createWebSocketAgentServer']>
}

const serverEntry = fileURLToPath(new URL('../src/server/index.ts', import.meta.url))

/**
 * Vite plugin for the demo: serves the deterministic demo agent (`createDemoAgent`, from
 * `src/server`) on the dev server, so one `vite` process serves the page and the agent:
 * - SSE at `POST /api/agent`, resumable (`GET /api/agent/runs/<runId>/events` with
 *   `Last-Event-ID`, `POST /api/agent/runs/<runId>/cancel`), through `createAgentHandler`;
 * - WebSocket at `/api/agent/ws`, through `createWebSocketAgentServer` on Vite's own HTTP
 *   server (`server.httpServer`'s `'upgrade'` event; Vite's HMR socket is left alone).
 * Both share one run registry, so a run started on one transport resumes on the other. The
 * server module is loaded through `server.ssrLoadModule` (TypeScript, no extra runner); an
 * edited module is picked up on the next request, with a fresh registry.
 */
function agentApiPlugin(options: AgentApiPluginOptions = {}): Plugin {
  const { path = '/api/agent', tokenDelayMs } = options
  const wsPath = options.wsPath ?? `${path}/ws`
  return {
    name: 'agent-wire-react:demo-agent',
    configureServer(server) {
      let cached: Endpoints | undefined
      const endpoints = async (): Promise<Endpoints> => {
        const mod = (await server.ssrLoadModule(serverEntry)) as ServerModule
        if (cached?.mod !== mod) {
          void cached?.ws.close()
          const agent = mod.createDemoAgent({ tokenDelayMs })
          const registry = mod.createRunRegistry()
          cached = {
            mod,
            handler: mod.createAgentHandler(agent, { resumable: registry }),
            ws: mod.createWebSocketAgentServer({ agent, resumable: registry }),
          }
        }
        return cached
      }

      server.middlewares.use(
        path,
        (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
          endpoints()
            .then((e) => e.handler(req, res, next))
            .catch(next)
        },
      )

      server.httpServer?.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (new URL(req.url ?? '/', 'http://localhost').pathname !== wsPath) return
        endpoints()
          .then((e) => e.ws.handleUpgrade(req, socket, head))
          .catch((error: unknown) => {
            server.config.logger.error(`demo agent WebSocket: ${String(error)}`)
            socket.destroy()
          })
      })
      server.httpServer?.on('close', () => void cached?.ws.close())
    },
  }
}

/**
 * The demo app (`npm start`): one Vite dev server that serves `demo/index.html` and the
 * deterministic demo agent at `/api/agent` (SSE) and `/api/agent/ws` (WebSocket); see
 * `agentApiPlugin`. Default port 5173.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), agentApiPlugin()],
  server: { port: 5173 },
  clearScreen: false,
})
