// Rendering benchmark (issue 7): `node bench/render/run.mjs [--quick]`.
// Builds bench/render/page for production, runs it in headless Chromium (test/browser/
// launchChromium.ts: $CHROMIUM_PATH, /usr/bin/chromium or Playwright's), streams 500 tokens/s for
// 10 s into a 1,000-message <Chat /> and into a naive list over @ag-ui/client, opens and scrolls
// a 10,000-message thread with both, streams again on an emulated 120 Hz display, prints the
// table and writes bench/results/render.json.
// `--quick` streams for 2 s instead (a smoke run; the file is written all the same).
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const quick = process.argv.includes('--quick')
const { module } = await runnerImport(
  fileURLToPath(new URL('./runRenderBench.ts', import.meta.url)),
  { configFile: false, logLevel: 'warn' },
)
const rows = await module.runRenderBench(quick ? { seconds: 2 } : {})
console.log(module.formatRows(rows))
// Long tasks and frame times are wall-clock figures: a busy machine stretches them.
const [load] = loadavg()
const cores = availableParallelism()
console.log(`\nload average ${load.toFixed(1)} on ${cores} cores during the run`)
if (load > cores) {
  console.warn(
    'The machine was oversubscribed: long-task and frame figures are unreliable; rerun when idle.',
  )
}
const failed = rows.filter((row) => row.pass === false)
if (failed.length) {
  console.error(
    `\n${failed.length} rendering target(s) missed: ${failed.map((r) => r.scenario).join('; ')}`,
  )
  process.exitCode = 1
}
