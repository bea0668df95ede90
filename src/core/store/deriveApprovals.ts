import type { AgentError } from '../protocol/AgentError'
import type {
  AgentSnapshot,
  ApprovalDecision,
  ApprovalState,
  InterruptView,
  ToolApproval,
  ToolCallView,
} from '../reducer/AgentSnapshot'
import { parseToolCallArgs } from '../reducer/parseToolCallArgs'
import type { ToolDefinition } from './ToolDefinition'

/** What the store knows about one tool call beyond the thread: decision, delivery. @internal */
export interface CallRecord {
  decision?: ApprovalDecision
  /** Hash of the call's own arguments when the decision was taken (voids it when they change). */
  callArgsHash?: string
  /** Whether the decision is answered by the kit's handler (`frontend`) or sent as is. */
  kind?: 'frontend' | 'backend'
  /** Delivery: the handler runs / the result or resume is being sent; then final. */
  phase?: 'executing' | 'resolved' | 'cancelled'
  /** Set when the decision travels in an interrupt's resume entry. */
  viaInterrupt?: string
  result?: unknown
  error?: AgentError
  /** The approval as it ended (resolved/cancelled): kept verbatim whatever the thread does next. */
  frozen?: ToolApproval
}

/** Drops the decision of a call and what binds it (its arguments hash, its interrupt). @internal */
export function forgetDecision(record: CallRecord): void {
  delete record.decision
  delete record.callArgsHash
  delete record.viaInterrupt
}

/** Inputs of {@link deriveApprovals}. @internal */
export interface ApprovalInputs {
  snapshot: AgentSnapshot
  getTool: (name: string) => ToolDefinition | undefined
  records: Map<string, CallRecord>
  /** A validation error of the call's complete arguments (not JSON, schema failure), cached. */
  checkArgs: (definition: ToolDefinition | undefined, view: ToolCallView) => AgentError | undefined
}

/**
 * Complete JSON parsed, or (while streaming) partial JSON parsed as far as it goes, with the
 * reducer's incremental parser (`parseToolCallArgs`: only the new deltas are read, not the
 * whole text again per derivation).
 */
function parseArgs(view: ToolCallView): unknown {
  if (view.args.trim() === '') return undefined
  if (view.status === 'streaming') return parseToolCallArgs(view.id, view.args)
  try {
    return JSON.parse(view.args)
  } catch {
    return undefined
  }
}

/**
 * Whether a call of `definition` needs a decision: `requiresApproval: true`, or the predicate
 * on the complete arguments (undecided while they stream; a throwing predicate or arguments
 * that are not JSON count as "needs approval", the safe side).
 */
export function requiresApproval(definition: ToolDefinition | undefined, view: ToolCallView) {
  const rule = definition?.requiresApproval
  if (rule === true) return true
  if (typeof rule !== 'function' || view.status === 'streaming') return false
  try {
    return !!rule(view.args.trim() === '' ? {} : JSON.parse(view.args))
  } catch {
    return true
  }
}

function stateOf(
  view: ToolCallView,
  record: CallRecord | undefined,
  interrupt: InterruptView | undefined,
): ApprovalState {
  if (record?.phase) return record.phase
  if (interrupt) {
    switch (interrupt.state) {
      case 'resolved':
        return 'executing'
      case 'expired':
      case 'cancelled':
        return interrupt.state
      case 'answered':
        return record?.decision?.type ?? 'approved'
      default:
        return view.status === 'streaming' ? 'awaiting_args' : 'pending'
    }
  }
  if (view.result) return 'resolved'
  if (view.status === 'streaming') return 'awaiting_args'
  return record?.decision?.type ?? 'pending'
}

function same(a: ToolApproval, b: ToolApproval): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ToolApproval>
  for (const k of keys) if (!Object.is(a[k], b[k])) return false
  return true
}

/**
 * The approvals of a thread (issue 3), derived from its tool calls, the tool registry, the
 * store's decisions and the interrupts, never from transient run state: a run ending right
 * after `TOOL_CALL_END` cannot lose one. A call gets an approval when an interrupt (reason
 * `tool_call`) gates it, its registered tool requires approval, or a decision exists; a call
 * answered before any decision (a reload's history) gets none. Unchanged entries keep their
 * identity; the same record is returned when nothing changed.
 * @internal
 */
export function deriveApprovals(inputs: ApprovalInputs): Readonly<Record<string, ToolApproval>> {
  const { snapshot, records } = inputs
  const previous = snapshot.approvals
  const gates = new Map<string, InterruptView>()
  for (const i of snapshot.interrupts) {
    if (i.reason === 'tool_call' && i.toolCallId !== undefined) gates.set(i.toolCallId, i)
  }
  const out: Record<string, ToolApproval> = {}
  let changed = false
  for (const view of Object.values(snapshot.toolCalls)) {
    const id = view.id
    const record = records.get(id)
    const prior = previous[id]
    if (record?.frozen) {
      out[id] = record.frozen
      changed ||= prior !== record.frozen
      continue
    }
    const interrupt = gates.get(id)
    const definition = inputs.getTool(view.name)
    const needs =
      interrupt !== undefined ||
      record?.decision !== undefined ||
      (record?.phase !== undefined && prior !== undefined) ||
      (requiresApproval(definition, view) && (!view.result || prior !== undefined))
    if (!needs) {
      changed ||= prior !== undefined
      continue
    }
    const state = stateOf(view, record, interrupt)
    const error =
      record?.error ??
      interrupt?.error ??
      (state === 'pending' ? inputs.checkArgs(definition, view) : undefined)
    const next: ToolApproval = {
      toolCallId: id,
      toolName: view.name,
      state,
      args: view.args,
      parsedArgs: prior && prior.args === view.args ? prior.parsedArgs : parseArgs(view),
      ...(interrupt && { interruptId: interrupt.id }),
      ...(record?.decision && { decision: record.decision }),
      ...(record && 'result' in record && { result: record.result }),
      ...(error && { error }),
      ...(interrupt?.expiresAtMs !== undefined && { expiresAt: interrupt.expiresAtMs }),
    }
    const approval = prior && same(prior, next) ? prior : next
    if (record && (state === 'resolved' || state === 'cancelled') && record.phase === state) {
      record.frozen = approval
    }
    out[id] = approval
    changed ||= approval !== prior
  }
  if (!changed && Object.keys(previous).length === Object.keys(out).length) return previous
  return out
}
