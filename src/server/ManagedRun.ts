import { AgentError } from '../core/protocol/AgentError'
import type { BaseEvent, RunAgentInput, WireEvent } from '../core/protocol/types'
import { createOpenEventTracker } from './createOpenEventTracker'
import type { ReplayBuffer, ReplayCheck } from './createReplayBuffer'
import { BufferCursor, type CursorHost, type RunCursor } from './RunCursor'
import { toAsyncIterator, type EventSource } from './toAsyncIterator'

/** Where a {@link ManagedRun} is: streaming, or over (and how). */
export type ManagedRunStatus = 'running' | 'finished' | 'cancelled' | 'error' | 'idle_timeout'

/**
 * What {@link ManagedRun.listen} returns: a cursor, or why it refused (`replay_gap`,
 * `bad_last_event_id`).
 */
export type ListenResult = { ok: true; cursor: RunCursor } | Exclude<ReplayCheck, { ok: true }>

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code !== '' ? code : 'internal_error'
}

/**
 * One run executing on the server, decoupled from its clients: the agent's events go into the
 * run's {@link ReplayBuffer} whether anyone listens or not; listeners read from the buffer at
 * their own pace ({@link ManagedRun.listen}). Created by `createRunRegistry`.
 *
 * Backpressure: when appending would make the buffer drop an event an attached listener has not
 * read yet, the run stops reading the agent until that listener catches up (an async generator
 * agent is then paused at its `yield`), for at most `idleTimeoutMs`; a listener stuck longer is
 * left behind and gets `replay_gap`. Without listeners the run never waits.
 */
export class ManagedRun implements CursorHost {
  readonly threadId: string
  readonly runId: string
  readonly buffer: ReplayBuffer
  /** Resolves once the run is over (its terminal event appended, the buffer ended). */
  readonly done: Promise<void>
  private statusValue: ManagedRunStatus = 'running'
  private readonly controller = new AbortController()
  private readonly tracker = createOpenEventTracker()
  private readonly waiting = new Set<() => void>()
  private readonly cursors = new Set<BufferCursor>()
  private wakeProducer: (() => void) | undefined
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private stopRequested: 'cancelled' | 'idle_timeout' | undefined
  private wakeStop: (() => void) | undefined

  /**
   * Starts the agent at once: `source(signal)` is called synchronously (so its synchronous
   * throw reaches the caller) and read until it completes, throws, or the run is stopped.
   */
  constructor(
    input: RunAgentInput,
    source: (signal: AbortSignal) => EventSource<BaseEvent | WireEvent>,
    buffer: ReplayBuffer,
    private readonly idleTimeoutMs: number,
  ) {
    this.threadId = input.threadId
    this.runId = input.runId
    this.buffer = buffer
    const iterator = toAsyncIterator(source(this.controller.signal))
    this.done = this.pump(iterator)
    this.armIdleTimer()
  }

  /** `running` until the run ends; then how it ended. */
  get status(): ManagedRunStatus {
    return this.statusValue
  }

  /** Listeners currently attached. */
  get listenerCount(): number {
    return this.cursors.size
  }

  /**
   * Cancels the run (the agent's `AbortSignal` fires): closes what the agent left open, then
   * appends `RUN_FINISHED { outcome: { type: 'cancelled' } }` (preceded by `RUN_STARTED` when
   * the agent sent none). No effect once the run is over. Returns whether it was running.
   */
  cancel(): boolean {
    return this.stop('cancelled')
  }

  /**
   * Attaches a listener that has every event up to `lastEventId` (`0`: none). Refuses with
   * `replay_gap` when the buffer no longer holds `lastEventId + 1`, `bad_last_event_id` when
   * the id is beyond the run's last one.
   */
  listen(lastEventId = 0): ListenResult {
    const check = this.buffer.check(lastEventId)
    if (!check.ok) return check
    const cursor = new BufferCursor(this, lastEventId + 1)
    this.cursors.add(cursor)
    this.clearIdleTimer()
    return { ok: true, cursor }
  }

  /** @internal */
  isRunning(): boolean {
    return this.statusValue === 'running'
  }

  /** @internal Resolves on the next append or when the run ends. */
  changed(): Promise<void> {
    return new Promise<void>((resolve) => this.waiting.add(resolve))
  }

  /** @internal */
  progressed(): void {
    const wake = this.wakeProducer
    this.wakeProducer = undefined
    wake?.()
  }

