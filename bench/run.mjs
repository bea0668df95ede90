// `npm run bench` (issue 7). First the rendering benchmark in headless Chromium
// (bench/render/run.mjs, a child process: it writes bench/results/render.json), then the Node
// suite: bench/suite.ts is built with Vite (the kit's sources bundled, dependencies external, as
// a user's bundler would see them) and run in this process; it prints the whole table and writes
// bench/results/node.json.
//
//   node bench/run.mjs                 everything
//   node bench/run.mjs --no-render     the Node suite only (the table reuses render.json)
//   node bench/run.mjs text tools      only these Node groups (text, e2e, tools, state, bundle)
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

const args = process.argv.slice(2)
const groups = args.filter((a) => !a.startsWith('--'))
if (!args.includes('--no-render') && groups.length === 0) {
  const render = spawnSync(process.execPath, [resolve('bench/render/run.mjs')], {
    stdio: 'inherit',
  })
  if (render.status !== 0)
    console.warn('bench: the rendering benchmark failed or missed a target (see above)')
}

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
await suite.main(groups)
