// Per-token reducer cost against thread length (O(1) check). Run `npm run build` first, then
// `node scripts/measure-reducer.mjs`. A rough figure, not a benchmark: `npm run bench` (issue 7) is.
import { applyEvent, createSnapshot } from '../dist/core.js'
function thread(n) {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    role: i % 2 ? 'assistant' : 'user',
    content: `message ${i}`,
  }))
}
for (const n of [100, 1000, 10000]) {
  let s = createSnapshot({ messages: thread(n) })
  s = applyEvent(s, { type: 'RUN_STARTED', threadId: 't', runId: 'r' })
  s = applyEvent(s, { type: 'TEXT_MESSAGE_START', messageId: 'x', role: 'assistant' })
  const N = 200000
  for (let i = 0; i < 20000; i++)
    s = applyEvent(s, { type: 'TEXT_MESSAGE_CONTENT', messageId: 'x', delta: 'a' })
  const t0 = performance.now()
  for (let i = 0; i < N; i++)
    s = applyEvent(s, { type: 'TEXT_MESSAGE_CONTENT', messageId: 'x', delta: 'a' })
  const dt = performance.now() - t0
  console.log(
    `prior messages ${n}: ${(((N / dt) * 1000) / 1e6).toFixed(2)} M TEXT_MESSAGE_CONTENT/s (${((dt * 1000) / N).toFixed(3)} µs each)`,
  )
}
