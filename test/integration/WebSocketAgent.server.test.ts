/**
 * WebSocketAgent against the kit's real WebSocket endpoint (`createWebSocketAgentServer`, the
 * `ws` library) serving the deterministic demo agent over a shared run registry: whole runs,
 * multiplexing, connections cut mid-run (resume, no event lost or repeated), stop, detach and
 * attach, auth through the first frame, the subprotocol and the query (opt-in), and a run
 * started over HTTP re-joined over WebSocket.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'
import { reduceEvents } from '../../src/core/reducer/reduceEvents'
import { HttpAgent } from '../../src/core/transport/HttpAgent'
import { WebSocketAgent } from '../../src/core/transport/WebSocketAgent'
import type { WebSocketAgentOptions } from '../../src/core/transport/WebSocketAgentOptions'
import { createAgentHandler } from '../../src/server/createAgentHandler'
import { createRunRegistry, type RunRegistry } from '../../src/server/createRunRegistry'
import type { WebSocketAgentServerOptions } from '../../src/server/createWebSocketAgentServer'
import { createDemoAgent } from '../../src/server/demo/createDemoAgent'
import { startWsServer } from '../server/wsServer'

interface Endpoint {
  wsUrl: string
  httpUrl: string
  registry: RunRegistry
  /** Cuts every open WebSocket without a close frame (the client sees 1006). */
  cutAll(): void
  close(): Promise<void>
}

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function startEndpoint(
  options: Partial<WebSocketAgentServerOptions> = {},
  tokenDelayMs = 0,
): Promise<Endpoint> {
  const agent = createDemoAgent({ tokenDelayMs })
  const registry = createRunRegistry({})
  const handler = createAgentHandler(agent, { resumable: registry })
  const server = await startWsServer(
    { agent, resumable: registry, ...options },
    (req, res) => void handler(req, res),
  )
  const endpoint: Endpoint = {
    wsUrl: server.url,
    httpUrl: `${server.httpUrl}/agent`,
    registry,
    cutAll: () => server.ws.wss.clients.forEach((c) => c.terminate()),
    async close() {
      await server.close()
      registry.close()
    },
  }
  cleanups.push(() => endpoint.close())
  return endpoint
}

function makeAgent(url: string, options: Partial<WebSocketAgentOptions> = {}) {
  const agent = new WebSocketAgent({
    url,
    WebSocket: WebSocket as never,
    window: null,
    document: null,
    reconnect: { baseMs: 5 },
    ...options,
  })
  cleanups.push(() => agent.close())
  return agent
}

let n = 0
const input = (text = 'add ship the demo'): RunAgentInput => ({
  threadId: `thread-${++n}`,
  runId: `run-${n}`,
  messages: [{ id: `user-${n}`, role: 'user', content: text }],
  tools: [],
  context: [],
})

function collect(
  observable: ReturnType<WebSocketAgent['run']>,
  onEvent?: (event: BaseEvent, index: number) => void,
) {
  return new Promise<{ events: BaseEvent[]; error?: any; completed: boolean }>((resolve) => {
    const events: BaseEvent[] = []
    observable.subscribe({
      next: (e) => {
        events.push(e)
        onEvent?.(e, events.length - 1)
      },
      error: (error) => resolve({ events, error, completed: false }),
      complete: () => resolve({ events, completed: true }),
    })
  })
}

/** The events the demo agent produces for `run`, in process (the uncut reference). */
async function reference(run: RunAgentInput): Promise<BaseEvent[]> {
  const events: BaseEvent[] = []
  const source = createDemoAgent({ tokenDelayMs: 0 })(run, { signal: new AbortController().signal })
  for await (const e of source as AsyncIterable<BaseEvent>) events.push(e)
  return events
}

