import type { Diagnostic } from '../protocol/Diagnostic'
import type { BaseEvent, RunAgentInput } from '../protocol/types'

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
}
