// Long-task attribution for the rendering benchmark (issue 7): `node bench/render/profile.mjs
// [--seconds N] [--names]`
// (--names: unminified build, function names kept). Traces (Chromium CDP Tracing) an idle baseline, the 500 tokens/s stream into a
// 1,000-message <Chat /> and the 10,000-message scroll, and prints every main-thread task over
// 50 ms with its wall time, its CPU time and what ran in it. See profileLongTasks.ts.
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const at = process.argv.indexOf('--seconds')
const seconds = at === -1 ? 10 : Number(process.argv[at + 1])
const { module } = await runnerImport(
  fileURLToPath(new URL('./profileLongTasks.ts', import.meta.url)),
  { configFile: false, logLevel: 'warn' },
)
const before = loadavg()[0]
const scenarios = await module.profileLongTasks({
  seconds,
  names: process.argv.includes('--names'),
})
console.log(module.formatProfile(scenarios))
console.log(
  `\nload average ${before.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
)
