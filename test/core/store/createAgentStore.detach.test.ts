/**
 * Store-level stop vs detach/attach and connection state (issue 6), end to end against the
 * kit's real resumable endpoints: `createAgentHandler({ resumable })` over SSE (HttpAgent) and
 * `createWebSocketAgentServer` (WebSocketAgent), both serving the demo agent on one registry.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket } from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import type { AgentEvent, Message } from '../../../src/core/protocol/types'
import type { AgentSnapshot } from '../../../src/core/reducer/AgentSnapshot'
import { createAgentStore } from '../../../src/core/store/createAgentStore'
import type { AgentStore } from '../../../src/core/store/AgentStore'
import type { Agent } from '../../../src/core/transport/Agent'
import { HttpAgent } from '../../../src/core/transport/HttpAgent'
import { WebSocketAgent } from '../../../src/core/transport/WebSocketAgent'
import { createAgentHandler } from '../../../src/server/createAgentHandler'
import { createRunRegistry } from '../../../src/server/createRunRegistry'
import { createWebSocketAgentServer } from '../../../src/server/createWebSocketAgentServer'
import { createDemoAgent } from '../../../src/server/demo/createDemoAgent'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const PROMPT = 'hello there, tell me a long story'

async function startServer(tokenDelayMs: number) {
  const registry = createRunRegistry({})
  const demo = createDemoAgent({ tokenDelayMs })
  const handler = createAgentHandler(demo, { resumable: registry })
  const http: Server = createServer((req, res) => void handler(req, res))
  const ws = createWebSocketAgentServer({
    agent: demo,
    server: http,
    path: '/ws',
    resumable: registry,
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  cleanups.push(async () => {
    await ws.close?.()
    registry.close()
    http.closeAllConnections()
    await new Promise<void>((resolve) => http.close(() => resolve()))
  })
  const port = (http.address() as AddressInfo).port
  return { httpUrl: `http://127.0.0.1:${port}/agent`, wsUrl: `ws://127.0.0.1:${port}/ws` }
}

const transports: Array<[string, (urls: Awaited<ReturnType<typeof startServer>>) => Agent]> = [
  ['HttpAgent (SSE)', (urls) => new HttpAgent({ url: urls.httpUrl })],
  [
    'WebSocketAgent',
    (urls) => {
      const agent = new WebSocketAgent({ url: urls.wsUrl, WebSocket: WebSocket as never })
      cleanups.push(() => agent.close())
      return agent
    },
  ],
]

/** Role and text of each message: what a person reads, independent of generated ids. */
const transcript = (messages: readonly Message[]) =>
  messages.map((m) => [m.role, typeof m.content === 'string' ? m.content : m.content])

/** Resolves once the store has applied `count` TEXT_MESSAGE_CONTENT events. */
function afterDeltas(store: AgentStore, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0
    const off = store.onEvent((event) => {
      if (event.type === 'TEXT_MESSAGE_CONTENT' && ++seen === count) {
        off()
        resolve()
      }
    })
  })
}

/** Every applied text delta, per message id, so duplicates and losses show. */
function recordDeltas(store: AgentStore): Map<string, string> {
  const text = new Map<string, string>()
  store.onEvent((event: AgentEvent) => {
    if (event.type === 'TEXT_MESSAGE_CONTENT') {
      text.set(event.messageId, (text.get(event.messageId) ?? '') + event.delta)
    }
  })
  return text
}

async function uncutTranscript(agent: Agent) {
  const store = createAgentStore({ agent, scheduler: (flush) => queueMicrotask(flush) })
  const final = await store.run({ message: PROMPT })
  expect(final.run.status).toBe('finished')
  return transcript(final.messages)
}

