import type { AgentError } from '../protocol/AgentError'
import type { ConnectionState } from '../transport/ConnectionState'
import type { Diagnostic } from '../protocol/Diagnostic'
import type {
  Interrupt,
  Message,
  ResumeEntry,
  RunFinishedOutcome,
  TokenUsage,
  ToolMessage,
} from '../protocol/types'

/**
 * Where the current (or last) run stands.
 * - `idle`: no run yet. `running`: between `RUN_STARTED` and its terminal event.
 * - `finished`: `RUN_FINISHED` (outcome success or absent). `interrupted`: outcome `interrupt`.
 * - `cancelled`: outcome `cancelled`, or stopped by the caller. `error`: `RUN_ERROR` or a
 *   fatal `AgentError`. `truncated`: the stream ended without a terminal event (spec 1.1).
 */
export type RunStatus =
  'idle' | 'running' | 'finished' | 'error' | 'interrupted' | 'cancelled' | 'truncated'

/** The current or last run (spec 1.1, "Run lifecycle"). */
export interface RunInfo {
  status: RunStatus
  runId?: string
  /** `RUN_STARTED.threadId` of the run. */
  threadId?: string
  parentRunId?: string
  /** `RUN_STARTED.protocolVersion`, as the producer declared it. */
  protocolVersion?: string
  /** Event timestamps (ms since epoch) when the producer sent them. */
  startedAt?: number
  finishedAt?: number
  /** `RUN_FINISHED.outcome`. */
  outcome?: RunFinishedOutcome
  /** `RUN_FINISHED.result`. */
  result?: unknown
  /**
   * True while the store is detached from this run (`store.detach()`): status stays `running`
   * because the run goes on at the server, but no event arrives until `store.attach()`.
   */
  detached?: boolean
  /** Set when status is `error`, `truncated` (or `cancelled` by the caller). */
  error?: AgentError
  /** `RUN_FINISHED.outcome.pendingToolCallIds` (success outcome), else empty. */
  pendingToolCallIds: readonly string[]
  /** `usage` of `RUN_FINISHED`/`RUN_ERROR`, as sent. */
  usage?: readonly TokenUsage[]
}

/** Lifecycle of one tool call's arguments and result. */
export type ToolCallStatus = 'streaming' | 'complete' | 'resolved'

/** A derived view of one tool call, indexed by `toolCallId` in {@link AgentSnapshot.toolCalls}. */
export interface ToolCallView {
  /** `toolCallId`. */
  id: string
  /** `toolCallName`. */
  name: string
  /** The assistant message that owns the call (`parentMessageId`). */
  messageId: string
  /** `streaming` until `TOOL_CALL_END`, `complete` after, `resolved` once a tool message answers it. */
  status: ToolCallStatus
  /** Raw JSON text of the arguments so far. */
  args: string
  /** The tool message answering it, once there is one. */
  result?: ToolMessage
}

/** One `STEP_STARTED`/`STEP_FINISHED` pair. */
export interface StepInfo {
  stepName: string
  status: 'running' | 'finished'
  runId?: string
  startedAt?: number
  finishedAt?: number
}

/** One subagent invocation (`SUBAGENT_*`, spec 1.1 "Subagents"). */
export interface SubagentView {
  subagentRunId: string
  name: string
  description?: string
  parentSubagentRunId?: string
  parentToolCallId?: string
  parentMessageId?: string
  status: 'running' | 'finished' | 'suspended' | 'error'
  result?: unknown
  error?: { message: string; code?: string }
}

/**
 * Where one tool call's human decision stands (issue 3, "Approvals"):
 * `awaiting_args → pending → approved | denied | edited → executing → resolved`, plus
 * `cancelled` and `expired`.
 * - `awaiting_args`: the call is streaming; its arguments are incomplete.
 * - `pending`: arguments complete, waiting for a person.
 * - `approved` / `denied` / `edited`: decided, not yet executing or sent.
 * - `executing`: the frontend handler runs, or the result / resume is being sent.
 * - `resolved`: the result was delivered (tool message appended, or the interrupt answered).
 * - `cancelled`: the run was abandoned (a new user message) or the interrupt cancelled.
 * - `expired`: its interrupt passed `expiresAt` before a decision.
 */
export type ApprovalState =
  | 'awaiting_args'
  | 'pending'
  | 'approved'
  | 'denied'
  | 'edited'
  | 'executing'
  | 'resolved'
  | 'cancelled'
  | 'expired'

