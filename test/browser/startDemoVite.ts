import { createServer as createNetServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createServer, type ViteDevServer } from 'vite'

/** A free TCP port on 127.0.0.1 (bound then released). */
export async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * Starts the demo app exactly as `npm start` does (demo/vite.config.ts), on a free port,
 * and returns its URL and the Vite server (call `server.close()`).
 */
export async function startDemoVite(): Promise<{ url: string; server: ViteDevServer }> {
  const port = await freePort()
  const server = await createServer({
    configFile: fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url)),
    server: { port, strictPort: true, host: '127.0.0.1' },
    logLevel: 'warn',
  })
  await server.listen()
  return { url: `http://127.0.0.1:${port}/`, server }
}
