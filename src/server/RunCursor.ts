import { AgentError } from '../core/protocol/AgentError'
import type { ReplayBuffer, ReplayEntry } from './createReplayBuffer'

/**
 * A listener's read position in a run: an async iterator over the run's entries after the id
 * it started from, live ones included, that completes once the run is over and every entry was
 * read. `return()` detaches (the run goes on).
 */
export interface RunCursor extends AsyncIterableIterator<ReplayEntry> {
  /**
   * Resolves the next entry. Rejects with `AgentError('replay_gap')` (`firstId` set) when the
   * listener fell so far behind that the buffer dropped the entry it needs.
   */
  next(): Promise<IteratorResult<ReplayEntry>>
  return(): Promise<IteratorResult<ReplayEntry>>
  /**
   * Takes, without waiting, up to `max` entries that are already buffered (for batched writes
   * after a `next()`); `[]` when none is. Throws `AgentError('replay_gap')` like `next()`.
   */
  takeReady(max: number): ReplayEntry[]
}

/** What a {@link BufferCursor} reads from and reports to (a `ManagedRun`). @internal */
export interface CursorHost {
  readonly buffer: ReplayBuffer
  /** False once the run is over (its buffer then only shrinks by expiry). */
  isRunning(): boolean
  /** Resolves on the next append or when the run ends. */
  changed(): Promise<void>
  /** The cursor read an entry or closed (the producer may be waiting for it). */
  progressed(cursor: BufferCursor): void
  /** The cursor closed (detached, finished, or fell behind). */
  closed(cursor: BufferCursor): void
}

/** A {@link RunCursor} over a run's {@link ReplayBuffer}. @internal */
export class BufferCursor implements RunCursor {
  private isClosed = false
  private wake: (() => void) | undefined

  constructor(
    private readonly host: CursorHost,
    private next_: number,
  ) {}

  /** The id this cursor reads next. */
  get nextId(): number {
    return this.next_
  }

  async next(): Promise<IteratorResult<ReplayEntry>> {
    for (;;) {
      if (this.isClosed) return { value: undefined, done: true }
      const entry = this.take()
      if (entry) return { value: entry, done: false }
      if (!this.host.isRunning()) {
        this.close()
        return { value: undefined, done: true }
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve
        void this.host.changed().then(resolve)
      })
      this.wake = undefined
    }
  }

  takeReady(max: number): ReplayEntry[] {
    const out: ReplayEntry[] = []
    for (let entry; out.length < max && !this.isClosed && (entry = this.take());) out.push(entry)
    return out
  }

  return(): Promise<IteratorResult<ReplayEntry>> {
    this.close()
    this.wake?.()
    return Promise.resolve({ value: undefined, done: true })
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  /** The next entry if buffered; throws `replay_gap` when it was dropped. */
  private take(): ReplayEntry | undefined {
    const { buffer } = this.host
    const entry = buffer.get(this.next_)
    if (entry) {
      this.next_++
      this.host.progressed(this)
      return entry
    }
    if (this.next_ <= buffer.lastId) {
      const { firstId } = buffer
      this.close()
      throw new AgentError(
        'replay_gap',
        `The listener fell behind: event ${this.next_} was dropped (oldest held: ${firstId}).`,
        { firstId },
      )
    }
    return undefined
  }

  private close() {
    if (this.isClosed) return
    this.isClosed = true
    this.host.closed(this)
  }
}
