import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket } from 'ws'
import type { Message, RunAgentInput, UserMessage } from '../../src/core/protocol/types'
import type { AgentSnapshot } from '../../src/core/reducer/AgentSnapshot'
import { reduceEvents } from '../../src/core/reducer/reduceEvents'
import { createAgentStore } from '../../src/core/store/createAgentStore'
import type { Agent } from '../../src/core/transport/Agent'
import type { ConnectionState } from '../../src/core/transport/ConnectionState'
import { HttpAgent, type HttpAgentOptions } from '../../src/core/transport/HttpAgent'
import { WebSocketAgent } from '../../src/core/transport/WebSocketAgent'
import type { WebSocketAgentOptions } from '../../src/core/transport/WebSocketAgentOptions'
import { createAgentHandler, type AgentHandlerFn } from '../../src/server/createAgentHandler'
import {
  createRunRegistry,
  type RunRegistry,
  type RunRegistryOptions,
} from '../../src/server/createRunRegistry'
import { createWebSocketAgentServer } from '../../src/server/createWebSocketAgentServer'
import { longRunEvents } from './createLongRunAgent'

/** A real server with both transports over one run registry (like `startDemoServer`). */
export interface FaultServer {
  port: number
  /** Path of the SSE endpoint: `/agent` (resume: `/agent/runs/<runId>/events`). */
  readonly agentPath: string
  /** Path of the WebSocket endpoint: `/ws`. */
  readonly wsPath: string
  http: Server
  /** The run registry both endpoints share. */
  registry: RunRegistry
  /** Stops everything: the replay buffers are gone (a restart loses them). */
  close(): Promise<void>
}

/** Starts the SSE (`createAgentHandler` with `resumable`) and `ws` endpoints on `port` (0: free). */
export async function startFaultServer(
  agent: AgentHandlerFn,
  options: { port?: number; registry?: RunRegistryOptions; heartbeatMs?: number } = {},
): Promise<FaultServer> {
  const registry = createRunRegistry(options.registry ?? {})
  const handler = createAgentHandler(agent, {
    resumable: registry,
    heartbeatMs: options.heartbeatMs ?? 15_000,
  })
  const http = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/agent')) return handler(req, res)
    res.writeHead(404).end()
  })
  const ws = createWebSocketAgentServer({ agent, server: http, path: '/ws', resumable: registry })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  return {
    port: (http.address() as AddressInfo).port,
    agentPath: '/agent',
    wsPath: '/ws',
    http,
    registry,
    async close() {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeAllConnections()
      await ws.close()
      registry.close()
      await closed
    },
  }
}

/** Fast reconnects for fault tests: the policy is the same, only the delays are short. */
export const FAST_RECONNECT = { baseMs: 2, capMs: 40, maxAttempts: 30 }

/** An `HttpAgent` for `http://127.0.0.1:<port>/agent` with fast resume. */
export function httpAgentAt(port: number, options: Partial<HttpAgentOptions> = {}): HttpAgent {
  return new HttpAgent({
    url: `http://127.0.0.1:${port}/agent`,
    reconnect: FAST_RECONNECT,
    terminalGraceMs: 50,
    ...options,
  })
}

/** A `WebSocketAgent` (Node `ws`) for `ws://127.0.0.1:<port>/ws` with fast reconnects. */
export function wsAgentAt(
  port: number,
  options: Partial<WebSocketAgentOptions> = {},
): WebSocketAgent {
  return new WebSocketAgent({
    url: `ws://127.0.0.1:${port}/ws`,
    WebSocket: WebSocket as never,
    window: null,
    document: null,
    reconnect: FAST_RECONNECT,
    terminalGraceMs: 50,
    connectTimeoutMs: 2000,
    ...options,
  })
}

/** The user message every fault run starts from (fixed id, so snapshots compare equal). */
export const USER_MESSAGE: UserMessage = {
  id: 'user-1',
  role: 'user',
  content: 'stream a long run',
}

