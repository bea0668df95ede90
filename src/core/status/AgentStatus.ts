import type { AgentCapabilities } from '../protocol/types'
import type { RunFinishedOutcome } from '../protocol/types'
import type { RunStatus } from '../reducer/AgentSnapshot'
import type { ConnectionStatus } from '../transport/ConnectionState'
import type { AgentStatusReport } from './AgentStatusSource'

/** One skill an agent advertises on its {@link AgentCard} (A2A-style agent card). */
export interface AgentSkill {
  id?: string
  name: string
  description?: string
  tags?: readonly string[]
}

/**
 * What the app knows about an agent when the agent cannot tell (no `getCapabilities()`): an
 * agent card in the A2A / AG-UI sense. Every field is optional; an empty card shows as unknown.
 */
export interface AgentCard {
  name?: string
  description?: string
  /** Where the agent lives (endpoint or homepage). */
  url?: string
  version?: string
  /** Organization or team that maintains it. */
  provider?: string
  skills?: readonly AgentSkill[]
  /**
   * AG-UI `AgentCapabilities` (`identity`, `transport`, `tools`, ...), or flat A2A-style
   * booleans (`{ streaming: true, pushNotifications: false }`): both are listed as chips.
   */
  capabilities?: AgentCapabilities | Readonly<Record<string, unknown>>
}

/** The agent's identity as shown on a status page: the card's fields, then `capabilities.identity`. */
export interface AgentIdentity {
  name?: string
  description?: string
  url?: string
  version?: string
  provider?: string
  /** `capabilities.identity.type`: the framework behind the agent (`langgraph`, `mastra`, ...). */
  type?: string
  skills: readonly AgentSkill[]
}

/**
 * One capability the agent declares: `key` is the dotted path in `AgentCapabilities`
 * (`transport.streaming`, `tools.parallelCalls`) or the flat card key (`streaming`).
 * Only `true` booleans (and non-empty lists such as `tools.items`) are listed.
 */
export interface CapabilityChip {
  key: string
  /** A short readable label: the last path segment split into words (`parallel calls`). */
  label: string
}

/**
 * Connection health derived from the transport's `ConnectionState`:
 * `ok` (open or idle), `degraded` (connecting or reconnecting), `down` (closed with an error,
 * or auth required), `unknown` (the agent exposes no connection state).
 */
export type ConnectionHealth = 'ok' | 'degraded' | 'down' | 'unknown'

/** The connection part of {@link AgentStatus}. */
export interface ConnectionInfo {
  /** A name for the transport (`HttpAgent`, `WebSocketAgent`, ...) when known. */
  transport?: string
  /** `ConnectionState.status`, or `unknown` when the agent exposes none. */
  state: ConnectionStatus | 'unknown'
  health: ConnectionHealth
  /** The last heartbeat round trip (WebSocket ping → pong), ms, when known. */
  latencyMs?: number
  /** When the last event was received, ms since epoch (from the event log). */
  lastEventAt?: number
  /** Reconnection attempt (1-based) while `reconnecting`. */
  attempt?: number
  /** Delay before that attempt, ms. */
  nextRetryMs?: number
  /** Why it dropped or closed. */
  error?: { code?: string; message: string }
}

/** Token counts summed over `TokenUsage` entries (spec 1.1, `RUN_FINISHED.usage`). */
export interface UsageTotals {
  inputTokens: number
  outputTokens: number
  totalTokens: number
  reasoningTokens: number
  cachedInputTokens: number
  cacheWriteInputTokens: number
  /** How many `TokenUsage` entries were summed (0: no usage reported). */
  entries: number
  /** Models seen in the summed entries, in first-seen order. */
  models: readonly string[]
  /**
   * Entries (or fields) left out of the sums because a count was negative, not an integer or
   * not a number: readable messages, also listed in {@link AgentStatus.inconsistencies}.
   */
  inconsistent: readonly string[]
}

/** Where a run's times come from: the events' `timestamp`s, receive times, or none. */
export type TimeSource = 'event' | 'received' | 'none'

/** One run of the thread, from its `RUN_STARTED` to its terminal event (or now). */
export interface RunSummary {
  runId?: string
  threadId?: string
  parentRunId?: string
  status: RunStatus
  /** ms since epoch. */
  startedAt?: number
  finishedAt?: number
  /** `finishedAt - startedAt` (or `now - startedAt` while running), ms. */
  durationMs?: number
  /** `RUN_FINISHED.outcome.type`, when sent. */
  outcome?: RunFinishedOutcome['type']
  error?: { code?: string; message: string }
  usage: UsageTotals
  /** Steps started in this run. */
  steps: number
  /** Tool calls started in this run. */
  toolCalls: number
  /** Events received for this run (`RUN_STARTED` and the terminal event included). */
  eventCount: number
  timeSource: TimeSource
}

/** What a {@link TimelineItem} stands for. */
export type TimelineKind = 'step' | 'tool' | 'activity' | 'subagent' | 'reasoning'

