import type { AgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import type {
  Interrupt,
  Message,
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
  /** Interrupts opened by the last `RUN_FINISHED` (outcome `interrupt`) and not yet resumed. */
  readonly interrupts: readonly Interrupt[]
  /** Steps of the thread, in start order. */
  readonly steps: readonly StepInfo[]
  /** Subagents by `subagentRunId`. */
  readonly subagents: Readonly<Record<string, SubagentView>>
  /** Ids of text/reasoning messages currently streaming (started, not ended). */
  readonly streamingMessageIds: readonly string[]
  /** SHOULD-level findings, newest last, at most 100 kept. */
  readonly diagnostics: readonly Diagnostic[]
}
