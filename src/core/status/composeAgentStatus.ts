import type { AgentCapabilities } from '../protocol/types'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type {
  AgentCard,
  AgentIdentity,
  AgentStatus,
  MessageCounts,
  PendingDecision,
  RunSummary,
  StatusError,
} from './AgentStatus'
import { describeCapabilities } from './describeCapabilities'
import { describeConnection } from './describeConnection'
import type { DeriveAgentStatusOptions } from './deriveAgentStatus'
import type { FoldedLog, FoldedRun } from './foldEventLog'
import { mergeAgentCards } from './mergeAgentCards'
import { emptyMessageCounts, emptyUsage } from './emptyCounts'
import { addUsage, sumUsage } from './sumUsage'

const ERRORS_KEPT = 20

/** `end - start` (ms) when both are known and in order, else `undefined`. */
const span = (start: number | undefined, end: number | undefined) =>
  start !== undefined && end !== undefined && end >= start ? end - start : undefined

/** `fields` without its `undefined` members: a new object, in the same key order. */
function defined<T extends object>(fields: T): T {
  const out = {} as T
  for (const key in fields) if (fields[key] !== undefined) out[key] = fields[key]
  return out
}

function identityOf(
  card: AgentCard | undefined,
  caps: AgentCapabilities | undefined,
): AgentIdentity {
  const id = caps?.identity
  const pick = (a: unknown, b: unknown) =>
    typeof a === 'string' && a !== '' ? a : typeof b === 'string' && b !== '' ? b : undefined
  return {
    skills: Array.isArray(card?.skills) ? card.skills : [],
    ...defined({
      name: pick(card?.name, id?.name),
      description: pick(card?.description, id?.description),
      url: pick(card?.url, id?.documentationUrl),
      version: pick(card?.version, id?.version),
      provider: pick(card?.provider, id?.provider),
      type: pick(undefined, id?.type),
    }),
  }
}

/** Counts by message list (lists are immutable and shared between snapshots). */
const messageCounts = new WeakMap<readonly unknown[], MessageCounts>()

function countMessages(snapshot: AgentSnapshot): MessageCounts {
  const cached = messageCounts.get(snapshot.messages)
  if (cached) return cached
  const counts = emptyMessageCounts()
  for (const m of snapshot.messages) {
    counts.total++
    if (m.role in counts) counts[m.role as keyof MessageCounts]++
  }
  messageCounts.set(snapshot.messages, counts)
  return counts
}

function pendingDecisions(snapshot: AgentSnapshot): PendingDecision[] {
  const out: PendingDecision[] = []
  const gated = new Set<string>()
  for (const a of Object.values(snapshot.approvals)) {
    if (a.state !== 'pending' && a.state !== 'awaiting_args') continue
    if (a.interruptId) gated.add(a.interruptId)
    out.push(
      defined({
        id: a.toolCallId,
        kind: 'approval',
        label: a.toolName,
        state: a.state,
        expiresAt: a.expiresAt,
      }),
    )
  }
  for (const i of snapshot.interrupts) {
    if (gated.has(i.id) || (i.state !== 'open' && i.state !== 'expired' && i.state !== 'answered'))
      continue
    out.push(
      defined({
        id: i.id,
        kind: 'interrupt',
        label: i.message ?? i.reason,
        state: i.state,
        expiresAt: i.expiresAtMs,
      }),
    )
  }
  return out
}

/** The snapshot's run as a summary (when the log does not hold it). */
function runFromSnapshot(snapshot: AgentSnapshot, now: number): RunSummary {
  const r = snapshot.run
  const finishedAt = r.finishedAt
  const end = finishedAt ?? (r.status === 'running' ? now : undefined)
  return defined({
    runId: r.runId,
    threadId: r.threadId,
    parentRunId: r.parentRunId,
    status: r.status,
    startedAt: r.startedAt,
    finishedAt,
    durationMs: span(r.startedAt, end),
    outcome: r.outcome?.type,
    error: r.error ? { code: r.error.code, message: r.error.message } : undefined,
    usage: sumUsage(emptyUsage(), r.usage, `run ${r.runId ?? '?'}`),
    steps: snapshot.steps.filter((s) => s.runId === r.runId).length,
    toolCalls: 0,
    eventCount: 0,
    timeSource: r.startedAt !== undefined ? 'event' : 'none',
  })
}

