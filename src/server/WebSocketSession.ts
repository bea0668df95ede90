import type { IncomingMessage } from 'node:http'
import { WebSocket, type RawData } from 'ws'
import { isAgentError } from '../core/protocol/AgentError'
import type { BaseEvent, RunAgentInput, WireEvent } from '../core/protocol/types'
import type { RunRegistry } from './createRunRegistry'
import type { RunCursor } from './RunCursor'
import { readClientFrame, type ClientFrame } from './readClientFrame'
import type { EventSource } from './toAsyncIterator'
import { WS_CLOSE_CODES, type WebSocketAuthDecision } from './webSocketCloseCodes'

/** Most entries sent to the socket at once. */
const BATCH = 256
/**
 * Frames a cursor sends before it yields to the event loop (`setImmediate`), so a long replay
 * interleaves with the other sockets and timers of the process (fault-findings F2).
 */
const YIELD_EVERY_FRAMES = 256
/** Socket bytes queued above which event delivery waits for the socket to drain (64 KiB). */
const HIGH_WATER_BYTES = 64 * 1024

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** What a {@link WebSocketSession} needs from its server. @internal */
export interface WebSocketSessionOptions {
  registry: RunRegistry
  source: (input: RunAgentInput) => (signal: AbortSignal) => EventSource<BaseEvent | WireEvent>
  authenticate?: (
    token: string,
    req: IncomingMessage,
  ) => WebSocketAuthDecision | Promise<WebSocketAuthDecision>
  /** Token taken from `Sec-WebSocket-Protocol` or the opted-in query parameter, if any. */
  handshakeToken?: string
  authTimeoutMs: number
  heartbeatMs: number
  maxRunsPerConnection: number
  retryAfterSeconds: number
}

/**
 * One WebSocket connection of `createWebSocketAgentServer`: authenticates it, reads client
 * frames in order, and streams any number of runs over it (multiplexed by `runId`), each from
 * its own cursor into the shared {@link RunRegistry}. Closing the socket detaches every run.
 * @internal
 */
export class WebSocketSession {
  private authed: boolean
  private queue: Promise<void> = Promise.resolve()
  private readonly cursors = new Map<string, RunCursor>()
  private readonly started = new Set<string>()
  private readonly timers: Array<ReturnType<typeof setTimeout>> = []
  private alive = true

  constructor(
    private readonly ws: WebSocket,
    private readonly req: IncomingMessage,
    private readonly options: WebSocketSessionOptions,
  ) {
    this.authed = !options.authenticate
    ws.on('message', (data, isBinary) => this.enqueue(() => this.receive(data, isBinary)))
    ws.on('pong', () => (this.alive = true))
    ws.on('close', () => this.dispose())
    ws.on('error', () => undefined) // 'close' follows; nothing else to do
    if (options.authenticate && options.handshakeToken !== undefined) {
      const token = options.handshakeToken
      this.enqueue(() => this.authenticate(token))
    } else if (options.authenticate) {
      this.later(options.authTimeoutMs, () => {
        if (!this.authed) this.close(WS_CLOSE_CODES.policyViolation, 'auth_timeout')
      })
    }
    if (options.heartbeatMs > 0) this.every(options.heartbeatMs, () => this.heartbeat())
  }

  private enqueue(task: () => void | Promise<void>) {
    this.queue = this.queue.then(task).catch(() => this.close(WS_CLOSE_CODES.internalError))
  }

  private async receive(data: RawData, isBinary: boolean) {
    if (this.ws.readyState !== WebSocket.OPEN) return
    if (isBinary) return this.error('bad_frame', 'Binary frames are not supported; send JSON text.')
    const read = readClientFrame(data.toString())
    if (!this.authed) {
      if (read.ok && read.frame.type === 'auth') return this.authenticate(read.frame.token)
      return this.close(WS_CLOSE_CODES.policyViolation, 'auth_required')
    }
    if (!read.ok) return this.error('bad_frame', read.message, read.runId)
    return this.handle(read.frame)
  }

  private async authenticate(token: string) {
    const decision = await this.options.authenticate!(token, this.req)
    if (decision === true) {
      this.authed = true
      return
    }
    if (decision === 'expired') return this.close(WS_CLOSE_CODES.expired, 'expired')
    if (decision === 'invalid_session')
      return this.close(WS_CLOSE_CODES.invalidSession, 'invalid_session')
    this.error('auth_failed', 'The credentials were refused.')
    this.close(WS_CLOSE_CODES.authFailed, 'auth_failed')
  }

  private handle(frame: ClientFrame): void | Promise<void> {
    const { registry } = this.options
    switch (frame.type) {
      case 'auth':
        // Re-authentication with a fresh token (auth was already checked when required).
        if (this.options.authenticate) return this.authenticate(frame.token)
        return
      case 'ping':
        return this.send(JSON.stringify({ type: 'pong', ts: frame.ts }))
      case 'run':
        return this.run(frame.input)
      case 'stop':
        if (!registry.get(frame.runId)) return this.notFound(frame.runId)
        registry.cancel(frame.runId)
        return
      case 'detach':
        void this.cursors.get(frame.runId)?.return()
        this.cursors.delete(frame.runId)
        return
      case 'resume': {
        const run = registry.get(frame.runId) ?? registry.resync(frame.runId)
        if (!run || (frame.threadId !== undefined && frame.threadId !== run.threadId))
          return this.notFound(frame.runId)
        return this.resumeRun(frame.runId, frame.lastEventId)
      }
    }
  }