describe('WebSocketAgent + createWebSocketAgentServer (demo agent)', () => {
  it('receives a whole run exactly as the agent produced it', async () => {
    const server = await startEndpoint()
    const run = input()
    const { events, completed } = await collect(makeAgent(server.wsUrl).run(run))
    expect(completed).toBe(true)
    expect(events).toEqual(await reference(run))
    expect(reduceEvents(events).run.status).toBe('finished')
  })

  it('multiplexes 10 concurrent runs over one connection', async () => {
    const server = await startEndpoint()
    const agent = makeAgent(server.wsUrl)
    const runs = Array.from({ length: 10 }, (_, i) => input(i % 2 ? 'add task ' + i : 'hello'))
    const results = await Promise.all(runs.map((r) => collect(agent.run(r))))
    for (const [i, result] of results.entries()) {
      expect(result.completed).toBe(true)
      expect(result.events).toEqual(await reference(runs[i]))
    }
  })

  it('connections cut mid-run (3 times): resumed, final messages and state equal an uncut run, 0 lost, 0 duplicated', async () => {
    const server = await startEndpoint({}, 2)
    const agent = makeAgent(server.wsUrl)
    const states: string[] = []
    agent.subscribeConnection((s) => states.push(s.status))
    const run = input('add ship the demo')
    let cuts = 0
    const result = await collect(agent.run(run), (_e, i) => {
      if (i > 0 && i % 7 === 0 && cuts < 3) {
        cuts++
        server.cutAll()
      }
    })
    const expected = await reference(run)
    expect(cuts).toBe(3)
    expect(result.completed).toBe(true)
    expect(result.events).toEqual(expected)
    const [got, want] = [reduceEvents(result.events), reduceEvents(expected)]
    expect(got.messages).toEqual(want.messages)
    expect(got.state).toEqual(want.state)
    expect(states.filter((s) => s === 'reconnecting')).toHaveLength(3)
  })

  it('cancelRun stops the run on the server: it ends with RUN_FINISHED outcome cancelled', async () => {
    const server = await startEndpoint({}, 20)
    const agent = makeAgent(server.wsUrl)
    const run = input('hello there, tell me a long story')
    const result = await collect(agent.run(run), (_e, i) => {
      if (i === 2) void agent.cancelRun(run.runId)
    })
    expect(result.completed).toBe(true)
    expect(result.events.at(-1)).toMatchObject({
      type: 'RUN_FINISHED',
      outcome: { type: 'cancelled' },
    })
    expect(reduceEvents(result.events).run.status).toBe('cancelled')
  })

  it('aborting the signal sends stop: the server run is cancelled', async () => {
    const server = await startEndpoint({}, 20)
    const agent = makeAgent(server.wsUrl)
    const run = input('hello there, tell me a long story')
    const controller = new AbortController()
    const result = await collect(agent.run(run, { signal: controller.signal }), (_e, i) => {
      if (i === 2) controller.abort()
    })
    expect(result.error).toMatchObject({ code: 'aborted' })
    const managed = server.registry.get(run.runId)!
    await managed.done
    expect(managed.status).toBe('cancelled')
  })

  it('detach (unsubscribe) then attach from the last id: together exactly the uncut run', async () => {
    const server = await startEndpoint({}, 2)
    const agent = makeAgent(server.wsUrl)
    const run = input('add ship the demo')
    let lastEventId = 0
    const first: BaseEvent[] = []
    await new Promise<void>((resolve) => {
      const sub = agent.run(run, { onEventId: (id) => (lastEventId = id) }).subscribe((e) => {
        first.push(e)
        if (first.length === 5) {
          sub.unsubscribe()
          resolve()
        }
      })
    })
    expect(lastEventId).toBe(5)
    const rest = await collect(
      agent.attach({ threadId: run.threadId, runId: run.runId, lastEventId }),
    )
    expect(rest.completed).toBe(true)
    expect([...first, ...rest.events]).toEqual(await reference(run))
  })

  it('a run started over HTTP is re-joined over WebSocket (one registry)', async () => {
    const server = await startEndpoint({}, 2)
    const run = input('add ship the demo')
    const http = new HttpAgent({ url: server.httpUrl })
    const first: BaseEvent[] = []
    let lastEventId = 0
    await new Promise<void>((resolve) => {
      const sub = http.run(run, { onEventId: (id) => (lastEventId = id) }).subscribe((e) => {
        first.push(e)
        if (first.length === 4) {
          sub.unsubscribe()
          resolve()
        }
      })
    })
    const rest = await collect(
      makeAgent(server.wsUrl).attach({ threadId: run.threadId, runId: run.runId, lastEventId }),
    )
    expect([...first, ...rest.events]).toEqual(await reference(run))
  })

  it('attach to a run the server does not know → run_not_found', async () => {
    const server = await startEndpoint()
    const { error } = await collect(
      makeAgent(server.wsUrl).attach({ threadId: 'x', runId: 'nope' }),
    )
    expect(error).toMatchObject({ code: 'run_not_found' })
  })
})

describe('WebSocketAgent + createWebSocketAgentServer: auth', () => {
  const authenticate: WebSocketAgentServerOptions['authenticate'] = (token) => token === 'good'

  for (const authVia of ['frame', 'protocol', 'query'] as const) {
    it(`authVia '${authVia}' is accepted by the server`, async () => {
      const server = await startEndpoint({ authenticate, queryToken: 'token' })
      const agent = makeAgent(server.wsUrl, { auth: 'good', authVia })
      const { completed } = await collect(agent.run(input('hello')))
      expect(completed).toBe(true)
    })
  }

  it('a refused token: auth_required, onAuthRequired supplies a good one, the run completes', async () => {
    const server = await startEndpoint({ authenticate })
    const seen: string[] = []
    const agent = makeAgent(server.wsUrl, {
      auth: 'stale',
      onAuthRequired: (error) => {
        seen.push(`${error.code}:${agent.getConnectionState().status}`)
        return 'good'
      },
    })
    const { completed } = await collect(agent.run(input('hello')))
    expect(completed).toBe(true)
    expect(seen).toEqual(['auth_required:auth_required']) // the error{auth_failed} frame, then 4003
  })

  it('no credentials for a server that requires them → auth_required', async () => {
    const server = await startEndpoint({ authenticate, authTimeoutMs: 50 })
    const { error } = await collect(makeAgent(server.wsUrl).run(input('hello')))
    expect(error).toMatchObject({ code: 'auth_required' })
  })
})