/** `messages` and `state` of the uncut run, reduced in process from the agent's own events. */
export async function expectedSnapshot(
  agent: AgentHandlerFn,
  threadId = 'thread-fault',
): Promise<{ messages: readonly Message[]; state: unknown; events: number }> {
  const input: RunAgentInput = {
    threadId,
    runId: 'reference',
    messages: [USER_MESSAGE],
    tools: [],
    context: [],
    state: undefined,
    forwardedProps: {},
  }
  const events = await longRunEvents(agent, input)
  const snapshot = reduceEvents(events, { threadId, messages: [USER_MESSAGE] })
  if (snapshot.run.status !== 'finished') throw new Error(`reference run ${snapshot.run.status}`)
  return { messages: snapshot.messages, state: snapshot.state, events: events.length }
}

/** What one store run through a transport saw. */
export interface LaneRun {
  snapshot: AgentSnapshot
  /** `timestamp` (= position in the run) of every event the store's reducer applied, in order. */
  seqs: number[]
  /** Event ids the transport reported (`onEventId`), in order. */
  ids: number[]
  /** Times the agent's connection state became `reconnecting`. */
  reconnecting: number
  /** Error codes of those `reconnecting` states (`heartbeat_timeout`, `network`, …), counted. */
  reconnectCauses: Record<string, number>
  ms: number
}

/** Wraps `agent` so every run reports its event ids to `ids` (keeps the agent's own members). */
function tapEventIds(agent: Agent, ids: number[]): Agent {
  return {
    validatesEvents: agent.validatesEvents,
    run: (input, options = {}) =>
      agent.run(input, {
        ...options,
        onEventId: (id) => {
          ids.push(id)
          options.onEventId?.(id)
        },
      }),
    ...(agent.abortRun && { abortRun: () => agent.abortRun?.() }),
    ...(agent.cancelRun && { cancelRun: (runId: string) => agent.cancelRun!(runId) }),
  }
}

/** Runs one store (fresh thread, {@link USER_MESSAGE}) on `agent` to its end. */
export async function runStore(agent: Agent, threadId = 'thread-fault'): Promise<LaneRun> {
  const seqs: number[] = []
  const ids: number[] = []
  let reconnecting = 0
  const reconnectCauses: Record<string, number> = {}
  const unsubscribe = agent.subscribeConnection?.((s: ConnectionState) => {
    if (s.status !== 'reconnecting') return
    reconnecting++
    const code = s.error?.code ?? 'none'
    reconnectCauses[code] = (reconnectCauses[code] ?? 0) + 1
  })
  const store = createAgentStore({ agent: tapEventIds(agent, ids), threadId })
  store.onEvent((event) => seqs.push(event.timestamp ?? -1))
  const started = performance.now()
  const snapshot = await store.run({ message: USER_MESSAGE })
  const ms = performance.now() - started
  unsubscribe?.()
  store.destroy()
  return { snapshot, seqs, ids, reconnecting, reconnectCauses, ms }
}

/** Lost, duplicated and out-of-order events of one run of `total` events numbered 1..total. */
export function tally(seqs: readonly number[], total: number) {
  const distinct = new Set(seqs.filter((s) => s >= 1 && s <= total))
  let outOfOrder = 0
  for (let i = 1; i < seqs.length; i++) if (seqs[i] <= seqs[i - 1]) outOfOrder++
  return {
    lost: total - distinct.size,
    duplicated: seqs.length - new Set(seqs).size,
    outOfOrder,
  }
}

/** Prints one summary line a closing note can quote. */
export function summary(name: string, figures: Record<string, number | string>): void {
  const text = Object.entries(figures)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v) : v}`)
    .join(' ')
  console.log(`[fault] ${name}: ${text}`)
}

/** Runs `task` for lanes 0..lanes-1 in parallel. */
export function inLanes<T>(lanes: number, task: (lane: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: lanes }, (_, lane) => task(lane)))
}
