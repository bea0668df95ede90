/**
 * WebSocketAgent with the event validator not loaded yet (issue 7: a lazy chunk, loaded while
 * the connection opens): the run's frames are held in order until it is there, then validated
 * and delivered; a chunk that fails ends the run with `load_failed`.
 */
import { resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import type { Observable } from '../../../src/core/transport/Agent'
// The server side is imported statically, before any test gates the validator's chunk.
import type { AgentHandlerFn } from '../../../src/server/createAgentHandler'
import { createRunRegistry, type RunRegistry } from '../../../src/server/createRunRegistry'
import { createDemoAgent } from '../../../src/server/demo/createDemoAgent'
import { startWsServer } from '../../server/wsServer'
import { gateChunk } from '../../setup/gateChunk'
import { gateEventParser, turns } from '../protocol/gateEventParser'
import { collect, replyEvents, startWsTestServer, until, type WsTestServer } from './wsTestServer'

let server: WsTestServer
beforeAll(async () => {
  server = await startWsTestServer()
})
afterAll(() => server.close())

let gate: ReturnType<typeof gateEventParser> | undefined
const closers: Array<() => void> = []
const PARSE_EVENT = resolve('src/core/protocol/parseEvent.ts')
afterEach(() => {
  closers.splice(0).forEach((close) => close())
  gate?.restore()
  gate = undefined
  vi.doUnmock(PARSE_EVENT)
  vi.resetModules()
})

const input: RunAgentInput = { threadId: 't1', runId: 'r1', messages: [], tools: [], context: [] }

async function freshAgent() {
  const { WebSocketAgent } = await import('../../../src/core/transport/WebSocketAgent')
  const agent = new WebSocketAgent({
    url: server.url,
    WebSocket: WebSocket as never,
    window: null,
    document: null,
  })
  closers.push(() => agent.close())
  return agent
}

describe('WebSocketAgent: the event validator loads while the connection opens', () => {
  it("holds the run's frames (events, end) until it is there, then delivers every event once, in order", async () => {
    gate = gateEventParser()
    const agent = await freshAgent()
    let delivered = 0
    const result = collect(agent.run(input))
    const counted = agent.run({ ...input, runId: 'r2' }).subscribe({ next: () => delivered++ })
    closers.push(() => counted.unsubscribe())
    // Both runs were answered in full (events and `end`) while the chunk was still loading.
    await until(() =>
      server.connections.some((c) => c.frames.filter((f) => f.type === 'run').length === 2),
    )
    await turns(5)
    expect(delivered).toBe(0)
    gate.open()
    const { events, completed } = await result
    expect(completed).toBe(true)
    expect(events).toEqual(replyEvents('t1', 'r1'))
  })

  it('a validator chunk that fails to load ends the run with load_failed', async () => {
    gate = gateEventParser('fail')
    const agent = await freshAgent()
    const { events, error } = await collect(agent.run(input))
    expect(events).toEqual([])
    expect(error).toMatchObject({ name: 'AgentError', code: 'load_failed', retryable: true })
  })
})

/** The frames one client socket sent and received (parsed), in order. */
interface Wire {
  sent: any[]
  received: any[]
}

/** `ws`'s WebSocket, recording each socket's frames in `wires` (one entry per connection). */
function recordingWebSocket(wires: Wire[]) {
  return class RecordingWebSocket extends WebSocket {
    readonly wire: Wire = { sent: [], received: [] }
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols)
      wires.push(this.wire)
      this.on('message', (data) => this.wire.received.push(JSON.parse(String(data))))
    }
    override send(data: any, ...rest: any[]): void {
      this.wire.sent.push(JSON.parse(String(data)))
      ;(super.send as (...args: any[]) => void)(data, ...rest)
    }
  }
}

interface Endpoint {
  url: string
  registry: RunRegistry
  /** Cuts every open WebSocket without a close frame (the client sees 1006). */
  cutAll(): void
  close(): Promise<void>
}

