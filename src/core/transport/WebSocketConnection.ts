import { AgentError } from '../protocol/AgentError'
import { closeOutcome } from './closeCodePolicy'
import { createConnectionAuth } from './createConnectionAuth'
import { createConnectionStateHolder, type ConnectionState } from './ConnectionState'
import { createBackoff } from './createBackoff'
import { createHeartbeat } from './createHeartbeat'
import { discardWebSocket, openWebSocket, type WebSocketLike } from './openWebSocket'
import { planReconnect, type ReconnectStep } from './planReconnect'
import { isHidden, isOffline, watchPageLifecycle } from './watchPageLifecycle'
import { readServerFrame, type WebSocketClientFrame } from './webSocketFrames'
import type {
  WebSocketConnectionHooks,
  WebSocketConnectionOptions,
} from './WebSocketConnectionOptions'

type Phase = 'idle' | 'connecting' | 'open' | 'retry' | 'auth' | 'closed'
const CLIENT_DROP_CODE = 4000

/**
 * One logical WebSocket connection with heartbeats, reconnects (the close-code policy of
 * `closeCodePolicy.ts`), auth and page-lifecycle awareness. Internal to `WebSocketAgent`.
 */
export class WebSocketConnection {
  readonly state = createConnectionStateHolder()
  readonly #o: WebSocketConnectionOptions
  readonly #hooks: WebSocketConnectionHooks
  readonly #backoff
  readonly #heartbeat
  readonly #auth
  #phase: Phase = 'idle'
  #generation = 0
  #socket: WebSocketLike | undefined
  #healthy = false
  #authFailures = 0
  #sessionResets = 0
  #unwatch: (() => void) | undefined
  #retryTimer: unknown
  #connectTimer: unknown
  #idleTimer: unknown