describe.each(transports)('store detach/attach over %s', (_name, makeAgent) => {
  it('detach() leaves the run going at the server; attach() re-joins it with nothing lost or repeated', async () => {
    const urls = await startServer(5)
    const agent = makeAgent(urls)
    const expected = await uncutTranscript(agent)
    const store = createAgentStore({ agent, scheduler: (flush) => queueMicrotask(flush) })
    const deltas = recordDeltas(store)
    const running = store.run({ message: PROMPT })
    await afterDeltas(store, 3)
    store.detach()
    const detached = await running
    expect(detached.run.status).toBe('running')
    expect(detached.run.detached).toBe(true)
    // Busy while detached: run() starts nothing.
    const busy = await store.run({ message: 'another' })
    expect(busy.messages).toHaveLength(detached.messages.length)
    await new Promise((resolve) => setTimeout(resolve, 40))
    const final = await store.attach()
    expect(final.run.status).toBe('finished')
    expect(final.run.detached).toBeUndefined()
    expect(transcript(final.messages)).toEqual(expected)
    const reply = final.messages.at(-1) as Message
    expect(deltas.get(reply.id)).toBe(reply.content)
  })

  it('a reload mid-run: toPersisted() + attach(runId) on a new store replays the run once', async () => {
    const urls = await startServer(5)
    const agent = makeAgent(urls)
    const expected = await uncutTranscript(agent)
    const first = createAgentStore({ agent, scheduler: (flush) => queueMicrotask(flush) })
    void first.run({ message: PROMPT })
    await afterDeltas(first, 3)
    first.detach() // the page goes away: the connection ends, the run goes on
    const saved = JSON.parse(JSON.stringify(first.toPersisted()))
    expect(saved.activeRun?.runId).toBe(first.getSnapshot().run.runId)
    expect(transcript(saved.messages)).toEqual([['user', PROMPT]])

    const second = createAgentStore({
      agent,
      threadId: saved.threadId,
      initialMessages: saved.messages,
      initialState: saved.state,
      scheduler: (flush) => queueMicrotask(flush),
    })
    const deltas = recordDeltas(second)
    const final = await second.attach(saved.activeRun.runId)
    expect(final.run.status).toBe('finished')
    expect(transcript(final.messages)).toEqual(expected)
    const reply = final.messages.at(-1) as Message
    expect(deltas.get(reply.id)).toBe(reply.content)
    expect(second.toPersisted().activeRun).toBeUndefined()
  })

  it('stop() while detached cancels the run at the server: re-joining finds it over', async () => {
    const urls = await startServer(10)
    const agent = makeAgent(urls)
    const store = createAgentStore({ agent, scheduler: (flush) => queueMicrotask(flush) })
    const running = store.run({ message: PROMPT })
    await afterDeltas(store, 2)
    const runId = store.getSnapshot().run.runId as string
    store.detach()
    await running
    store.stop()
    const stopped = store.getSnapshot()
    expect(stopped.run.status).toBe('cancelled')
    expect(stopped.run.error?.code).toBe('aborted')
    // The server ended the run as cancelled: a new store that attaches sees it end that way.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const other = createAgentStore({
      agent,
      threadId: stopped.threadId,
      scheduler: (flush) => queueMicrotask(flush),
    })
    const rejoined: AgentSnapshot = await other.attach(runId)
    expect(rejoined.run.error).toBeUndefined()
    expect(rejoined.run.status).toBe('cancelled')
  })
})

describe('store connection state', () => {
  it('mirrors WebSocketAgent connection changes into snapshot.connection', async () => {
    const urls = await startServer(0)
    const agent = new WebSocketAgent({ url: urls.wsUrl, WebSocket: WebSocket as never })
    const store = createAgentStore({ agent, scheduler: (flush) => queueMicrotask(flush) })
    expect(store.getSnapshot().connection.status).toBe('idle')
    const seen = new Set<string>()
    store.subscribe(() => seen.add(store.getSnapshot().connection.status))
    const final = await store.run({ message: 'hello' })
    expect(final.run.status).toBe('finished')
    expect(store.getSnapshot().connection.status).toBe('open')
    expect(seen.has('connecting')).toBe(true)
    agent.close()
    expect(store.getSnapshot().connection.status).toBe('closed')
    store.destroy()
  })

  it('agents without connection reporting stay idle; detach() is a no-op without attach()', async () => {
    const events = [
      { type: 'RUN_STARTED', threadId: 't', runId: 'r' },
      { type: 'RUN_FINISHED', threadId: 't', runId: 'r' },
    ]
    const agent: Agent = {
      run: () => ({
        subscribe(observer) {
          const o = typeof observer === 'function' ? { next: observer } : observer
          const timer = setTimeout(() => {
            for (const e of events) o.next?.(e as never)
            o.complete?.()
          }, 20)
          return { unsubscribe: () => clearTimeout(timer) }
        },
      }),
    }
    const store = createAgentStore({ agent, threadId: 't' })
    const running = store.run({ message: 'hi' })
    store.detach()
    expect(store.getSnapshot().run.detached).toBeUndefined()
    const final = await running
    expect(final.run.status).toBe('finished')
    expect(final.connection).toEqual({ status: 'idle' })
  })
})
