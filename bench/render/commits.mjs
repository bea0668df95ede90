// Where the React commits of the streaming scenario go (issue 7): `node bench/render/commits.mjs
// [--seconds N] [--runs N] [--names] [--hz N]`. Streams 500 tokens/s into a 1,000-message
// <Chat /> (on an emulated N Hz display with --hz; Chromium's 60 Hz otherwise; no
// tracing, unlike profile.mjs), then prints commits/s, the animation frames by the number of
// commits in them, and for each frame with more than one commit what rendered in each (with
// --names the page is built unminified, so components keep their names).
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}
const { module } = await runnerImport(
  fileURLToPath(new URL('./commitsPerFrame.ts', import.meta.url)),
  { configFile: false, logLevel: 'warn' },
)
const reports = await module.commitsPerFrame({
  seconds: arg('--seconds', 10),
  runs: arg('--runs', 1),
  names: process.argv.includes('--names'),
  hz: arg('--hz', undefined),
})
console.log(module.formatCommits(reports))