/** The kit's real WebSocket endpoint over a run registry, serving `agent`. */
async function startEndpoint(agent: AgentHandlerFn): Promise<Endpoint> {
  const registry = createRunRegistry({})
  const server = await startWsServer({ agent, resumable: registry })
  const endpoint: Endpoint = {
    url: server.url,
    registry,
    cutAll: () => server.ws.wss.clients.forEach((c) => c.terminate()),
    async close() {
      await server.close()
      registry.close()
    },
  }
  closers.push(() => void endpoint.close())
  return endpoint
}

/** The events the demo agent produces for `run`, in process (the uncut reference). */
async function reference(run: RunAgentInput): Promise<unknown[]> {
  const events: unknown[] = []
  const source = createDemoAgent({ tokenDelayMs: 0 })(run, { signal: new AbortController().signal })
  for await (const e of source as AsyncIterable<unknown>) events.push(e)
  return events
}

const demoInput = (runId: string): RunAgentInput => ({
  threadId: `thread-${runId}`,
  runId,
  messages: [{ id: `user-${runId}`, role: 'user', content: 'add ship the demo' }],
  tools: [],
  context: [],
})

/**
 * An agent that replies `replyEvents(…, 'Hello there')` (15 events) and waits before its 9th
 * until `proceed()`: the run is live, deterministically, while the test cuts and replays.
 */
function pausingAgent() {
  let proceed!: () => void
  const paused = new Promise<void>((resolve) => (proceed = resolve))
  const events = (run: RunAgentInput) => replyEvents(run.threadId, run.runId, 'Hello there')
  async function* agent(run: RunAgentInput) {
    for (const [i, event] of events(run).entries()) {
      if (i === 8) await paused
      yield event
    }
  }
  return { agent: agent as unknown as AgentHandlerFn, proceed, events }
}

const eventIds = (wire: Wire | undefined) =>
  (wire?.received ?? []).filter((f) => f.type === 'event').map((f) => f.id as number)

/** Subscribes to a run: its events so far (live), and how it ended. */
function receive<T>(observable: Observable<T>) {
  const events: T[] = []
  let subscription: { unsubscribe(): void } | undefined
  const ended = new Promise<{ error?: any; completed: boolean }>((resolve) => {
    subscription = observable.subscribe({
      next: (e) => events.push(e),
      error: (error) => resolve({ error, completed: false }),
      complete: () => resolve({ completed: true }),
    })
  })
  return { events, ended, unsubscribe: () => subscription?.unsubscribe() }
}

/** A WebSocketAgent from fresh modules (the gated validator), recording its sockets' frames. */
async function recordingAgent(url: string, wires: Wire[], diagnostics: Diagnostic[]) {
  const { WebSocketAgent } = await import('../../../src/core/transport/WebSocketAgent')
  const agent = new WebSocketAgent({
    url,
    WebSocket: recordingWebSocket(wires) as never,
    window: null,
    document: null,
    reconnect: { baseMs: 5 },
    onDiagnostic: (d) => diagnostics.push(d),
  })
  closers.push(() => agent.close())
  return agent
}

