// `npm run bench`: builds the suite (bench/suite.ts with the kit's sources, dependencies left
// external, as a user's bundler would see them) with Vite, then runs it in this Node process.
// Options: `node bench/run.mjs [scenario ...]` runs only the named groups
// (text, e2e, tools, state, bundle); all by default.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

const outDir = resolve('node_modules/.cache/awr-bench')
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: resolve('bench/suite.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
  },
})
const suite = await import(pathToFileURL(resolve(outDir, 'suite.js')).href)
await suite.main(process.argv.slice(2))