/**
 * Where a timeline item stands: `running` (started, not ended, run still running),
 * `finished`, `error` (subagent error), `incomplete` (its run ended first).
 */
export type TimelineItemStatus = 'running' | 'finished' | 'error' | 'incomplete'

/** One bar of the run timeline (a Gantt-like view). Items are flat, nested through `depth`. */
export interface TimelineItem {
  /** Unique within the status: `<kind>:<id>[:n]`. */
  id: string
  kind: TimelineKind
  /** `stepName`, `toolCallName`, `activityType`, subagent `name`, ... */
  label: string
  runId?: string
  status: TimelineItemStatus
  /** ms since epoch; absent when the time is unknown. */
  startedAt?: number
  finishedAt?: number
  durationMs?: number
  /** Nesting level: 0 at the top, +1 under a subagent (or its parent tool call). */
  depth: number
  /** Id of the enclosing item (a subagent, or the tool call that spawned it). */
  parentId?: string
  /** The protocol id behind it: `toolCallId`, `subagentRunId`, `messageId`, `stepName`. */
  ref: string
}

/** A human decision the thread waits for: a tool approval or an interrupt. */
export interface PendingDecision {
  /** `toolCallId` for approvals, the interrupt `id` for interrupts. */
  id: string
  kind: 'approval' | 'interrupt'
  /** The tool name, or the interrupt's `message` / `reason`. */
  label: string
  /** `ApprovalState` or `InterruptState`. */
  state: string
  /** ms since epoch. */
  expiresAt?: number
}

/** Messages of the thread by role. */
export interface MessageCounts {
  total: number
  user: number
  assistant: number
  tool: number
  system: number
  developer: number
  reasoning: number
  activity: number
}

/** One error of the thread, newest last. */
export interface StatusError {
  /**
   * `run` (RUN_ERROR or a failed run), `subagent` (SUBAGENT_ERROR), `approval`, `interrupt`,
   * `status` (a part of the status itself could not be loaded: `load_failed`, see
   * `preloadAgentStatus`).
   */
  source: 'run' | 'subagent' | 'approval' | 'interrupt' | 'status'
  code?: string
  message: string
  runId?: string
  /** ms since epoch, when known. */
  at?: number
}

/**
 * What a remote {@link AgentStatusSource} said last (issue 8 "status sources"): the last report
 * that loaded, and the error of the last load when it failed (the report is kept).
 */
export interface RemoteStatus {
  /** The last report that loaded; kept when a later load fails. */
  report?: AgentStatusReport
  /** Why the last load failed (`AgentError.code` or `unknown`); cleared by the next success. */
  error?: { code: string; message: string }
  /** When `report` loaded, ms since epoch. */
  loadedAt?: number
  /** `true` while a load is in flight. */
  loading?: boolean
}

/**
 * Everything a status page shows about one agent (issue 5): identity and capabilities,
 * connection, runs, timeline, usage, pending decisions, message counts, errors, and what in
 * the input did not add up. Derived by {@link deriveAgentStatus}; plain data, JSON-serializable.
 */
export interface AgentStatus {
  identity: AgentIdentity
  /** `true` when neither a card nor `getCapabilities()` told anything about the agent. */
  identityKnown: boolean
  capabilities: readonly CapabilityChip[]
  connection: ConnectionInfo
  /** The running run, else the last one; `undefined` before the first run. */
  currentRun?: RunSummary
  /** Runs newest first, at most `recentRuns` (default 10). */
  recentRuns: readonly RunSummary[]
  /** Every run the log holds, in start order. */
  runCount: number
  /** Bars of the current run's timeline, in start order (see {@link TimelineItem}). */
  timeline: readonly TimelineItem[]
  /** Usage of the current run. */
  runUsage: UsageTotals
  /** Usage summed over every run of the thread the log holds. */
  threadUsage: UsageTotals
  pendingDecisions: readonly PendingDecision[]
  messages: MessageCounts
  /** Errors, newest last (at most 20). */
  errors: readonly StatusError[]
  /** Events the log holds (0 without a log). */
  eventCount: number
  /** `snapshot.diagnostics.length`. */
  diagnosticCount: number
  /**
   * What did not add up, as readable sentences: absurd or missing timestamps, steps finished
   * that never started, negative or non-integer usage, time going backwards. Never thrown.
   */
  inconsistencies: readonly string[]
  /** What the agent's remote status source said; absent when there is no source. */
  remote?: RemoteStatus
  /**
   * `true` while `useAgentStatus` waits for the status code, loaded on first use (see
   * `preloadAgentStatus`): nothing is derived yet, every other field is empty (no runs, counts
   * 0, connection `unknown`) and is not the agent's status; `Status.Root` shows "Loading…"
   * instead of its parts. Absent once derived (always, from `deriveAgentStatus`).
   */
  loading?: boolean
}
