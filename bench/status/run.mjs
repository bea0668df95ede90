// `node bench/status/run.mjs`: builds bench/status/deriveStatus.ts with Vite (sources bundled, as
// bench/run.mjs does) and runs it in this process.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

const outDir = resolve('node_modules/.cache/awr-bench-status')
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: resolve('bench/status/deriveStatus.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
  },
})
const bench = await import(pathToFileURL(resolve(outDir, 'deriveStatus.js')).href)
bench.main()
