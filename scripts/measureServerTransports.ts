// Rough figures for the server transports (issue 6): a 10 000-event burst over SSE and over
// WebSocket, a full replay of it, 20 concurrent runs on one WebSocket, and the replay buffer's
// size. Run with `node scripts/measure-server-transports.mjs` (it builds this file first).
// Loopback, one process: figures, not a benchmark; `npm run bench` is.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createParser } from 'eventsource-parser'
import { WebSocket } from 'ws'
import {
  attachWebSocket,
  createAgentHandler,
  createRunRegistry,
  type AgentHandlerFn,
} from '../src/server/index'

const EVENTS = 10_000

const burst: AgentHandlerFn = async function* (input) {
  const { threadId, runId } = input
  yield { type: 'RUN_STARTED', threadId, runId }
  yield { type: 'TEXT_MESSAGE_START', messageId: `${runId}-m`, role: 'assistant' }
  for (let i = 0; i < EVENTS - 4; i++)
    yield { type: 'TEXT_MESSAGE_CONTENT', messageId: `${runId}-m`, delta: `token ${i} ` }
  yield { type: 'TEXT_MESSAGE_END', messageId: `${runId}-m` }
  yield { type: 'RUN_FINISHED', threadId, runId }
}

const input = (runId: string) => ({ threadId: 't', runId, messages: [], tools: [], context: [] })

async function readSse(response: Response): Promise<number> {
  let count = 0
  const parser = createParser({ onEvent: () => count++ })
  const decoder = new TextDecoder()
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
    parser.feed(decoder.decode(chunk, { stream: true }))
  return count
}

function wsRuns(url: string, frames: object[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['awr.v1'])
    let events = 0
    let ends = 0
    ws.on('open', () => frames.forEach((f) => ws.send(JSON.stringify(f))))
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string }
      if (frame.type === 'event') events++
      if (frame.type === 'end' && ++ends === frames.length) {
        ws.close()
        resolve(events)
      }
    })
    ws.on('error', reject)
  })
}

async function time<T>(label: string, fn: () => Promise<T>, describe: (r: T) => string) {
  const t0 = performance.now()
  const result = await fn()
  const ms = performance.now() - t0
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${describe(result)}`)
  return ms
}

export async function main(): Promise<void> {
  const registry = createRunRegistry()
  const server = createServer(createAgentHandler(burst, { resumable: registry, heartbeatMs: 0 }))
  const ws = attachWebSocket(server, { agent: burst, path: '/ws', resumable: registry })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const wsUrl = base.replace('http', 'ws') + '/ws'
  const perSecond = (n: number, ms: number) =>
    `${Math.round((n / ms) * 1000).toLocaleString('en')} events/s`

  const post = (runId: string) =>
    fetch(base, { method: 'POST', body: JSON.stringify(input(runId)) })
  // Warm-up (JIT), not measured: one run over each transport.
  await readSse(await post('warm-sse'))
  await wsRuns(wsUrl, [{ type: 'run', input: input('warm-ws') }])
  let n = 0
  const sseMs = await time(
    `SSE: ${EVENTS} events, one run`,
    async () => (n = await readSse(await post('sse'))),
    (c) => `${c} received`,
  )
  console.log(`${''.padEnd(52)}${perSecond(n, sseMs)}`)
  const buffer = registry.get('sse')!.buffer
  console.log(
    `replay buffer of that run: ${buffer.size} events, ${(buffer.bytes / 1024).toFixed(0)} KiB of JSON`,
  )
  const replayMs = await time(
    'SSE: replay all of it (Last-Event-ID: 0)',
    async () =>
      (n = await readSse(
        await fetch(`${base}/runs/sse/events`, { headers: { 'Last-Event-ID': '0' } }),
      )),
    (c) => `${c} received`,
  )
  console.log(`${''.padEnd(52)}${perSecond(n, replayMs)}`)
  const wsMs = await time(
    `WebSocket: ${EVENTS} events, one run`,
    async () => (n = await wsRuns(wsUrl, [{ type: 'run', input: input('ws') }])),
    (c) => `${c} received`,
  )
  console.log(`${''.padEnd(52)}${perSecond(n, wsMs)}`)
  const wsReplayMs = await time(
    'WebSocket: replay all of it (resume 0)',
    async () =>
      (n = await wsRuns(wsUrl, [{ type: 'resume', threadId: 't', runId: 'ws', lastEventId: 0 }])),
    (c) => `${c} received`,
  )
  console.log(`${''.padEnd(52)}${perSecond(n, wsReplayMs)}`)
  const runs = Array.from({ length: 20 }, (_, i) => ({ type: 'run', input: input(`c${i}`) }))
  const concurrentMs = await time(
    `WebSocket: 20 concurrent runs × ${EVENTS} on one socket`,
    async () => (n = await wsRuns(wsUrl, runs)),
    (c) => `${c} received`,
  )
  console.log(`${''.padEnd(52)}${perSecond(n, concurrentMs)}`)
  const heap = process.memoryUsage().heapUsed / 1024 / 1024
  console.log(
    `heap used with ${registry.size} runs of 10 000 events buffered: ${heap.toFixed(0)} MiB`,
  )

  await ws.close()
  registry.close()
  server.closeAllConnections()
  await new Promise<void>((r) => server.close(() => r()))
}
