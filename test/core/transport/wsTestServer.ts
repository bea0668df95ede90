/**
 * A small WebSocket server (the `ws` library on port 0) speaking the kit's WebSocket contract
 * closely enough for client tests: `awr.v1` subprotocol echo, `auth`, `ping`→`pong`, `run`
 * (plays a scripted list of events with ids 1..n, then `end`), `resume` (replays from the
 * run's buffer, or answers `run_not_found` / `replay_gap`), `stop`, `detach`. Each test can
 * intercept frames (`intercept`) to misbehave on purpose.
 */
import type { AddressInfo } from 'node:net'
import type { IncomingMessage } from 'node:http'
import { WebSocketServer, WebSocket } from 'ws'

export interface ServerRun {
  runId: string
  threadId: string
  /** Events of the run, in order; the event with index i has id i + 1. */
  events: unknown[]
  /** Ids below this are no longer in the buffer (a resume before it gets `replay_gap`). */
  firstId: number
  /** The run is over: a resume ends with `end` after the replay. */
  finished: boolean
}

export interface TestConnection {
  socket: WebSocket
  url: string
  /** The `Sec-WebSocket-Protocol` values the client offered. */
  offered: string[]
  /** Every frame received, parsed. */
  frames: any[]
  /** The token of the `auth` frame, if one came. */
  token?: string
  send(frame: unknown): void
  /** Sends the events of `run` with id > `after`, then `end` if the run is finished. */
  replay(run: ServerRun, after: number): void
  /** Resolves with the next frame received that matches (from now on). */
  nextFrame(match?: (frame: any) => boolean): Promise<any>
  closed: Promise<{ code: number; reason: string }>
}

/** Return true to say the frame was handled (the default behaviour is skipped). */
export type Interceptor = (conn: TestConnection, frame: any) => boolean | void

export interface WsTestServer {
  url: string
  connections: TestConnection[]
  runs: Map<string, ServerRun>
  /** Events the server plays for a `run` frame. Default: a short text reply. */
  script: (input: any) => unknown[]
  intercept: Interceptor | undefined
  /** Called for each new connection (before any frame). */
  onConnection: ((conn: TestConnection, req: IncomingMessage) => void) | undefined
  nextConnection(): Promise<TestConnection>
  close(): Promise<void>
}

export const replyEvents = (threadId: string, runId: string, text = 'Hello') => [
  { type: 'RUN_STARTED', threadId, runId },
  { type: 'TEXT_MESSAGE_START', messageId: `m-${runId}`, role: 'assistant' },
  ...[...text].map((delta) => ({ type: 'TEXT_MESSAGE_CONTENT', messageId: `m-${runId}`, delta })),
  { type: 'TEXT_MESSAGE_END', messageId: `m-${runId}` },
  { type: 'RUN_FINISHED', threadId, runId },
]

export async function startWsTestServer(): Promise<WsTestServer> {
  const wss = new WebSocketServer({
    port: 0,
    host: '127.0.0.1',
    handleProtocols: (protocols) => (protocols.has('awr.v1') ? 'awr.v1' : false),
  })
  await new Promise<void>((resolve) => wss.once('listening', resolve))
  const waiting: Array<(c: TestConnection) => void> = []
  const server: WsTestServer = {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/agent`,
    connections: [],
    runs: new Map(),
    script: (input) => replyEvents(input.threadId, input.runId),
    intercept: undefined,
    onConnection: undefined,
    nextConnection: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close(() => resolve())
      }),
  }

  wss.on('connection', (socket, req) => {
    const frameWaiters: Array<{ match: (f: any) => boolean; resolve: (f: any) => void }> = []
    const conn: TestConnection = {
      socket,
      url: req.url ?? '',
      offered: (req.headers['sec-websocket-protocol'] ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
      frames: [],
      send: (frame) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame))
      },
      replay(run, after) {
        run.events.forEach((event, i) => {
          if (i + 1 > after) conn.send({ type: 'event', runId: run.runId, id: i + 1, event })
        })
        if (run.finished) conn.send({ type: 'end', runId: run.runId })
      },
      nextFrame: (match = () => true) =>
        new Promise((resolve) => frameWaiters.push({ match, resolve })),
      closed: new Promise((resolve) =>
        socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      ),
    }
    server.connections.push(conn)
    server.onConnection?.(conn, req)
    waiting.splice(0).forEach((resolve) => resolve(conn))
    socket.on('message', (data, isBinary) => {
      if (isBinary) return
      let frame: any
      try {
        frame = JSON.parse(String(data))
      } catch {
        return
      }
      conn.frames.push(frame)
      for (const w of frameWaiters.splice(0)) {
        if (w.match(frame)) w.resolve(frame)
        else frameWaiters.push(w)
      }
      if (server.intercept?.(conn, frame)) return
      defaultBehaviour(server, conn, frame)
    })
  })
  return server
}

function defaultBehaviour(server: WsTestServer, conn: TestConnection, frame: any): void {
  switch (frame.type) {
    case 'auth':
      conn.token = frame.token
      return
    case 'ping':
      return conn.send({ type: 'pong', ts: frame.ts })
    case 'run': {
      const { threadId, runId } = frame.input
      const run: ServerRun = {
        runId,
        threadId,
        events: server.script(frame.input),
        firstId: 1,
        finished: true,
      }
      server.runs.set(runId, run)
      return conn.replay(run, 0)
    }
    case 'resume': {
      const run = server.runs.get(frame.runId)
      if (!run) return conn.send({ type: 'error', runId: frame.runId, code: 'run_not_found' })
      if (frame.lastEventId + 1 < run.firstId) {
        return conn.send({
          type: 'error',
          runId: frame.runId,
          code: 'replay_gap',
          firstId: run.firstId,
        })
      }
      return conn.replay(run, frame.lastEventId)
    }
    default:
      return
  }
}

/** Resolves once `condition()` is true (polled every 5 ms; the test's timeout bounds it). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5))
}

/** Collects a run's Observable: events, and how it ended. */
export { collect } from './testServer'