  constructor(options: WebSocketConnectionOptions, hooks: WebSocketConnectionHooks) {
    this.#o = options
    this.#hooks = hooks
    this.#auth = createConnectionAuth(options)
    const { clock } = options
    this.#backoff = createBackoff(options.reconnect, {
      random: options.random,
      now: () => clock.now(),
    })
    this.#heartbeat = createHeartbeat({
      intervalMs: options.heartbeatMs,
      timeoutMs: options.heartbeatTimeoutMs,
      clock,
      ping: () => this.send({ type: 'ping', ts: clock.now() }),
      isPaused: () => isHidden(options.document),
      onTimeout: () => {
        const message = `No answer from the server within ${options.heartbeatTimeoutMs} ms of a ping: the connection is considered dead.`
        this.#hooks.onDiagnostic({ level: 'warning', code: 'heartbeat_timeout', message })
        this.#drop(new AgentError('heartbeat_timeout', message))
      },
    })
  }

  /** Opens the connection unless it is open, opening or waiting to reconnect. */
  ensure(): void {
    this.#o.clock.clearTimeout(this.#idleTimer)
    if (this.#phase === 'idle' || this.#phase === 'closed') void this.#connect()
  }

  /** True when frames can be sent now. */
  get isOpen(): boolean {
    return this.#phase === 'open'
  }

  /** Sends a frame if the socket is open; returns whether it was sent. */
  send(frame: WebSocketClientFrame): boolean {
    if (this.#phase !== 'open' || !this.#socket) return false
    try {
      this.#socket.send(JSON.stringify(frame))
      return true
    } catch {
      return false
    }
  }

  /** Nothing needs the connection any more: close it after `idleCloseMs` (or stop reconnecting). */
  release(): void {
    if (this.#hooks.hasWork()) return
    if (this.#phase === 'retry') return this.#shutdown('idle', { status: 'idle' })
    if (this.#phase !== 'open' && this.#phase !== 'connecting') return
    this.#o.clock.clearTimeout(this.#idleTimer)
    this.#idleTimer = this.#o.clock.setTimeout(() => {
      if (!this.#hooks.hasWork()) this.#shutdown('idle', { status: 'idle' })
    }, this.#o.idleCloseMs)
  }

  /** Closes the connection (code 1000) and stops reconnecting; state `closed`. */
  close(): void {
    this.#shutdown('closed', { status: 'closed' })
  }

  #shutdown(phase: 'idle' | 'closed', state: ConnectionState): void {
    this.#generation++
    this.#phase = phase
    this.#o.clock.clearTimeout(this.#retryTimer)
    this.#o.clock.clearTimeout(this.#idleTimer)
    this.#detachSocket(1000, 'client closed')
    this.#unwatch?.()
    this.#unwatch = undefined
    this.#backoff.reset()
    this.#authFailures = 0
    this.#sessionResets = 0
    this.state.set(state)
  }

  async #connect(): Promise<void> {
    const generation = ++this.#generation
    this.#o.clock.clearTimeout(this.#retryTimer)
    this.#phase = 'connecting'
    this.#unwatch ??= watchPageLifecycle(this.#o, {
      online: () => this.#wake(),
      offline: () => {
        if (this.#phase === 'open' || this.#phase === 'connecting')
          this.#drop(new AgentError('network', 'The browser went offline.'))
      },
      visible: () => (this.#phase === 'open' ? this.#heartbeat.start() : this.#wake()),
      hidden: () => this.#heartbeat.pause(), // hidden pages' timers are throttled: no verdict
    })
    if (isOffline(this.#o.window))
      return this.#retry(new AgentError('network', 'The browser is offline.'))
    this.state.set({ status: 'connecting' })
    let token: string | undefined
    try {
      token = await this.#auth.token()
    } catch (error) {
      if (generation !== this.#generation) return
      const message = `auth() failed: ${error instanceof Error ? error.message : String(error)}`
      return void this.#onAuthFailure(new AgentError('auth_required', message, { cause: error }))
    }
    if (generation !== this.#generation) return
    const { authVia, connectTimeoutMs, clock } = this.#o
    let socket: WebSocketLike
    try {
      socket = openWebSocket({ ...this.#o, token })
    } catch (error) {
      const message = `Cannot open a WebSocket to ${this.#o.url}: ${error instanceof Error ? error.message : String(error)}`
      return this.#giveUp(new AgentError('network', message, { cause: error, retryable: false }))
    }
    this.#socket = socket
    this.#healthy = false
    this.#connectTimer = clock.setTimeout(() => {
      const message = `The WebSocket did not open within ${connectTimeoutMs} ms.`
      this.#drop(new AgentError('network', message))
    }, connectTimeoutMs)
    socket.onclose = (event: { code?: number; reason?: string }) => {
      if (socket !== this.#socket) return
      this.#detachSocket(1000, '')
      this.#applyPolicy(event.code ?? 1006, event.reason ?? '')
    }
    socket.onmessage = (event: { data: unknown }) => {
      if (socket === this.#socket) this.#onMessage(event.data)
    }
    socket.onopen = () => {
      if (socket !== this.#socket) return
      clock.clearTimeout(this.#connectTimer)
      this.#phase = 'open'
      this.state.set({ status: 'open' })
      if (token !== undefined && authVia === 'frame') this.send({ type: 'auth', token })
      this.#heartbeat.start()
      this.#hooks.onReady()
    }
  }

  /** Retries now if a retry is waiting (online again, page visible again). */
  #wake(): void {
    if (this.#phase === 'retry') void this.#connect()
  }

  #onMessage(data: unknown): void {
    this.#heartbeat.alive() // any frame proves the connection alive
    const read = readServerFrame(data, this.#o.maxFrameBytes)
    if (!read.ok) {
      if (read.fatal) return this.#hooks.onFrameError(read.error)
      const { code, message } = read.error
      return this.#hooks.onDiagnostic({ level: 'warning', code, message })
    }
    const { frame } = read
    if (frame.type === 'error' && frame.code === 'auth_failed') {
      const message = `The server refused the credentials: ${frame.message ?? 'auth_failed'}`
      return this.#drop(new AgentError('auth_required', message, { retryable: false }), 4003)
    }
    if (!this.#healthy) {
      this.#healthy = true // a healthy connection starts a new backoff series
      this.#backoff.reset()
      this.#authFailures = 0
      this.#sessionResets = 0
    }
    if (frame.type === 'pong') {
      const latency = typeof frame.ts === 'number' ? this.#o.clock.now() - frame.ts : undefined
      const latencyMs = latency === undefined ? undefined : Math.max(0, latency)
      const current = this.state.get()
      if (current.status === 'open' && current.latencyMs === latencyMs) return
      return this.state.set(
        latencyMs === undefined ? { status: 'open' } : { status: 'open', latencyMs },
      )
    }
    if (frame.type === 'error' && frame.runId === undefined) {
      const message = `The server reported ${frame.code}: ${frame.message ?? ''}`
      return this.#hooks.onDiagnostic({ level: 'warning', code: frame.code, message })
    }
    this.#hooks.onFrame(frame)
  }

  #detachSocket(code: number, reason: string): void {
    const socket = this.#socket
    this.#socket = undefined
    this.#o.clock.clearTimeout(this.#connectTimer)
    this.#heartbeat.stop()
    if (socket) discardWebSocket(socket, code, reason)
  }

  /** Closes the socket from this side (dead, offline, refused) and applies the policy as `code`. */
  #drop(error: AgentError, code = CLIENT_DROP_CODE): void {
    this.#generation++ // a connect awaiting its token is abandoned
    this.#detachSocket(CLIENT_DROP_CODE, error.code)
    this.#applyPolicy(code, '', error)
  }

  #applyPolicy(code: number, reason: string, local?: AgentError): void {
    const { rule, error: closeError, step } = closeOutcome(code, reason)
    if (!rule.known) {
      const message = `The server closed the connection with unknown code ${code}${reason ? ` (${reason})` : ''}; treated as 4000 (reconnect with backoff).`
      this.#hooks.onDiagnostic({ level: 'warning', code: 'unknown_close_code', message })
    }
    const error = local ?? closeError
    if (!this.#hooks.hasWork()) {
      const status = rule.action === 'auth' ? 'auth_required' : 'closed'
      return this.#shutdown('closed', code === 1000 && !local ? { status } : { status, error })
    }
    switch (rule.action) {
      case 'close':
        return this.#giveUp(error)
      case 'new_session':
        return this.#retry(error, ++this.#sessionResets === 1 ? { exactMs: 0 } : undefined)
      case 'rate_limit':
        return this.#retry(error, step)
      case 'auth':
      case 'refresh':
        return void this.#onAuthFailure(error, rule.action === 'refresh')
      default:
        return this.#retry(error)
    }
  }

  /**
   * 1008/4003 (and a second auth failure in a row): state `auth_required`, ask the app
   * (`onAuthRequired`); reconnect unless it answers `false`, throws, or is absent. 4002 (first):
   * refresh the same way but stay `reconnecting`, and reconnect also without `onAuthRequired`.
   */
  async #onAuthFailure(error: AgentError, expired = false): Promise<void> {
    const generation = this.#generation
    const refresh = expired && ++this.#authFailures === 1
    if (!expired) this.#authFailures++
    this.#phase = 'auth'
    const attempt = this.#backoff.attempt + 1
    this.state.set(
      refresh
        ? { status: 'reconnecting', attempt, nextRetryMs: 0, error }
        : { status: 'auth_required', error },
    )
    const retry = await this.#auth.askApp(error, refresh)
    if (generation !== this.#generation || this.#phase !== 'auth') return
    if (!retry) return this.#giveUp(error, 'auth_required')
    this.#retry(error, this.#authFailures === 1 ? { exactMs: 0 } : undefined)
  }

  #retry(error: AgentError, step?: ReconnectStep): void {
    const plan = planReconnect(this.#backoff, error, step, isOffline(this.#o.window))
    if ('giveUp' in plan) return this.#giveUp(plan.giveUp)
    this.#phase = 'retry'
    this.#o.clock.clearTimeout(this.#retryTimer)
    this.state.set(plan.state)
    const { delayMs } = plan
    if (delayMs !== undefined)
      this.#retryTimer = this.#o.clock.setTimeout(() => void this.#connect(), delayMs)
  }

  #giveUp(error: AgentError, status: 'closed' | 'auth_required' = 'closed'): void {
    this.#shutdown('closed', { status, error })
    this.#hooks.onGiveUp(error)
  }
}
