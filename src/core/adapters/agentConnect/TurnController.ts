import { AgentError, toAgentError } from '../../protocol/AgentError'
import type { BaseEvent, RunAgentInput, WireEvent } from '../../protocol/types'
import type { Observable, RunOptions } from '../../transport/Agent'
import { createObservable, type SubscriberSink } from '../../transport/createObservable'
import { lastUserText } from './lastUserText'

/** One run of a turn-based system: the user's message out, frames in until a terminal one. */
export interface Turn {
  readonly input: RunAgentInput
  readonly options: RunOptions
  readonly sink: SubscriberSink<BaseEvent>
  /** The message went out: an answer is owed. */
  sent: boolean
  /** A terminal frame arrived: nothing more is owed. */
  answered: boolean
  done: boolean
}

/** What a {@link TurnController} asks of its agent. */
export interface TurnHooks {
  /** The system's name, for messages (`AgentConnect`). */
  system: string
  /** An error to fail a new run with before anything is sent (a cooldown), or nothing. */
  refuse?(): AgentError | undefined
  /** Opens (or reuses) the connection for `input`; rejects with an `AgentError`. */
  open(input: RunAgentInput): Promise<void>
  /** Sends the user's `text`; false when the socket is gone. */
  send(text: string, input: RunAgentInput): boolean
  /** A turn ended; `owed`: its message went out and its answer never came (it may come late). */
  ended?(turn: Turn, owed: boolean): void
}

/**
 * The run lifecycle shared by the turn-based seed-system adapters (AgentConnect, GenAI
 * AgentOS): one run at a time (`busy` otherwise), only the last user message is sent (`bad_frame`
 * when there is none), `RUN_STARTED` once it went out, `aborted` on the signal, and a local end
 * on abort or unsubscribe (these systems have no cancel on the wire).
 */
export class TurnController {
  /** The run in flight. */
  current: Turn | undefined
  readonly #hooks: TurnHooks

  constructor(hooks: TurnHooks) {
    this.#hooks = hooks
  }

  /** Starts a run (see the class docs). */
  run(input: RunAgentInput, options: RunOptions): Observable<BaseEvent> {
    const { system } = this.#hooks
    return createObservable<BaseEvent>((sink) => {
      const { signal } = options
      if (signal?.aborted) return sink.error(new AgentError('aborted', 'The run was aborted.'))
      if (this.current) return sink.error(new AgentError('busy', `A ${system} run is in flight.`))
      const refusal = this.#hooks.refuse?.()
      if (refusal) return sink.error(refusal)
      const text = lastUserText(input.messages)
      if (text === undefined)
        return sink.error(
          new AgentError(
            'bad_frame',
            `${system} takes a user message: the last message is not one with text.`,
          ),
        )
      const turn: Turn = { input, options, sink, sent: false, answered: false, done: false }
      this.current = turn
      const abort = () => this.end(turn, new AgentError('aborted', 'The run was aborted.'))
      signal?.addEventListener('abort', abort, { once: true })
      this.#hooks.open(input).then(
        () => {
          if (turn.done) return
          if (!this.#hooks.send(text, input))
            return this.end(
              turn,
              new AgentError(
                'connection_closed',
                `The ${system} socket closed before the message went out.`,
              ),
            )
          turn.sent = true
          this.emit(turn, { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId })
        },
        (error: unknown) => this.end(turn, toAgentError(error, 'network')),
      )
      return () => {
        signal?.removeEventListener('abort', abort)
        this.end(turn)
      }
    })
  }

  /** Delivers one AG-UI event of `turn`. */
  emit(turn: Turn, event: WireEvent): void {
    turn.sink.next(event as unknown as BaseEvent)
  }

  /** Delivers `events`; when `terminal`, marks the turn answered and completes it. */
  deliver(turn: Turn, events: readonly WireEvent[], terminal: boolean): void {
    for (const event of events) this.emit(turn, event)
    if (!terminal) return
    turn.answered = true
    this.end(turn)
  }

  /** Reports a frame type the adapter does not know (diagnostic `unknown_frame_dropped`). */
  unknown(turn: Turn, type: string): void {
    turn.options.onDiagnostic?.({
      level: 'warning',
      code: 'unknown_frame_dropped',
      message: `${this.#hooks.system} frame type '${type}' is not known; dropped.`,
    })
  }

  /** Ends `turn`: completes (no `error`) or errors; idempotent. */
  end(turn: Turn, error?: AgentError): void {
    if (turn.done) return
    turn.done = true
    if (this.current === turn) this.current = undefined
    this.#hooks.ended?.(turn, turn.sent && !turn.answered)
    if (error) turn.sink.error(error)
    else turn.sink.complete()
  }
}
