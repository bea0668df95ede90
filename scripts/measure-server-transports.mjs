// `node scripts/measure-server-transports.mjs`: builds scripts/measureServerTransports.ts (the
// kit's server sources, dependencies external) with Vite, then runs it in this Node process.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

const outDir = resolve('node_modules/.cache/awr-measure-transports')
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: resolve('scripts/measureServerTransports.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
  },
})
const script = await import(pathToFileURL(resolve(outDir, 'measureServerTransports.js')).href)
await script.main()
