import { AgentError } from '../core/protocol/AgentError'
import type { BaseEvent, RunAgentInput, WireEvent } from '../core/protocol/types'
import { createReplayBuffer, type ReplayBufferOptions } from './createReplayBuffer'
import { createResyncStore, type RunResync } from './createResyncStore'
import { ManagedRun } from './ManagedRun'
import type { EventSource } from './toAsyncIterator'

/** Options of {@link createRunRegistry}: the replay buffer's bounds plus the idle timeout. */
export interface RunRegistryOptions extends ReplayBufferOptions {
  /**
   * Milliseconds the snapshot re-sync of an ended run (its thread's messages and state, see
   * {@link RunRegistry.resync}) is kept after the run ended; it outlives the replay buffer
   * (`ttlMs`). One per thread (its latest ended run). `0` keeps none. Default `3600000` (1 h).
   */
  resyncTtlMs?: number
  /** Most threads whose latest re-sync is kept; the oldest go first. Default `1000`. */
  maxResyncThreads?: number
  /**
   * Milliseconds a running run may go without any listener (every client detached or gone)
   * before the server stops it (`RUN_ERROR { code: 'idle_timeout' }`). `Infinity` disables.
   * Default `30000`.
   */
  idleTimeoutMs?: number
}

/**
 * The runs a server keeps so clients can detach, resume and cancel (see
 * {@link createRunRegistry}). Share one registry between the SSE handler and the WebSocket
 * server so a run started on one can be resumed on the other.
 */
export interface RunRegistry {
  /**
   * Starts `input`'s run: calls `source(signal)` at once (a synchronous throw propagates) and
   * reads it into a new replay buffer, listeners or not. A finished run with the same `runId`
   * is replaced.
   * @throws AgentError `busy` when a run with this `runId` is still running.
   */
  start(
    input: RunAgentInput,
    source: (signal: AbortSignal) => EventSource<BaseEvent | WireEvent>,
  ): ManagedRun
  /** The run with this id, running or ended and not yet expired; else `undefined`. */
  get(runId: string): ManagedRun | undefined
  /**
   * The snapshot re-sync of an ended run the registry no longer holds (its replay buffer
   * expired), for a client holding its events up to `lastEventId` (default 0): `RUN_STARTED`
   * if the client lacks it, closers of what it has open, `MESSAGES_SNAPSHOT`, `STATE_SNAPSHOT`
   * and the run's terminal event, with ids after the run's last one (see `RunResync`). `undefined` when the run is still held (use {@link RunRegistry.get}),
   * unknown, not its thread's latest ended run, older than `resyncTtlMs`, or when its buffer had
   * dropped its first events before it ended (nothing to reduce from).
   */
  resync(runId: string, lastEventId?: number): RunResync | undefined
  /** Cancels the run (see {@link ManagedRun.cancel}); false when unknown or already over. */
  cancel(runId: string): boolean
  /** Runs held (running plus ended, not expired). */
  readonly size: number
  /** Cancels every running run and forgets them all; the registry stays usable. */
  close(): void
}

/**
 * Creates a registry of server-side runs with per-run replay buffers: the state behind the
 * resume endpoint of `createAgentHandler({ resumable })` and behind `createWebSocketAgentServer`.
 *
 * Runs execute independently of their clients. A run ends when the agent's stream ends, when
 * it is cancelled, or after `idleTimeoutMs` without listeners; its buffer is then kept `ttlMs`
 * (default 60 s) for late resumes, and dropped afterwards (checked on access and by an unref'd
 * sweep timer every `min(ttlMs, 60 s)`, so an idle process is not kept alive). After that a
 * client is re-synced from the run's final messages and state ({@link RunRegistry.resync},
 * kept `resyncTtlMs`, default 1 h) instead of being told `run_not_found`.
 *
 * @example
 * const runs = createRunRegistry({ maxEvents: 5000, idleTimeoutMs: 60_000 })
 * http.createServer(createAgentHandler(agent, { resumable: runs }))
 */
export function createRunRegistry(options: RunRegistryOptions = {}): RunRegistry {
  const { idleTimeoutMs = 30_000, resyncTtlMs, maxResyncThreads, ...bufferOptions } = options
  if (!(idleTimeoutMs > 0))
    throw new TypeError(`createRunRegistry: idleTimeoutMs must be > 0, got ${idleTimeoutMs}`)
  createReplayBuffer(bufferOptions) // validates the bounds now rather than on the first run
  const runs = new Map<string, ManagedRun>()
  const resyncs = createResyncStore({
    ...(resyncTtlMs !== undefined && { ttlMs: resyncTtlMs }),
    ...(maxResyncThreads !== undefined && { maxThreads: maxResyncThreads }),
    ...(bufferOptions.now && { now: bufferOptions.now }),
  })
  let sweeper: ReturnType<typeof setInterval> | undefined

  const live = (run: ManagedRun | undefined) => {
    if (!run || !run.buffer.isExpired()) return run
    runs.delete(run.runId)
    return undefined
  }

  function sweep() {
    for (const run of runs.values()) live(run)
    if (runs.size === 0 && sweeper) {
      clearInterval(sweeper)
      sweeper = undefined
    }
  }

  return {
    start(input, source) {
      const existing = live(runs.get(input.runId))
      if (existing?.status === 'running') {
        throw new AgentError('busy', `A run with runId '${input.runId}' is already running.`)
      }
      const run = new ManagedRun(input, source, createReplayBuffer(bufferOptions), idleTimeoutMs)
      runs.set(input.runId, run)
      void run.done.then(() => resyncs.keep(input, run.buffer))
      if (!sweeper) {
        sweeper = setInterval(sweep, Math.min(bufferOptions.ttlMs ?? 60_000, 60_000) || 1000)
        sweeper.unref?.()
      }
      return run
    },
    get(runId) {
      return live(runs.get(runId))
    },
    resync(runId, lastEventId = 0) {
      return live(runs.get(runId)) ? undefined : resyncs.get(runId, lastEventId)
    },
    cancel(runId) {
      return live(runs.get(runId))?.cancel() ?? false
    },
    get size() {
      sweep()
      return runs.size
    },
    close() {
      for (const run of runs.values()) run.cancel()
      runs.clear()
      resyncs.clear()
      if (sweeper) clearInterval(sweeper)
      sweeper = undefined
    },
  }
}