/** The last folded run, with what the store knows better (its status, a stop, a truncation). */
function mergeLastRun(folded: FoldedRun, snapshot: AgentSnapshot, now: number): FoldedRun {
  const r = snapshot.run
  if (r.runId !== undefined && folded.runId !== undefined && r.runId !== folded.runId) return folded
  if (r.status === 'idle' || (folded.ended && r.status === folded.status)) return folded
  const merged: FoldedRun = { ...folded, status: r.status }
  if (r.error && !folded.error) merged.error = { code: r.error.code, message: r.error.message }
  if (r.status === 'running' && merged.startedAt !== undefined) {
    merged.durationMs = Math.max(0, now - merged.startedAt)
    merged.timeline = folded.timeline.map((item) =>
      item.status === 'running' && item.startedAt !== undefined
        ? { ...item, durationMs: Math.max(0, now - item.startedAt) }
        : item,
    )
  } else if (r.status !== 'running') {
    merged.timeline = folded.timeline.map((item) =>
      item.status === 'running' ? { ...item, status: 'incomplete' } : item,
    )
  }
  return merged
}

/** Summaries by folded run: an unchanged run keeps its summary object between derivations. */
const summaryOf = new WeakMap<FoldedRun, RunSummary>()

function strip(run: FoldedRun): RunSummary {
  let summary = summaryOf.get(run)
  if (!summary) {
    const { ended: _e, timeline: _t, ...rest } = run
    summary = rest
    summaryOf.set(run, summary)
  }
  return summary
}

/**
 * {@link deriveAgentStatus} over an event log already folded (`foldEventLogIncrementally` of
 * `options.events`). Pure, never throws.
 * @internal
 */
export function composeAgentStatus(
  snapshot: AgentSnapshot,
  folded: FoldedLog,
  options: DeriveAgentStatusOptions,
): AgentStatus {
  const { now, events = [] } = options
  let runs: FoldedRun[] = folded.runs
  if (runs.length > 0)
    runs = [...runs.slice(0, -1), mergeLastRun(runs[runs.length - 1], snapshot, now)]
  const inconsistencies = [...folded.inconsistencies]
  let currentRun: RunSummary | undefined
  let timeline = runs.length > 0 ? runs[runs.length - 1].timeline : []
  let runUsage = emptyUsage()
  let threadUsage = emptyUsage()
  for (const r of runs) threadUsage = addUsage(threadUsage, r.usage)
  const summaries = runs.map(strip)
  if (runs.length > 0) {
    currentRun = summaries[summaries.length - 1]
    runUsage = currentRun.usage
  } else if (snapshot.run.status !== 'idle') {
    currentRun = runFromSnapshot(snapshot, now)
    runUsage = threadUsage = currentRun.usage
    inconsistencies.push(...runUsage.inconsistent)
    summaries.push(currentRun)
    timeline = snapshot.steps.map((s, i) =>
      defined({
        id: `step:${s.stepName}:${i}`,
        kind: 'step' as const,
        label: s.stepName,
        runId: s.runId,
        status: s.status,
        startedAt: s.startedAt,
        finishedAt: s.finishedAt,
        durationMs: span(s.startedAt, s.finishedAt),
        depth: 0,
        ref: s.stepName,
      }),
    )
  }

  const errors: StatusError[] = [...folded.errors]
  const last = summaries[summaries.length - 1]
  if (
    snapshot.run.error &&
    !errors.some((e) => e.source === 'run' && e.runId === snapshot.run.runId)
  ) {
    errors.push(
      defined({
        source: 'run' as const,
        code: snapshot.run.error.code,
        message: snapshot.run.error.message,
        runId: snapshot.run.runId,
        at: last?.finishedAt,
      }),
    )
  }
  for (const a of Object.values(snapshot.approvals)) {
    if (a.error)
      errors.push({
        source: 'approval',
        code: a.error.code,
        message: `${a.toolName}: ${a.error.message}`,
      })
  }
  for (const i of snapshot.interrupts) {
    if (i.error) errors.push({ source: 'interrupt', code: i.error.code, message: i.error.message })
  }

  const card = mergeAgentCards(options.card, options.remote?.report?.card)
  const identity = identityOf(card, options.capabilities)
  const capabilities = [
    ...describeCapabilities(options.capabilities),
    ...describeCapabilities(card?.capabilities),
  ].filter((chip, i, all) => all.findIndex((c) => c.key === chip.key) === i)
  const lastEntry = events[events.length - 1]
  return {
    identity,
    identityKnown:
      Object.keys(identity).length > 1 || identity.skills.length > 0 || capabilities.length > 0,
    capabilities,
    connection: describeConnection(options.connection, options.transport, lastEntry?.receivedAt),
    ...(currentRun && { currentRun }),
    recentRuns: summaries.slice(-(options.recentRuns ?? 10)).reverse(),
    runCount: summaries.length,
    timeline,
    runUsage,
    threadUsage,
    pendingDecisions: pendingDecisions(snapshot),
    messages: countMessages(snapshot),
    errors: errors.slice(-ERRORS_KEPT),
    eventCount: events.length,
    diagnosticCount: snapshot.diagnostics.length,
    inconsistencies,
    ...(options.remote && { remote: options.remote }),
  }
}