/** A person's (or the policy store's) decision on one tool call. */
export interface ApprovalDecision {
  type: 'approved' | 'denied' | 'edited'
  /** Why it was denied (sent to the agent), for `denied`. */
  reason?: string
  /** The edited arguments (already validated against the tool's `parameters`), for `edited`. */
  args?: unknown
  /** Hash of the final arguments the decision applies to (see `hashArgs`). */
  argsHash: string
  /** When it was decided, ms since epoch. */
  decidedAt: number
  /** `policy` when an "always allow" entry of the policy store decided. Default `user`. */
  by?: 'user' | 'policy'
}

/**
 * One tool call that needs (or needed) a person's decision: a call of a registered tool with
 * `requiresApproval`, or a call gated by an interrupt with reason `tool_call` (spec 1.1,
 * "Interrupts"). Derived by the store from the thread's tool calls, the tool registry and the
 * decisions taken, so it survives the run ending and is rebuilt after a reload.
 */
export interface ToolApproval {
  toolCallId: string
  /** `toolCallName`. */
  toolName: string
  state: ApprovalState
  /** Raw JSON text of the call's arguments. */
  args: string
  /** `args` parsed (partially while `awaiting_args`); `undefined` when empty or malformed. */
  parsedArgs: unknown
  /** The interrupt (reason `tool_call`) that gates this call, when there is one. */
  interruptId?: string
  decision?: ApprovalDecision
  /** What was sent back: the handler's result, or the decision payload. */
  result?: unknown
  /** Why it failed: `invalid_args`, `tool_failed`, `tool_timeout`, `resume_rejected`, ... */
  error?: AgentError
  /** When its interrupt expires, ms since epoch. */
  expiresAt?: number
}

/**
 * Where one interrupt stands: `open` (waiting for an answer), `answered` (an answer is staged,
 * not sent yet), `cancelled` (a cancellation is staged), `expired` (past `expiresAt`, can only
 * be cancelled), `resolved` (sent in a resume run that is running).
 */
export type InterruptState = 'open' | 'answered' | 'cancelled' | 'expired' | 'resolved'

/**
 * An interrupt of `RUN_FINISHED.outcome` (spec 1.1, "Interrupts") with what the client did
 * about it. Kept in the snapshot across the run's end until the run that resumes it finishes.
 */
export interface InterruptView extends Interrupt {
  state: InterruptState
  /** `expiresAt` parsed, ms since epoch; `undefined` when absent or not a date. */
  expiresAtMs?: number
  /** The staged (or sent) resume entry. */
  response?: ResumeEntry
  /** `invalid_payload`, `interrupt_expired`, `resume_rejected`, ... */
  error?: AgentError
}

/**
 * The reduced state of one thread: what `applyEvent` / `reduceEvents` return and what the
 * store holds. Immutable: every change produces a new snapshot that shares untouched branches.
 *
 * `messages` and `toolCalls` are computed lazily and cached per snapshot, so a token costs O(1)
 * whatever the thread length; reading them costs O(thread) once per snapshot.
 */
export interface AgentSnapshot {
  readonly threadId: string
  /** AG-UI messages in thread order. */
  readonly messages: readonly Message[]
  /** Agent state (JSON), from `STATE_SNAPSHOT`/`STATE_DELTA`. */
  readonly state: unknown
  readonly run: RunInfo
  /** Tool calls by `toolCallId`. */
  readonly toolCalls: Readonly<Record<string, ToolCallView>>
  /**
   * Interrupts opened by the last `RUN_FINISHED` (outcome `interrupt`), kept until the run that
   * resumes them finishes (its `RUN_FINISHED` replaces them). The reducer creates them `open`;
   * the store tracks answers, cancellations and expiry.
   */
  readonly interrupts: readonly InterruptView[]
  /**
   * Tool calls that need (or needed) a person's decision, by `toolCallId`, in call order.
   * Maintained by the store (the reducer passes them through; `{}` outside a store).
   */
  readonly approvals: Readonly<Record<string, ToolApproval>>
  /** Steps of the thread, in start order. */
  readonly steps: readonly StepInfo[]
  /** Subagents by `subagentRunId`. */
  readonly subagents: Readonly<Record<string, SubagentView>>
  /** Ids of text/reasoning messages currently streaming (started, not ended). */
  readonly streamingMessageIds: readonly string[]
  /** SHOULD-level findings, newest last, at most 100 kept. */
  readonly diagnostics: readonly Diagnostic[]
  /**
   * The agent's connection (issue 6): mirrored by the store from `agent.subscribeConnection`
   * when the agent reports one (`HttpAgent`, `WebSocketAgent`); `{ status: 'idle' }` otherwise.
   */
  readonly connection: ConnectionState
}
