import type { AgentError } from '../protocol/AgentError'
import type { AgentSnapshot, InterruptView } from '../reducer/AgentSnapshot'
import type {
  AgentEvent,
  Context,
  ContentPart,
  Interrupt,
  Message,
  ResumeEntry,
  Tool,
  UserMessage,
} from '../protocol/types'
import type { Agent } from '../transport/Agent'
import type { ApprovalPolicyStore } from './ApprovalPolicyStore'
import type { Scheduler } from './Scheduler'
import type { PersistedThread } from './snapshotToPersisted'
import type { ToolDefinition } from './ToolDefinition'

/** Options of {@link createAgentStore}. */
export interface AgentStoreOptions {
  /** The agent that runs: `HttpAgent`, a scripted agent, or any `@ag-ui/client` agent. */
  agent: Agent
  /** `RunAgentInput.threadId` of every run. Default: `crypto.randomUUID()`. */
  threadId?: string
  /** Messages the thread starts with (e.g. restored history). Default: none. */
  initialMessages?: Message[]
  /** Agent state the thread starts with. Default: `undefined`. */
  initialState?: unknown
  /** Tools sent with every run (`RunAgentInput.tools`) unless a run overrides them. Default: `[]`. */
  tools?: Tool[]
  /** Context sent with every run (`RunAgentInput.context`) unless a run overrides it. Default: `[]`. */
  context?: Context[]
  /**
   * When streamed events are published to subscribers. Default: {@link defaultScheduler}
   * (an animation frame in a visible browser tab, at most 60 publishes a second, else a 16 ms
   * timer or a microtask; see `createFrameScheduler`).
   * Tests pass a manual scheduler to control frames.
   */
  scheduler?: Scheduler
  /**
   * The agent's protocol ceiling (e.g. `'0.0.45'`) when it predates this kit's `1.1`: the
   * transport shapes requests and translates events for that older peer. Default: current.
   */
  maxProtocolVersion?: string
  /**
   * Interrupts the thread starts with (e.g. restored with `snapshotToPersisted`), `open`.
   * Default: none.
   */
  initialInterrupts?: Interrupt[]
  /**
   * Answers staged on `initialInterrupts` before a reload (`PersistedThread.resume`): each is
   * staged again: the expiry is checked again (an answer past `expiresAt` leaves its interrupt
   * `expired` with `interrupt_expired`); `responseSchema` is not, it was checked when the answer
   * was first staged. Default: none.
   */
  initialResume?: ResumeEntry[]
  /** Where "always allow" decisions live. Default: `createMemoryPolicyStore()`. */
  policyStore?: ApprovalPolicyStore
  /**
   * Start a follow-up run once every tool call of a run that the kit answers (frontend tool
   * results, approval decisions) has its tool message. Default `true`.
   */
  autoFollowUp?: boolean
  /**
   * At most this many automatic follow-up runs in a row; the counter resets on a user message
   * and on a person's decision. Beyond it no run starts: `run.status` becomes `error` with
   * `AgentError('limit_exceeded')` and a `follow_up_limit` diagnostic. Default 5.
   */
  maxFollowUps?: number
  /**
   * Start the resume run (`RunAgentInput.resume[]` covering every open interrupt) as soon as
   * every open interrupt is answered or cancelled. Default `true`; with `false` call `resume()`.
   */
  autoResume?: boolean
  /** Clock in ms since epoch, for interrupt expiry and decision times. Default `Date.now`. */
  now?: () => number
}

/** Options of one {@link AgentStore.run}. */
export interface AgentRunOptions {
  /**
   * A user message appended to the thread before the run: text, content parts (multimodal,
   * spec 1.1 "Messages"), or a complete `UserMessage`. A missing `id` is `crypto.randomUUID()`.
   */
  message?: string | ContentPart[] | UserMessage
  /** Tools for this run only. Default: the store's `tools`. */
  tools?: Tool[]
  /** Context for this run only. Default: the store's `context`. */
  context?: Context[]
  /** `RunAgentInput.forwardedProps`, passed to the agent untouched. Default: `{}`. */
  forwardedProps?: unknown
  /**
   * Replaces the thread's state before the run (and so `RunAgentInput.state`).
   * Default: the current `snapshot.state`.
   */
  state?: unknown
}

/**
 * Options of {@link AgentStore.regenerate} and {@link AgentStore.editAndResend}: those of
 * {@link AgentStore.run} but the message, which the edit supplies.
 */
export type ThreadEditOptions = Omit<AgentRunOptions, 'message'>

/**
 * Called synchronously for every event the store applied, in order, after chunk expansion
 * (a `TEXT_MESSAGE_CHUNK` arrives as the `TEXT_MESSAGE_START`/`CONTENT` it expands to), with
 * the snapshot after the received event that produced it (not yet published). Events rejected
 * by validation or verification are not reported.
 */
export type AgentEventListener = (event: AgentEvent, snapshot: AgentSnapshot) => void