  /**
   * `run` is idempotent by `runId`: for a run the registry already has (running, or ended and
   * still buffered, or ended and kept as a snapshot re-sync) on the same thread, it re-joins it
   * from the start (or re-syncs) instead of starting the
   * agent again, so a client that lost its connection before seeing any event may simply send
   * `run` again. Another thread with that `runId` gets `busy`.
   */
  private run(input: RunAgentInput) {
    const { registry, maxRunsPerConnection, retryAfterSeconds } = this.options
    const existing = registry.get(input.runId) ?? registry.resync(input.runId)
    if (existing) {
      if (existing.threadId !== input.threadId) {
        const message = `runId '${input.runId}' belongs to another thread.`
        return this.error('busy', message, input.runId)
      }
      return this.resumeRun(input.runId, 0)
    }
    if (this.started.size >= maxRunsPerConnection) {
      return this.close(WS_CLOSE_CODES.rateLimited, `retry-after=${retryAfterSeconds}`)
    }
    let run
    try {
      run = registry.start(input, this.options.source(input))
    } catch (error) {
      if (isAgentError(error) && error.code === 'busy')
        return this.error('busy', error.message, input.runId)
      const message = error instanceof Error ? error.message : 'The agent failed to start.'
      return this.error('internal_error', message, input.runId)
    }
    this.started.add(run.runId)
    void run.done.then(() => this.started.delete(run.runId))
    const listening = run.listen(0)
    if (listening.ok) this.follow(run.runId, listening.cursor)
  }

  /** Follows a known run from `lastEventId`, or answers `replay_gap` / `bad_frame`. */
  private resumeRun(runId: string, lastEventId: number) {
    const run = this.options.registry.get(runId)
    if (!run) return this.sendResync(runId, lastEventId)
    const listening = run.listen(lastEventId)
    if (!listening.ok && listening.code === 'replay_gap') {
      const message = `Events after ${lastEventId} were dropped; the oldest held is ${listening.firstId}.`
      return this.error('replay_gap', message, runId, listening.firstId)
    }
    if (!listening.ok) {
      const message = `lastEventId ${lastEventId} is beyond the run's last event (${run.buffer.lastId}).`
      return this.error('bad_frame', message, runId)
    }
    this.follow(runId, listening.cursor)
  }

  /**
   * Streams `cursor` as `event` frames, then `end`; a newer cursor for the run replaces it.
   * Yields to the event loop every {@link YIELD_EVERY_FRAMES} frames and waits for `drain`
   * above {@link HIGH_WATER_BYTES} queued, so a replay never monopolises the process.
   */
  private follow(runId: string, cursor: RunCursor) {
    void this.cursors.get(runId)?.return()
    this.cursors.set(runId, cursor)
    const current = () => this.cursors.get(runId) === cursor
    void (async () => {
      let sinceYield = 0
      try {
        for (;;) {
          const step = await cursor.next()
          if (step.done || !current()) break
          const batch = [step.value, ...cursor.takeReady(BATCH - 1)]
          const prefix = `{"type":"event","runId":${JSON.stringify(runId)},"id":`
          await this.sendAll(batch.map((e) => `${prefix}${e.id},"event":${e.json}}`))
          sinceYield += batch.length
          if (sinceYield >= YIELD_EVERY_FRAMES) {
            sinceYield = 0
            await nextTurn()
          }
        }
        if (current()) this.send(JSON.stringify({ type: 'end', runId }))
      } catch (error) {
        if (current() && isAgentError(error) && error.code === 'replay_gap')
          this.error('replay_gap', error.message, runId, error.firstId)
      } finally {
        if (current()) this.cursors.delete(runId)
      }
    })()
  }

  /**
   * A run whose replay buffer expired: its snapshot re-sync (`event` frames with ids after the
   * run's last one, then `end`) when the registry keeps one, else `run_not_found`.
   */
  private sendResync(runId: string, lastEventId: number) {
    const resync = this.options.registry.resync(runId, lastEventId)
    if (!resync) return this.notFound(runId)
    void this.cursors.get(runId)?.return()
    this.cursors.delete(runId)
    const prefix = `{"type":"event","runId":${JSON.stringify(runId)},"id":`
    void this.sendAll(resync.frames.map((f) => `${prefix}${f.id},"event":${f.json}}`))
    this.send(JSON.stringify({ type: 'end', runId }))
  }

  private notFound(runId: string) {
    this.error('run_not_found', `No run '${runId}' here (unknown, or expired).`, runId)
  }

  private error(code: string, message: string, runId?: string, firstId?: number) {
    void this.send(JSON.stringify({ type: 'error', runId, code, message, firstId }))
  }

  /** Sends several frames in one socket write when possible (corked), then waits like `send`. */
  private async sendAll(texts: string[]): Promise<void> {
    // `ws` keeps its net.Socket private; corking it turns a batch into one write.
    const socket = (this.ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket
    socket?.cork()
    let last: Promise<void> = Promise.resolve()
    try {
      for (const text of texts) last = this.send(text)
    } finally {
      socket?.uncork()
    }
    await last
  }

  private async send(text: string): Promise<void> {
    const { ws } = this
    if (ws.readyState !== WebSocket.OPEN) return
    if (ws.bufferedAmount < HIGH_WATER_BYTES) return ws.send(text)
    await new Promise<void>((resolve) => ws.send(text, () => resolve()))
  }

  private heartbeat() {
    if (!this.alive) return this.ws.terminate()
    this.alive = false
    this.ws.ping()
  }

  private close(code: number, reason = '') {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close(code, reason)
  }

  private later(ms: number, fn: () => void) {
    const timer = setTimeout(fn, ms)
    timer.unref?.()
    this.timers.push(timer)
  }

  private every(ms: number, fn: () => void) {
    const timer = setInterval(fn, ms)
    timer.unref?.()
    this.timers.push(timer)
  }

  private dispose() {
    for (const timer of this.timers) clearTimeout(timer)
    for (const cursor of this.cursors.values()) void cursor.return()
    this.cursors.clear()
  }
}
