import type { Diagnostic } from '../protocol/Diagnostic'
import type { BaseEvent, RunAgentInput } from '../protocol/types'
import type { ConnectionState } from './ConnectionState'

/** Receives values from an {@link Observable}; the rxjs `Observer` shape. */
export interface Observer<T> {
  next?: (value: T) => void
  error?: (error: unknown) => void
  complete?: () => void
}

/** What `subscribe` returns; `unsubscribe()` stops delivery and cancels the source. */
export interface Subscription {
  unsubscribe(): void
}

/**
 * The minimal Observable contract: an rxjs `Observable<T>` satisfies it, so `@ag-ui/client`
 * agents plug in unchanged; the kit's own transports return the small {@link createObservable}.
 */
export interface Observable<T> {
  subscribe(observer: Observer<T> | ((value: T) => void)): Subscription
}

/** Options of one {@link Agent.run} call. */
export interface RunOptions {
  /** Aborting cancels the request; the Observable then errors with `AgentError('aborted')`. */
  signal?: AbortSignal
  /**
   * Receives SHOULD-level findings of this run (unknown events dropped, fields stripped, retired
   * events translated). The store passes one that records them in `snapshot.diagnostics`.
   */
  onDiagnostic?: (diagnostic: Diagnostic) => void
  /** The peer's protocol ceiling (e.g. `'0.0.45'`), for compatibility translation. Default: current. */
  maxProtocolVersion?: string
  /**
   * Receives the id of each event consumed from a resumable stream (the server's per-run
   * sequence number, issue 6 "Event ids"), right after the event is delivered (also for an event
   * dropped as unknown). Keep the last one to `attach` after a reload.
   */
  onEventId?: (id: number) => void
}

/** Parameters of {@link Agent.attach}: the run to re-join, and the last event id already applied. */
export interface AttachParams {
  threadId: string
  runId: string
  /** The last event id the caller applied (see {@link RunOptions.onEventId}); 0 or absent: from the start. */
  lastEventId?: number
}

/**
 * An AG-UI agent: anything that turns a `RunAgentInput` into an Observable of events
 * (spec 1.1, "Agents"). `HttpAgent`, and any `@ag-ui/client` `AbstractAgent` subclass
 * (LangGraph, Mastra, CrewAI integrations), satisfy it.
 *
 * The stream ends with `complete` after `RUN_FINISHED`/`RUN_ERROR`, or with `error(AgentError)`.
 */
export interface Agent {
  run(input: RunAgentInput, options?: RunOptions): Observable<BaseEvent>
  /**
   * True when the agent already validated every event against the AG-UI schema (the kit's own
   * transports). Otherwise the store validates at its edge (design.md rule 2).
   */
  readonly validatesEvents?: boolean
  /** Optional: `@ag-ui/client` agents expose it; the store calls it on `stop()`. */
  abortRun?(): void
  /**
   * Optional: re-joins a run in progress on the server (after `detach`, a reload, navigation):
   * replays the events after `lastEventId`, then streams live ones, ending like `run`.
   * Errors with `run_not_found` when the server no longer knows the run.
   */
  attach?(params: AttachParams, options?: RunOptions): Observable<BaseEvent>
  /**
   * Optional: cancels a run on the server (WebSocket `stop` frame, HTTP cancel endpoint); its
   * stream then ends with `RUN_FINISHED{outcome:{type:'cancelled'}}`. Rejects with an
   * `AgentError` when the request cannot be delivered.
   */
  cancelRun?(runId: string): Promise<void>
  /** Optional: the connection's current state (same object until it changes). */
  getConnectionState?(): ConnectionState
  /** Optional: calls `listener` on every connection state change; returns the unsubscribe function. */
  subscribeConnection?(listener: (state: ConnectionState) => void): () => void
}
