import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { createServer as createVite, type ViteDevServer } from 'vite'
import { launchChromium, type LaunchedChromium } from './launchChromium'

/** A Chromium page on the app's own Node server, with the kit's core at `window.__awrCore`. */
export interface KitPage {
  page: Page
  /** `http://127.0.0.1:<port>`: the page's origin (the app server). */
  origin: string
  close(): Promise<void>
}

/**
 * Starts an app server whose routes are `routes` (e.g. a same-origin proxy; `next()` falls
 * through), then `/` (a blank page) and the repository's source through Vite in middleware
 * mode; opens it in headless Chromium and imports `src/core/index.ts` into `window.__awrCore`
 * (a module script, since vitest rewrites an `import()` inside `page.evaluate`).
 */
export async function startKitPage(
  routes: (req: IncomingMessage, res: ServerResponse, next: () => void) => void,
): Promise<KitPage> {
  const vite: ViteDevServer = await createVite({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    configFile: false,
    server: { middlewareMode: true, hmr: false },
    appType: 'custom',
    logLevel: 'warn',
    optimizeDeps: { include: ['zod/mini', 'eventsource-parser', '@cfworker/json-schema'] },
  })
  const front: Server = createServer((req, res) =>
    routes(req, res, () => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' })
        return void res.end('<!doctype html><title>app</title><main>app</main>')
      }
      vite.middlewares(req, res)
    }),
  )
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(front.address() as AddressInfo).port}`
  const browser: LaunchedChromium = await launchChromium()
  const page = await browser.context.newPage()
  await page.goto(`${origin}/`)
  await page.addScriptTag({
    type: 'module',
    content: "import * as core from '/src/core/index.ts'; window.__awrCore = core",
  })
  await page.waitForFunction(() => '__awrCore' in window, undefined, { timeout: 30_000 })
  return {
    page,
    origin,
    async close() {
      await page.close()
      await browser.close()
      front.closeAllConnections()
      await new Promise<void>((resolve) => front.close(() => resolve()))
      await vite.close()
    },
  }
}
