import type { IncomingMessage, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

type ServerModule = typeof import('../src/server/index')

/** Options of {@link agentApiPlugin}. */
interface AgentApiPluginOptions {
  /** Mount path of the demo agent. Default `'/api/agent'`. */
  path?: string
  /** Delay between streamed tokens, in milliseconds (see `createDemoAgent`). Default `25`. */
  tokenDelayMs?: number
}

const serverEntry = fileURLToPath(new URL('../src/server/index.ts', import.meta.url))

/**
 * Vite plugin for the demo: mounts the deterministic demo agent (`createDemoAgent` behind
 * `createAgentHandler`, from `src/server`) on the dev server at `POST /api/agent`, so one
 * `vite` process serves both the page and the agent. The server module is loaded through
 * `server.ssrLoadModule` (TypeScript, no extra runner; edits are picked up on the next request).
 */
function agentApiPlugin(options: AgentApiPluginOptions = {}): Plugin {
  const { path = '/api/agent', tokenDelayMs } = options
  return {
    name: 'agent-wire-react:demo-agent',
    configureServer(server) {
      let cached:
        { mod: ServerModule; handler: ReturnType<ServerModule['createAgentHandler']> } | undefined
      server.middlewares.use(
        path,
        (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
          server
            .ssrLoadModule(serverEntry)
            .then((loaded) => {
              const mod = loaded as ServerModule
              if (cached?.mod !== mod) {
                cached = {
                  mod,
                  handler: mod.createAgentHandler(mod.createDemoAgent({ tokenDelayMs })),
                }
              }
              cached.handler(req, res, next)
            })
            .catch(next)
        },
      )
    },
  }
}

/**
 * The demo app (`npm start`): one Vite dev server that serves `demo/index.html` and the
 * deterministic demo agent at `POST /api/agent` (see `agentApiPlugin`). Default port 5173.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), agentApiPlugin()],
  server: { port: 5173 },
  clearScreen: false,
})
