import { afterEach, describe, expect, it } from 'vitest'
import { reduceEvents } from '../../src/core/reducer/reduceEvents'
import { createGatedAgent } from './gatedAgent'
import { waitFor } from './httpServer'
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

async function open(url: string, protocols?: string[]) {
  const socket = await connect(url, protocols)
  sockets.push(socket)
  return socket
}

const ids = (frames: Frame[]) => frames.map((f) => f.id)
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('createWebSocketAgentServer', () => {
  it('selects awr.v1 and streams a run as event frames with ids 1..n, then end', async () => {
    const gated = createGatedAgent(3)
    gated.releaseAll()
    server = await startWsServer({ agent: gated.agent })
    const socket = await open(server.url)
    expect(socket.ws.protocol).toBe('awr.v1')
    socket.send({ type: 'run', input: runInput('hi') })
    const events = await socket.runToEnd('run-1')
    expect(ids(events)).toEqual(range(1, 9))
    expect(events[0].event).toEqual({ type: 'RUN_STARTED', threadId: 'thread-1', runId: 'run-1' })
    const end = socket.frames.findIndex((f) => f.type === 'end')
    expect(end).toBe(socket.frames.length - 1)
    expect(reduceEvents(events.map((f) => f.event)).run.status).toBe('finished')
  })

  it('multiplexes several runs on one connection, each in order with its own ids', async () => {
    const gated = createGatedAgent(20)
    server = await startWsServer({ agent: gated.agent })
    const socket = await open(server.url)
    const runIds = ['a', 'b', 'c']
    for (const runId of runIds) socket.send({ type: 'run', input: runInput('hi', { runId }) })
    await socket.waitFor((f) => f.type === 'event' && f.runId === 'c')
    gated.releaseAll()
    const results = await Promise.all(runIds.map((id) => socket.runToEnd(id)))
    for (const [i, events] of results.entries()) {
      expect(ids(events)).toEqual(range(1, 26))
      expect(
        events.every((f) => (f.event as { type: string }).type !== 'RUN_STARTED' || f.id === 1),
      ).toBe(true)
      expect(reduceEvents(events.map((f) => f.event)).messages[0]?.id).toBe(`${runIds[i]}-m`)
    }
    // Frames of different runs interleave on the wire.
    const order = socket.frames.filter((f) => f.type === 'event').map((f) => f.runId)
    expect(order.indexOf('c')).toBeLessThan(order.lastIndexOf('a'))
  })

  it('resume after a dropped connection replays exactly what was missed', async () => {
    const gated = createGatedAgent(10)
    server = await startWsServer({ agent: gated.agent })
    const first = await open(server.url)
    first.send({ type: 'run', input: runInput('hi') })
    gated.release(2)
    await first.waitFor((f) => f.id === 5)
    first.ws.terminate() // an abrupt drop, no closing handshake
    const run = server.ws.registry.get('run-1')!
    await waitFor(() => run.listenerCount === 0)
    gated.release(3)
    await waitFor(() => run.buffer.lastId === 8)
    const seen = first.events('run-1').filter((f) => (f.id ?? 0) <= 5)
    const second = await open(server.url)
    second.send({ type: 'resume', threadId: 'thread-1', runId: 'run-1', lastEventId: 5 })
    gated.releaseAll()
    const rest = await second.runToEnd('run-1')
    expect(ids(rest)).toEqual(range(6, 16))
    const all = [...seen, ...rest].map((f) => f.event)
    expect(reduceEvents(all).run.status).toBe('finished')
    expect(gated.signals.get('run-1')?.aborted).toBe(false)
  })

  it('detach stops the frames while the run goes on; resume with lastEventId 0 re-joins', async () => {
    const gated = createGatedAgent(6)
    server = await startWsServer({ agent: gated.agent })
    const socket = await open(server.url)
    socket.send({ type: 'run', input: runInput('hi') })
    await socket.waitFor((f) => f.id === 3)
    socket.send({ type: 'detach', runId: 'run-1' })
    const run = server.ws.registry.get('run-1')!
    await waitFor(() => run.listenerCount === 0)
    const before = socket.frames.length
    gated.releaseAll()
    await run.done
    expect(run.status).toBe('finished')
    expect(socket.frames.length).toBe(before) // nothing more arrived after detach
    socket.send({ type: 'resume', threadId: 'thread-1', runId: 'run-1', lastEventId: 0 })
    await socket.waitFor((f) => f.type === 'end', 3000, before)
    expect(ids(socket.frames.slice(before).filter((f) => f.type === 'event'))).toEqual(range(1, 12))
  })

  it('stop cancels the run: the agent signal fires and RUN_FINISHED cancelled, then end', async () => {
    const gated = createGatedAgent(50)
    server = await startWsServer({ agent: gated.agent })
    const socket = await open(server.url)
    socket.send({ type: 'run', input: runInput('hi') })
    gated.release(1)
    await socket.waitFor((f) => f.id === 4)
    socket.send({ type: 'stop', runId: 'run-1' })
    const events = await socket.runToEnd('run-1')
    expect(gated.signals.get('run-1')?.aborted).toBe(true)
    expect(events.at(-1)?.event).toMatchObject({
      type: 'RUN_FINISHED',
      outcome: { type: 'cancelled' },
    })
    expect(reduceEvents(events.map((f) => f.event)).run.status).toBe('cancelled')
    socket.send({ type: 'stop', runId: 'nope' })
    expect(await socket.waitFor((f) => f.type === 'error')).toMatchObject({
      code: 'run_not_found',
      runId: 'nope',
    })
  })

  it('answers run_not_found, replay_gap (with firstId) and busy as error frames', async () => {
    const gated = createGatedAgent(10)
    server = await startWsServer({ agent: gated.agent, resumable: { maxEvents: 4 } })
    const socket = await open(server.url)
    socket.send({ type: 'resume', threadId: 'thread-1', runId: 'ghost', lastEventId: 0 })
    expect(await socket.waitFor((f) => f.type === 'error')).toMatchObject({
      code: 'run_not_found',
      runId: 'ghost',
    })
    socket.send({ type: 'run', input: runInput('hi') })
    socket.send({ type: 'run', input: runInput('hi', { threadId: 'thread-2' }) })
    expect(await socket.waitFor((f) => f.code === 'busy')).toMatchObject({ runId: 'run-1' })
    gated.releaseAll()
    await socket.waitFor((f) => f.type === 'end')
    socket.send({ type: 'resume', threadId: 'thread-1', runId: 'run-1', lastEventId: 2 })
    expect(await socket.waitFor((f) => f.code === 'replay_gap')).toMatchObject({
      runId: 'run-1',
      firstId: 13,
    })
    socket.send({ type: 'resume', threadId: 'other', runId: 'run-1', lastEventId: 12 })
    await socket.waitFor((f) => f.code === 'run_not_found' && f.runId === 'run-1')
  })

  it('a second run frame for a known runId re-joins it from the start (the agent runs once)', async () => {
    let starts = 0
    const gated = createGatedAgent(4)
    server = await startWsServer({
      agent: (input, ctx) => {
        starts++
        return gated.agent(input, ctx)
      },
    })
    const first = await open(server.url)
    first.send({ type: 'run', input: runInput('hi') })
    await first.waitFor((f) => f.id === 3)
    first.ws.terminate() // e.g. the client never saw an event and re-sends `run`
    const second = await open(server.url)
    second.send({ type: 'run', input: runInput('hi') })
    gated.releaseAll()
    expect(ids(await second.runToEnd('run-1'))).toEqual(range(1, 10))
    second.send({ type: 'run', input: runInput('hi') }) // also once it has ended
    await second.waitFor((f) => f.type === 'end', 3000, second.frames.length)
    expect(starts).toBe(1)
  })

  it('answers bad frames with error bad_frame and keeps the connection open', async () => {
    const gated = createGatedAgent(0)
    server = await startWsServer({ agent: gated.agent })
    const socket = await open(server.url)
    const bad: unknown[] = [
      'not json',
      '[1,2]',
      '"text"',
      { type: 'launch' },
      { type: 'stop' },
      { type: 'resume', runId: 'r', lastEventId: -1 },
      { type: 'resume', runId: 'r', lastEventId: 1.5 },
      { type: 'ping', ts: 'now' },
      { type: 'run', input: { threadId: 't', runId: 'r', messages: 'hi' } },
      Buffer.from([1, 2, 3]),
    ]
    for (const frame of bad) socket.send(frame)
    socket.send({ type: 'ping', ts: 42 })
    await socket.waitFor((f) => f.type === 'pong')
    const errors = socket.frames.filter((f) => f.type === 'error')
    expect(errors.map((f) => f.code)).toEqual(bad.map(() => 'bad_frame'))
    expect(errors[8]).toMatchObject({ runId: 'r', message: expect.stringMatching(/messages/) })
    expect(errors[9].message).toMatch(/Binary/)
    expect(socket.frames.at(-1)).toEqual({ type: 'pong', ts: 42 })
    // Still usable.
    socket.send({ type: 'run', input: runInput('hi') })
    expect(ids(await socket.runToEnd('run-1'))).toEqual(range(1, 6))
  })

  it('keeps runs going when the connection closes; they stop after the idle timeout', async () => {
    const gated = createGatedAgent(5)
    server = await startWsServer({ agent: gated.agent, resumable: { idleTimeoutMs: 30 } })
    const socket = await open(server.url)
    socket.send({ type: 'run', input: runInput('hi') })
    await socket.waitFor((f) => f.id === 3)
    socket.close()
    const run = server.ws.registry.get('run-1')!
    await run.done
    expect(run.status).toBe('idle_timeout')
    expect(gated.signals.get('run-1')?.aborted).toBe(true)
  })
})