/**
 * The framework-agnostic state container of one thread (design.md, "core/store"): it runs the
 * agent, reduces its events into an {@link AgentSnapshot} and notifies subscribers.
 *
 * **Publication.** `getSnapshot()` returns the *published* snapshot. Streamed events update an
 * internal snapshot and schedule one flush per frame (see {@link AgentStoreOptions.scheduler})
 * that publishes it and notifies subscribers once. A run's start and end, a change of
 * `run.status`, `stop()`, `setState()` and `addMessage()` publish at once. So a burst of tokens
 * costs at most one React commit per frame, and the snapshot React reads through
 * `useSyncExternalStore` only changes between notifications (no tearing).
 *
 * **Errors.** No method throws and `run()` never rejects: failures land in `snapshot.run`
 * (`status` and `error: AgentError`). A throwing listener is reported with `console.error`
 * and the other listeners still run.
 *
 * **Human in the loop.** Its code (all but the tool registry and the policy store) is a chunk
 * the store loads on first need: a tool registered, `initialInterrupts` given, or a run's first
 * `TOOL_CALL_START` / `TOOL_CALL_CHUNK` or `RUN_FINISHED` with an `interrupt` outcome
 * (`preloadStoreHumanInTheLoop()` loads it earlier). Until then the thread has no approval nor
 * interrupt, and `approve`, `deny`, `editArgs`, `respondToInterrupt`, `respondToAllInterrupts`,
 * `cancelInterrupt` answer as on such a thread. While it loads: a run's events from that first
 * one wait for it (in order, none skipped), a run start waits for it, and calls of those methods
 * are applied in order once it is in (`editArgs` and the `respond…` methods then return
 * `undefined`; a failure shows on the approval's or interrupt's `error`). A failed load ends the
 * waiting run with `AgentError('load_failed')` (retryable: `retry()` loads it again; the events
 * held for it are dropped, everything applied before them stays) and drops the waiting calls
 * (logged).
 */
export interface AgentStore {
  /** The agent this store runs. */
  readonly agent: Agent
  /**
   * The scheduler it publishes through (`options.scheduler`, else `defaultScheduler`); UI that
   * commits on its own (`Thread.Root`) calls its `published()` to count against the same rate.
   */
  readonly scheduler: Scheduler
  /** The published snapshot; the same object until the next notification. */
  getSnapshot(): AgentSnapshot
  /**
   * Registers `listener`, called (without arguments) after each publication; at most once per
   * flush. Returns the function that unregisters it.
   */
  subscribe(listener: () => void): () => void
  /**
   * Starts a run: appends `options.message` (if any), sends `RunAgentInput` (threadId, a new
   * `runId`, `protocolVersion: PROTOCOL_VERSION`, state, messages, tools, context,
   * forwardedProps) and streams its events into the snapshot.
   *
   * Resolves with the final snapshot when the run ends (finished, interrupted, error,
   * cancelled or truncated); never rejects. **Busy:** while a run is running, the call starts
   * nothing, changes nothing and resolves at once with the published snapshot (check
   * `snapshot.run.runId` if you need to know). After `destroy()` it also resolves at once.
   */
  run(options?: AgentRunOptions): Promise<AgentSnapshot>
  /**
   * Runs the last run's request again: the thread goes back to the messages and the agent state
   * that run started from (a failed attempt's partial output and state changes go), with its
   * tools, context and forwardedProps; appends no user message. Before any run: a run of the
   * thread as it is. Same busy rule and result as {@link run}.
   */
  retry(): Promise<AgentSnapshot>
  /**
   * Stops the running run: aborts its `AbortSignal` (the kit's transports then cancel it at the
   * server), unsubscribes, calls `agent.abortRun?.()` and ends it with status `cancelled` and
   * `AgentError('aborted')`. A detached run is cancelled with `agent.cancelRun(runId)`.
   * Messages already received stay. No-op when nothing runs.
   */
  stop(): void
  /**
   * Stops listening to the running run without cancelling it (issue 6, "Stop vs detach"): the
   * subscription ends, the server goes on, `snapshot.run` stays `running` with
   * `detached: true`, and the `run()` promise resolves with that snapshot. While detached the
   * store is busy (`run`, `retry`, `resume` start nothing); `attach()` re-joins the run and
   * `stop()` cancels it at the server (`agent.cancelRun`). No-op when nothing runs or the agent
   * has no `attach` (e.g. third-party agents).
   */
  detach(): void
  /**
   * Re-joins a run in progress through `agent.attach`: the detached run (default), continuing
   * after the last event id applied; or `runId`, a run this store never saw (after a reload,
   * restored with {@link AgentStore.toPersisted}), replayed from its first event. Resolves when
   * the run ends, like {@link run}; a server that no longer knows the run ends it with
   * `AgentError('run_not_found')` (Retry re-sends the last request). Resolves at once when busy,
   * destroyed, or the agent has no `attach`.
   */
  attach(runId?: string): Promise<AgentSnapshot>
  /**
   * What to save to restore the thread after a reload: {@link snapshotToPersisted} of the
   * current snapshot, except while a run streams or is detached (and the agent can attach): then
   * the thread as that run found it plus `activeRun.runId`, for `store.attach(runId)`.
   */
  toPersisted(): PersistedThread
  /** Replaces the agent state (value, or updater of the previous state) and publishes at once. */
  setState(stateOrUpdater: unknown | ((previous: unknown) => unknown)): void
  /** Appends a message (or replaces the one with the same `id`) and publishes at once. */
  addMessage(message: Message): void
  /**
   * Regenerates a reply (issue 4, "message actions"): cuts the thread before the user message
   * that precedes `messageId` (default: the last assistant message; a user message's id
   * re-runs from that message) and runs again from that same user message (same id and
   * content), like {@link run} with it as `message`: owed tool calls are answered `cancelled`,
   * open interrupts are sent `cancelled`. The agent state goes back to the one that user
   * message was sent with (so the turn's state changes are not applied twice), unless `options`
   * gives a `state`; a message this store did not send (`initialMessages`, a reload) keeps the
   * current state.
   *
   * Returns the run's promise (as {@link run}), or, changing nothing, `AgentError('busy')`
   * while a run is running or detached (or after `destroy()`), `AgentError('not_found')` when
   * the id is unknown, the thread has no assistant message, or no user message precedes it.
   */
  regenerate(messageId?: string, options?: ThreadEditOptions): AgentError | Promise<AgentSnapshot>
  /**
   * Edit and resend (issue 4): replaces the user message `messageId` with one of `content`
   * (a new `id`; other fields such as `name` kept), drops every message after it, and runs, like
   * {@link run} with it as `message`. The agent state goes back to the one the edited message
   * was sent with, as for {@link regenerate}.
   *
   * Returns the run's promise, or, changing nothing, `AgentError('busy')` while a run is
   * running or detached (or after `destroy()`), `AgentError('not_found')` when `messageId` is
   * not a user message of the thread.
   */
  editAndResend(
    messageId: string,
    content: string | ContentPart[],
    options?: ThreadEditOptions,
  ): AgentError | Promise<AgentSnapshot>
  /** Registers a listener for every applied event; returns the function that unregisters it. */
  onEvent(listener: AgentEventListener): () => void
  /** Publishes pending streamed changes now (for imperative users and tests). */
  flush(): void
  /** Stops the run, drops every listener and cancels pending flushes. The store stays readable. */
  destroy(): void