describe('WebSocketAgent: the connection drops while frames wait for the validator (real server)', () => {
  it('a run: frames held, connection cut, `run` sent again and replayed from event 1, then the validator arrives: every event once, in order', async () => {
    const endpoint = await startEndpoint(createDemoAgent({ tokenDelayMs: 5 }))
    const { chunk, release } = gateChunk(PARSE_EVENT)
    const wires: Wire[] = []
    const diagnostics: Diagnostic[] = []
    const agent = await recordingAgent(endpoint.url, wires, diagnostics)
    const run = demoInput('cut-run')
    const received = receive(agent.run(run))
    await until(() => eventIds(wires[0]).length >= 4)
    endpoint.cutAll()
    // The second connection: nothing was delivered, so the run frame goes again (the server
    // re-joins the run from event 1); the whole run arrives and is held too.
    await until(() => wires[1]?.received.some((f) => f.type === 'end') === true)
    expect(received.events).toEqual([])
    const heldBeforeCut = eventIds(wires[0])
    expect(wires[1].sent.find((f) => f.type === 'run' || f.type === 'resume')).toMatchObject({
      type: 'run',
      input: { runId: run.runId },
    })
    release()
    const { completed, error } = await received.ended
    expect(error).toBeUndefined()
    expect(completed).toBe(true)
    expect(received.events).toEqual(await reference(run))
    const duplicates = diagnostics.filter((d) => d.code === 'duplicate_event_dropped')
    expect(duplicates).toHaveLength(heldBeforeCut.length)
    expect(chunk.imports).toBe(1)
  })

  it('an attach from lastEventId: frames held, connection cut, resumed from the same id and replayed, the validator arrives mid-run: every event once, in order', async () => {
    const { agent: paused, proceed, events } = pausingAgent()
    const endpoint = await startEndpoint(paused)
    const run = demoInput('cut-attach')
    // Start the run with a plain socket, read 3 events and leave: the run goes on on the server.
    const starter = new WebSocket(endpoint.url, 'awr.v1')
    await new Promise((r) => starter.once('open', r))
    starter.send(JSON.stringify({ type: 'run', input: run }))
    const before: unknown[] = []
    await new Promise<void>((r) =>
      starter.on('message', (data) => {
        const frame = JSON.parse(String(data))
        if (frame.type !== 'event' || before.length === 3) return
        if (before.push(frame.event) === 3) r()
      }),
    )
    starter.terminate()
    const { release } = gateChunk(PARSE_EVENT)
    const wires: Wire[] = []
    const diagnostics: Diagnostic[] = []
    const agent = await recordingAgent(endpoint.url, wires, diagnostics)
    const ids: number[] = []
    const received = receive(
      agent.attach(
        { threadId: run.threadId, runId: run.runId, lastEventId: 3 },
        { onEventId: (id) => ids.push(id) },
      ),
    )
    await until(() => eventIds(wires[0]).length === 5) // 4..8, then the agent waits
    endpoint.cutAll()
    await until(() => eventIds(wires[1]).length === 5) // 4..8 again
    expect(received.events).toEqual([])
    const resumes = wires.map((w) => w.sent.find((f) => f.type === 'resume'))
    expect(resumes).toEqual([
      { type: 'resume', threadId: run.threadId, runId: run.runId, lastEventId: 3 },
      { type: 'resume', threadId: run.threadId, runId: run.runId, lastEventId: 3 },
    ])
    release()
    await until(() => received.events.length === 5)
    expect(ids).toEqual([4, 5, 6, 7, 8])
    proceed() // the rest of the run arrives live on the second connection
    const { completed, error } = await received.ended
    expect(error).toBeUndefined()
    expect(completed).toBe(true)
    expect([...before, ...received.events]).toEqual(events(run))
    expect(ids).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
    const duplicates = diagnostics.filter((d) => d.code === 'duplicate_event_dropped')
    expect(duplicates).toHaveLength(5)
    expect(diagnostics.filter((d) => d.code === 'replay_gap')).toEqual([])
  })

  it('the validator fails to load after the cut and the replay: load_failed, no unhandled rejection, the run detached and the connection released', async () => {
    const endpoint = await startEndpoint(createDemoAgent({ tokenDelayMs: 5 }))
    const { chunk, release } = gateChunk(PARSE_EVENT)
    const wires: Wire[] = []
    const agent = await recordingAgent(endpoint.url, wires, [])
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    closers.push(() => process.off('unhandledRejection', onUnhandled))
    const run = demoInput('cut-fail')
    const received = receive(agent.run(run))
    await until(() => eventIds(wires[0]).length >= 4)
    endpoint.cutAll()
    await until(() => eventIds(wires[1]).length >= 4)
    chunk.fail = true
    release()
    const { completed, error } = await received.ended
    expect(completed).toBe(false)
    expect(error).toMatchObject({ name: 'AgentError', code: 'load_failed', retryable: true })
    expect(received.events).toEqual([]) // nothing unvalidated was applied
    // The server is told to stop sending this run (it goes on there), on the live connection.
    expect(wires[1].sent.at(-1)).toEqual({ type: 'detach', runId: run.runId })
    await turns(5)
    expect(unhandled).toEqual([])
    // No run left: the connection closes when idle, the next run loads the validator again.
    expect(agent.getConnectionState().status).toBe('open')
    chunk.fail = false
    const next = await collect(agent.run(demoInput('after-fail')))
    expect(next.completed).toBe(true)
    expect(chunk.imports).toBe(2)
  })
})

