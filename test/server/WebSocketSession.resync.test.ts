/** WebSocket snapshot re-sync of an ended run whose replay buffer expired (issue 6, README). */
import { afterEach, expect, it } from 'vitest'
import { createRunRegistry } from '../../src/server/createRunRegistry'
import { createGatedAgent } from './gatedAgent'
import { runInput } from './sseClient'
import { connect, type Frame, type TestSocket } from './wsClient'
import { startWsServer, type WsTestServer } from './wsServer'

let server: WsTestServer | undefined
const sockets: TestSocket[] = []
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close()
  await server?.close()
  server = undefined
})

async function expiredRun() {
  let now = 0
  const gated = createGatedAgent(2)
  gated.releaseAll()
  const registry = createRunRegistry({ ttlMs: 100, now: () => now })
  server = await startWsServer({ agent: gated.agent, resumable: registry })
  const first = await connect(server.url)
  sockets.push(first)
  first.send({ type: 'run', input: runInput('hi') })
  const events = await first.runToEnd('run-1')
  await registry.get('run-1')!.done
  now += 100
  expect(registry.get('run-1')).toBeUndefined()
  const second = await connect(server.url)
  sockets.push(second)
  return { gated, events, second }
}

const types = (frames: Frame[]) => frames.map((f) => (f.event as { type: string }).type)

it('`resume` from an id: snapshot, closers of what was open there, state, terminal; ids after the run', async () => {
  const { events, second } = await expiredRun()
  expect(events).toHaveLength(8)
  second.send({ type: 'resume', threadId: 'thread-1', runId: 'run-1', lastEventId: 4 })
  const frames = await second.runToEnd('run-1')
  expect(frames.map((f) => f.id)).toEqual([9, 10, 11, 12, 13])
  expect(types(frames)).toEqual([
    'MESSAGES_SNAPSHOT',
    'TEXT_MESSAGE_END',
    'STEP_FINISHED',
    'STATE_SNAPSHOT',
    'RUN_FINISHED',
  ])
})

it('a re-sent `run` of that runId (same thread) is re-synced from RUN_STARTED, not run again', async () => {
  const { gated, second } = await expiredRun()
  const produced = gated.produced.get('run-1')
  second.send({ type: 'run', input: runInput('hi') })
  const frames = await second.runToEnd('run-1')
  expect(types(frames)).toEqual([
    'RUN_STARTED',
    'MESSAGES_SNAPSHOT',
    'STATE_SNAPSHOT',
    'RUN_FINISHED',
  ])
  expect(gated.produced.get('run-1')).toBe(produced) // the agent did not run again
})

it('another thread asking for that runId is told run_not_found (resume) or busy (run)', async () => {
  const { second } = await expiredRun()
  second.send({ type: 'resume', threadId: 'other', runId: 'run-1', lastEventId: 0 })
  expect((await second.waitFor((f) => f.type === 'error')).code).toBe('run_not_found')
  second.send({ type: 'run', input: runInput('hi', { threadId: 'other' }) })
  expect((await second.waitFor((f) => f.type === 'error' && f.code === 'busy')).runId).toBe('run-1')
})