  /** @internal */
  closed(cursor: BufferCursor): void {
    this.cursors.delete(cursor)
    this.progressed()
    this.armIdleTimer()
  }

  private stop(reason: 'cancelled' | 'idle_timeout'): boolean {
    if (this.statusValue !== 'running' || this.stopRequested) return false
    this.stopRequested = reason
    this.controller.abort(new AgentError('aborted', `The run was stopped (${reason}).`))
    this.wakeStop?.()
    this.progressed() // a producer waiting for room gives up
    return true
  }

  private append(event: BaseEvent | WireEvent, json?: string) {
    this.tracker.observe(event)
    this.buffer.append(event, json)
    this.notify()
  }

  /**
   * Waits while appending `bytes` more would drop an entry an attached cursor still needs, for
   * at most `idleTimeoutMs` in all, or until the run is stopped.
   */
  private async roomFor(bytes: number): Promise<void> {
    let deadline: number | undefined
    for (;;) {
      const first = this.buffer.firstIdAfter(bytes)
      if (first === this.buffer.firstId || this.stopRequested) return
      let behind = false
      // A cursor that already lost events (it will get replay_gap) is not waited for.
      for (const c of this.cursors)
        if (c.nextId < first && c.nextId >= this.buffer.firstId) behind = true
      if (!behind) return
      deadline ??= Date.now() + this.idleTimeoutMs
      const left = deadline - Date.now()
      if (!(left > 0)) return
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([
        new Promise<void>((resolve) => (this.wakeProducer = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.min(left, 2 ** 31 - 1)))),
      ])
      clearTimeout(timer)
    }
  }

  private notify() {
    const waiting = [...this.waiting]
    this.waiting.clear()
    for (const wake of waiting) wake()
  }

  private async pump(iterator: AsyncIterator<BaseEvent | WireEvent>): Promise<void> {
    // One promise per step, woken by next() or by stop(): racing every step against one
    // long-lived "stopped" promise would pile a reaction on it per event (memory, GC).
    const nextOrStop = () =>
      new Promise<IteratorResult<BaseEvent | WireEvent> | undefined>((resolve, reject) => {
        this.wakeStop = () => resolve(undefined)
        iterator.next().then(resolve, reject)
      })
    let failure: { error: unknown } | undefined
    try {
      for (;;) {
        if (this.stopRequested) break
        const step = await nextOrStop()
        if (!step || step.done || this.stopRequested) break
        const json = JSON.stringify(step.value)
        if (json === undefined) throw new TypeError('The agent sent an event that is not JSON.')
        await this.roomFor(Buffer.byteLength(json))
        if (this.stopRequested) break
        this.append(step.value, json)
      }
    } catch (error) {
      if (!this.stopRequested) failure = { error }
    }
    if (this.stopRequested) iterator.return?.().catch(() => undefined)
    this.finish(failure)
  }

  private finish(failure: { error: unknown } | undefined) {
    const { threadId, runId } = this
    try {
      if (this.stopRequested && !this.tracker.terminated) {
        if (!this.tracker.started) this.append({ type: 'RUN_STARTED', threadId, runId })
        if (this.stopRequested === 'idle_timeout') {
          this.append({
            type: 'RUN_ERROR',
            code: 'idle_timeout',
            message: `No client listened for ${this.idleTimeoutMs} ms; the run was stopped.`,
          })
        } else {
          for (const event of this.tracker.closingEvents()) this.append(event)
          this.append({ type: 'RUN_FINISHED', threadId, runId, outcome: { type: 'cancelled' } })
        }
      } else if (failure && !this.tracker.terminated) {
        const { error } = failure
        const message =
          error instanceof Error && error.message ? error.message : 'The agent failed.'
        this.append({ type: 'RUN_ERROR', message, code: errorCode(error) })
      }
    } catch {
      // An event that cannot be serialised: the run still ends.
    }
    this.statusValue = this.stopRequested ?? (failure ? 'error' : 'finished')
    this.clearIdleTimer()
    this.buffer.end()
    this.notify()
  }

  private armIdleTimer() {
    if (this.cursors.size > 0 || this.statusValue !== 'running' || this.idleTimer) return
    if (!Number.isFinite(this.idleTimeoutMs)) return
    this.idleTimer = setTimeout(() => this.stop('idle_timeout'), this.idleTimeoutMs)
    this.idleTimer.unref?.()
  }

  private clearIdleTimer() {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
  }
}
