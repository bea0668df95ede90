import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build, createServer, preview, type InlineConfig } from 'vite'
import { freePort } from '../../test/browser/startDemoVite'

/** Directory of the rendering bench page (index.html, main.tsx). */
export const PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url))

/** A served bench page: its URL and how to stop serving it. */
export interface RenderPage {
  url: string
  close(): Promise<void>
}

/** Every package the page loads (the kit's browser dependencies, React, `@ag-ui/client`). */
const PAGE_DEPENDENCIES = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-markdown',
  'remark-gfm',
  '@tanstack/react-virtual',
  'zod/mini',
  'zod/v4/core',
  '@ag-ui/core',
  '@ag-ui/client',
  'rxjs',
  'partial-json',
  'fast-json-patch',
  'eventsource-parser',
  '@cfworker/json-schema',
]

function config(): InlineConfig {
  return {
    configFile: false,
    root: PAGE_ROOT,
    plugins: [react()],
    logLevel: 'warn',
  }
}

/**
 * Serves the page with Vite's dev server (development React: warnings on, fast start). For the
 * browser tests, which check behaviour, not speed.
 */
export async function startRenderPageDev(): Promise<RenderPage> {
  const port = await freePort()
  // Our own dependency cache, filled before the first request: no reload mid-test when Vite
  // discovers a dependency late, and no clash with other dev servers sharing node_modules/.vite.
  const cacheDir = await mkdtemp(join(tmpdir(), 'awr-render-page-vite-'))
  const server = await createServer({
    ...config(),
    cacheDir,
    optimizeDeps: { include: PAGE_DEPENDENCIES },
    server: { port, strictPort: true, host: '127.0.0.1' },
  })
  await server.listen()
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await server.close()
      await rm(cacheDir, { recursive: true, force: true })
    },
  }
}

/**
 * Builds the page for production (minified, production React, as users ship it) into a
 * temporary directory and serves it with `vite preview`. For the benchmark; `minify: false`
 * (default true) keeps function names for profiles.
 */
export async function startRenderPageBuilt({
  minify = true,
}: { minify?: boolean } = {}): Promise<RenderPage> {
  const outDir = await mkdtemp(join(tmpdir(), 'awr-render-bench-'))
  // Under vitest NODE_ENV is `test`, which would build development React and JSX.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      ...config(),
      mode: 'production',
      build: {
        outDir,
        emptyOutDir: true,
        reportCompressedSize: false,
        // Unminified (function names kept) for profiling: bench/render/profile.mjs --names.
        minify,
        chunkSizeWarningLimit: 10_000,
      },
    })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  const port = await freePort()
  const server = await preview({
    ...config(),
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  })
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
      await rm(outDir, { recursive: true, force: true })
    },
  }
}