  // ---- Human in the loop (issue 3; loaded on first need, see above) ----

  /** Where "always allow" decisions live ({@link AgentStoreOptions.policyStore}). */
  readonly policyStore: ApprovalPolicyStore
  /**
   * Registers a tool (frontend: with `handler`; backend: without, to require approval or
   * render it). The last registration of a name wins; unregistering it restores the previous
   * one. Approvals are re-derived at once. Returns the function that unregisters (idempotent).
   */
  registerTool<Args>(definition: ToolDefinition<Args>): () => void
  /** The registered tool named `name` (the last registration), or `undefined`. */
  getTool(name: string): ToolDefinition | undefined
  /** Calls `listener` after each registration change; returns the function that unsubscribes. */
  subscribeTools(listener: () => void): () => void
  /**
   * Approves a `pending` call (idempotent: a second approve of the same arguments does nothing).
   * With `always`, the tool is added to the policy store first. The result is delivered when no
   * run is running: the frontend handler runs, or the decision is sent (tool message, or the
   * interrupt's resume payload `{ approved: true }`), then the follow-up run starts.
   */
  approve(toolCallId: string, options?: { always?: boolean }): void
  /** Denies a `pending` call; `reason` is sent back to the agent (`{ approved: false, reason }`). */
  deny(toolCallId: string, reason?: string): void
  /**
   * Approves a `pending` call with edited arguments, validated against the tool's `parameters`.
   * Returns `AgentError('invalid_args')` (message lists the issues) and changes nothing when they
   * fail, `AgentError('not_found')` for an unknown call; `undefined` on success.
   */
  editArgs(toolCallId: string, args: unknown): AgentError | undefined
  /**
   * Stages an answer to an open interrupt, validated against its `responseSchema`. Returns
   * `invalid_payload`, `interrupt_expired` (past `expiresAt`: only `cancelInterrupt` is allowed)
   * or `not_found` without changing anything; `undefined` on success. With `autoResume`, the
   * resume run starts once every open interrupt is answered or cancelled. In the moment the
   * `responseSchema` validator is still loading (it is fetched on first need, in its own chunk),
   * the answer is judged once it is in: `undefined` is returned, the interrupt stays `open`
   * until then, and a failure shows on the interrupt's `error`.
   */
  respondToInterrupt(id: string, payload: unknown): AgentError | undefined
  /** Stages a cancellation (`status: 'cancelled'`) of an open or expired interrupt. */
  cancelInterrupt(id: string): void
  /**
   * Answers every open interrupt with `payload` (or `payload(interrupt)`); all-or-nothing: the
   * first error is returned and nothing is staged.
   */
  respondToAllInterrupts(
    payload: unknown | ((interrupt: InterruptView) => unknown),
  ): AgentError | undefined
  /**
   * Starts the resume run now: `RunAgentInput.resume[]` holds one entry for every open
   * interrupt (staged answers; `cancelled` for the others). Same busy rule as {@link run}.
   */
  resume(): Promise<AgentSnapshot>
}
