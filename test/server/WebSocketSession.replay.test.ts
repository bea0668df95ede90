/**
 * A WebSocket replay yields to the event loop (fault-findings F2): a resume of a long buffered
 * run must not send the whole replay (or 1 MiB of it) in one event-loop turn, or every other
 * socket of the process waits behind it. Measured structurally (frames per turn), not by time.
 */
import { afterEach, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import type { BaseEvent } from '../../src/core/protocol/types'
import { createRunRegistry } from '../../src/server/createRunRegistry'
import { runInput } from './sseClient'
import { connect, type TestSocket } from './wsClient'
import { startWsServer, type WsTestServer } from './wsServer'

let server: WsTestServer | undefined
const sockets: TestSocket[] = []
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close()
  await server?.close()
  server = undefined
})

const DELTAS = 10_000

/** A run of `DELTAS` text deltas (~1 MB of frames), produced as fast as the server reads it. */
async function* longRun(): AsyncGenerator<BaseEvent> {
  yield { type: 'RUN_STARTED', threadId: 'thread-1', runId: 'run-1' } as BaseEvent
  yield { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' } as BaseEvent
  for (let i = 0; i < DELTAS; i++)
    yield {
      type: 'TEXT_MESSAGE_CONTENT',
      messageId: 'm',
      delta: `delta ${i} `.padEnd(60, '.'),
    } as BaseEvent
  yield { type: 'TEXT_MESSAGE_END', messageId: 'm' } as BaseEvent
  yield { type: 'RUN_FINISHED', threadId: 'thread-1', runId: 'run-1' } as BaseEvent
}

it('a resume of a 10,000-event buffered run is sent over many event-loop turns (a few hundred frames each), and whole', async () => {
  const registry = createRunRegistry({ maxEvents: 20_000, maxBytes: 64 * 1024 * 1024 })
  server = await startWsServer({ agent: () => longRun(), resumable: registry })
  let sent = 0
  server.ws.wss.on('connection', (ws: WebSocket) => {
    const send = ws.send.bind(ws) as (...args: unknown[]) => void
    ;(ws as unknown as { send: (...args: unknown[]) => void }).send = (...args) => {
      sent++
      send(...args)
    }
  })
  const first = await connect(server.url)
  sockets.push(first)
  first.send({ type: 'run', input: runInput('hi') })
  await first.runToEnd('run-1', 20_000)
  await registry.get('run-1')!.done

  const second = await connect(server.url)
  sockets.push(second)
  const before = sent
  let turns = 0
  let mostPerTurn = 0
  let last = sent
  const ticking = (async () => {
    while (sent - before < DELTAS + 4) {
      await new Promise((resolve) => setImmediate(resolve))
      turns++
      mostPerTurn = Math.max(mostPerTurn, sent - last)
      last = sent
    }
  })()
  second.send({ type: 'resume', threadId: 'thread-1', runId: 'run-1', lastEventId: 0 })
  const replayed = await second.runToEnd('run-1', 20_000)
  await ticking
  expect(replayed.map((f) => f.id)).toEqual(Array.from({ length: DELTAS + 4 }, (_, i) => i + 1))
  expect(mostPerTurn).toBeLessThanOrEqual(512)
  expect(turns).toBeGreaterThanOrEqual(DELTAS / 512)
}, 60_000)