/**
 * Fresh modules whose validator chunk is asked for once per load attempt; each attempt waits
 * until the test settles it: `attempts[i].resolve()` loads it, `attempts[i].reject()` fails it.
 */
function gateAttempts() {
  vi.resetModules()
  const attempts: Array<{ resolve: () => void; reject: () => void }> = []
  vi.doMock(PARSE_EVENT, async () => {
    await new Promise<void>((resolve, reject) =>
      attempts.push({
        resolve,
        reject: () => reject(new Error('Failed to fetch dynamically imported module')),
      }),
    )
    return vi.importActual(PARSE_EVENT)
  })
  return attempts
}

describe('WebSocketAgent: re-attaching a run whose validator load failed', () => {
  it('the attach starts a fresh load; leftovers of the detached cursor are dropped; then every event once, in order', async () => {
    const attempts = gateAttempts()
    const events = replyEvents('t1', 'r-again', 'Hello there') // 15 events
    let detached = false
    server.intercept = (conn, frame) => {
      if (frame.type === 'run') {
        const { threadId, runId } = frame.input
        server.runs.set(runId, { runId, threadId, events, firstId: 1, finished: true })
        // Only the first 5 events exist yet: the agent is still working.
        events
          .slice(0, 5)
          .forEach((event, i) => conn.send({ type: 'event', runId, id: i + 1, event }))
        return true
      }
      if (frame.type === 'detach') detached = true
      if (frame.type === 'resume' && detached) {
        // The old cursor sent 6 and 7 before it read `detach`: they arrive before the replay.
        for (const id of [6, 7])
          conn.send({ type: 'event', runId: frame.runId, id, event: events[id - 1] })
      }
      return false
    }
    closers.push(() => (server.intercept = undefined))
    const wires: Wire[] = []
    const diagnostics: Diagnostic[] = []
    const agent = await recordingAgent(server.url, wires, diagnostics)
    const first = receive(agent.run({ ...input, runId: 'r-again' }))
    await until(() => eventIds(wires[0]).length === 5 && attempts.length === 1)
    attempts[0].reject()
    expect(await first.ended).toMatchObject({ error: { code: 'load_failed' } })
    expect(wires[0].sent.at(-1)).toEqual({ type: 'detach', runId: 'r-again' })

    // Re-attach on the same connection: a fresh load attempt (the failed one is not reused).
    const again = receive(agent.attach({ threadId: 't1', runId: 'r-again' }))
    await until(() => wires[0].received.some((f) => f.type === 'end'))
    expect(attempts).toHaveLength(2)
    expect(again.events).toEqual([])
    attempts[1].resolve()
    const { completed, error } = await again.ended
    expect(error).toBeUndefined()
    expect(completed).toBe(true)
    expect(again.events).toEqual(events)
    expect(diagnostics.filter((d) => d.code === 'stale_frame')).toHaveLength(2)
  })

  it('an attach while the load is still in flight shares it: a failure ends it with load_failed (retryable), the next attach loads afresh', async () => {
    const attempts = gateAttempts()
    const wires: Wire[] = []
    const agent = await recordingAgent(server.url, wires, [])
    const run = { ...input, runId: 'r-shared' }
    const first = receive(agent.run(run))
    await until(() => attempts.length === 1 && eventIds(wires[0]).length > 0)
    first.unsubscribe() // detach while the validator loads
    const attach = () => receive(agent.attach({ threadId: 't1', runId: run.runId }))
    const joined = attach()
    attempts[0].reject()
    expect(await joined.ended).toMatchObject({
      error: { name: 'AgentError', code: 'load_failed', retryable: true },
    })
    expect(attempts).toHaveLength(1) // one load, shared (a browser would fetch the chunk once)
    expect(joined.events).toEqual([])
    const retried = attach()
    await until(() => attempts.length === 2) // a fresh attempt
    attempts[1].resolve()
    expect(await retried.ended).toEqual({ completed: true })
    expect(retried.events).toEqual(replyEvents('t1', run.runId))
  })
})
