import { AgentError, toAgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import type { EventParser } from '../protocol/parseEvent'
import type { AgentEvent, RunAgentInput } from '../protocol/types'
import type { Clock } from './Clock'
import type { SubscriberSink } from './createObservable'
import { createEventIdTracker, type EventIdTracker } from './createEventIdTracker'
import { truncatedBy } from './truncatedError'
import type { WebSocketClientFrame, WebSocketServerFrame } from './webSocketFrames'

/** What a {@link WebSocketRun} needs from its agent. */
export interface WebSocketRunHost {
  send(frame: WebSocketClientFrame): boolean
  /** The run ended (delivered `complete`/`error`): forget it. */
  remove(run: WebSocketRun): void
  clock: Clock
  terminalGraceMs: number
}

/** How a {@link WebSocketRun} starts. */
export interface WebSocketRunInit {
  threadId: string
  runId: string
  /** The run to start (`run`), or none to re-join one (`attach`). */
  input?: RunAgentInput
  lastEventId: number
  parser: EventParser
  /**
   * The load of `parser`'s validator, when it was not loaded yet (see `pendingEventParser`):
   * frames are held, in order, until it resolves; a rejection fails the run with it.
   */
  parserReady?: Promise<void>
  sink: SubscriberSink<AgentEvent>
  /** Reports to the agent's and the run's `onDiagnostic`. */
  report: (diagnostic: Diagnostic) => void
  /** The run's own `onDiagnostic` (for connection findings the agent reports once itself). */
  runDiagnostic?: (diagnostic: Diagnostic) => void
  onEventId?: (id: number) => void
  /**
   * The run was detached on this same connection before (an `attach` right after an
   * `unsubscribe`): frames the server's previous cursor sent before it read `detach` may still
   * arrive. Until the first event of the new replay is accepted, an event past the expected id
   * and an `end` frame are such leftovers and are dropped (the server answers a real gap with
   * an explicit `replay_gap` error). Default `false`.
   */
  staleFramesPossible?: boolean
}

/**
 * One run received over a shared WebSocket: starts it (`run`) or re-joins it (`resume`) each
 * time the connection is ready, de-duplicates and gap-checks its events by id, validates them,
 * and ends its Observable. Internal to `WebSocketAgent`.
 */
export class WebSocketRun {
  readonly threadId: string
  readonly runId: string
  readonly report: (diagnostic: Diagnostic) => void
  readonly #init: WebSocketRunInit
  readonly #host: WebSocketRunHost
  readonly #ids: EventIdTracker
  #resyncing = false
  /** See {@link WebSocketRunInit.staleFramesPossible}; cleared by the first accepted event. */
  #staleFrames: boolean
  #delivered = 0
  #open = true // a run (or a re-joined one) is open until its terminal event
  #grace: unknown
  #ended = false
  /** Frames received while the validator loads (see `parserReady`); `undefined` once loaded. */
  #held: WebSocketServerFrame[] | undefined

  constructor(init: WebSocketRunInit, host: WebSocketRunHost) {
    this.#init = init
    this.#host = host
    this.threadId = init.threadId
    this.runId = init.runId
    this.report = init.report
    this.#staleFrames = init.staleFramesPossible === true
    this.#ids = createEventIdTracker(init.lastEventId)
    if (init.parserReady) {
      const held: WebSocketServerFrame[] = (this.#held = [])
      init.parserReady.then(
        () => {
          this.#held = undefined
          for (const frame of held) if (!this.#ended) this.receive(frame)
        },
        (error: unknown) => {
          this.#held = undefined
          this.fail(toAgentError(error))
        },
      )
    }
  }

  /**
   * The connection is (again) ready: sends `run` while the run has delivered nothing (the
   * first time, and after every reconnect until an event arrives, so a `run` frame lost with
   * any number of connections is simply sent again; the server re-joins a repeated `run` of a
   * runId it knows from event 1), else `resume` from the last id.
   */
  start(): void {
    const { input } = this.#init
    if (input && this.#ids.lastId === 0 && this.#delivered === 0) {
      this.#host.send({ type: 'run', input })
      return
    }
    this.#resume(this.#ids.lastId)
  }

  #dropStale(what: string): void {
    this.report({
      level: 'info',
      code: 'stale_frame',
      message: `Dropped ${what} of run ${this.runId}: sent before the server read this connection's earlier detach.`,
    })
  }

  #resume(lastEventId: number): void {
    this.#ids.beginReplay()
    const { threadId, runId } = this
    this.#host.send({ type: 'resume', threadId, runId, lastEventId })
  }

  /** Reports a connection-level finding to the run's own `onDiagnostic`. */
  reportRunOnly(diagnostic: Diagnostic): void {
    this.#init.runDiagnostic?.(diagnostic)
  }

  /** Handles a frame addressed to this run. */
  receive(frame: WebSocketServerFrame): void {
    if (this.#held) return void this.#held.push(frame)
    if (frame.type === 'event') return this.#onEvent(frame.id, frame.event)
    if (frame.type === 'end') {
      if (this.#staleFrames) return this.#dropStale('end')
      if (!this.#open && this.#delivered > 0) return this.complete()
      const message = `The server ended run ${this.runId}'s stream without a terminal event (RUN_FINISHED or RUN_ERROR): the run is truncated.`
      return this.fail(new AgentError('truncated', message), false)
    }
    if (frame.type === 'error') this.#onError(frame.code, frame.message ?? '', frame.firstId)
  }

  #onEvent(id: unknown, raw: unknown): void {
    const type = (raw as { type?: unknown }).type
    const verdict = this.#ids.check(id, type)
    if (verdict.action === 'drop') return this.report(verdict.diagnostic)
    if (verdict.action === 'gap' && this.#staleFrames) return this.#dropStale(`event ${String(id)}`)
    if (verdict.action === 'gap') {
      this.report({ level: 'warning', code: 'replay_gap', message: verdict.error.message })
      return this.fail(truncatedBy(verdict.error))
    }
    if (verdict.diagnostic) this.report(verdict.diagnostic)
    this.#staleFrames = false
    this.#resyncing = false
    const result = this.#init.parser.parse(raw)
    result.diagnostics.forEach(this.report)
    if (!result.ok) {
      if (!result.dropped) return this.fail(result.error)
      if (verdict.id !== undefined) this.#init.onEventId?.(verdict.id)
      return
    }
    const { event } = result
    this.#host.clock.clearTimeout(this.#grace)
    if (event.type === 'RUN_STARTED') this.#open = true
    else if (event.type === 'RUN_FINISHED' || event.type === 'RUN_ERROR') this.#open = false
    this.#delivered++
    this.#init.sink.next(event)
    if (verdict.id !== undefined) this.#init.onEventId?.(verdict.id)
    if (!this.#open && !this.#ended) {
      this.#grace = this.#host.clock.setTimeout(
        () => this.complete(true),
        this.#host.terminalGraceMs,
      )
    }
  }

  #onError(code: string, detail: string, firstId: unknown): void {
    const { runId } = this
    switch (code) {
      case 'run_not_found': {
        const error = new AgentError(
          'run_not_found',
          `The server does not know run ${runId} (unknown or expired). ${detail}`.trim(),
          { retryable: false },
        )
        return this.fail(this.#delivered > 0 ? truncatedBy(error) : error, false)
      }
      case 'replay_gap': {
        const first = typeof firstId === 'number' ? firstId : undefined
        const error = new AgentError(
          'replay_gap',
          `The server no longer holds the events of run ${runId} after id ${this.#ids.lastId}${first === undefined ? '' : ` (it holds ${first} on)`}.`,
          first === undefined ? {} : { firstId: first },
        )
        this.report({ level: 'warning', code: 'replay_gap', message: error.message })
        if (!this.#resyncing && first !== undefined && first > this.#ids.lastId + 1) {
          this.#resyncing = true // accept the replay if it starts with a snapshot
          return this.#resume(first - 1)
        }
        return this.fail(truncatedBy(error))
      }
      case 'busy':
        return this.fail(
          new AgentError('busy', `The server refused run ${runId}: busy. ${detail}`.trim()),
          false,
        )
      case 'bad_frame':
        return this.fail(
          new AgentError(
            'bad_frame',
            `The server rejected a frame of run ${runId}. ${detail}`.trim(),
          ),
        )
      default: {
        // e.g. `internal_error`: the agent failed to start; the run will get no events
        const message = `The server reported ${code} for run ${runId}. ${detail}`.trim()
        return this.fail(new AgentError('run_error', message, { agentCode: code }), false)
      }
    }
  }

  /** Ends the run with `complete` (after its terminal event). */
  complete(detach = false): void {
    if (!this.#end(detach)) return
    this.#init.sink.complete()
  }

  /** Ends the run with `error`; `detach` tells the server to stop sending it (the run goes on). */
  fail(error: AgentError, detach = true): void {
    if (!this.#end(detach)) return
    this.#init.sink.error(error)
  }

  #end(detach: boolean): boolean {
    if (this.#ended) return false
    this.#ended = true
    this.#host.clock.clearTimeout(this.#grace)
    if (detach) this.#host.send({ type: 'detach', runId: this.runId })
    this.#host.remove(this)
    return true
  }

  /** Ends the run silently (unsubscribed, aborted); returns false when it had ended already. */
  dispose(): boolean {
    return this.#end(false)
  }
}
