import { AgentError } from '../protocol/AgentError'
import type { ToolMessage } from '../protocol/types'
import type { ApprovalDecision, ApprovalState, ToolCallView } from '../reducer/AgentSnapshot'
import { addDiagnostic, appendToolResult } from '../reducer/snapshotUpdates'
import type { HitlState } from './createHumanInTheLoop'
import { decisionPayload } from './decisionPayload'
import { loadedFrontendTools, loadFrontendTools } from './preloadFrontendTools'
import type { ToolOutcome } from './runTool'
import { toToolContent } from './toToolContent'
import { checkToolInput } from './validateArgs'
import type { ToolDefinition } from './ToolDefinition'

/** Final states: in any other, a call not gated by an interrupt is still owed an answer. */
const FINAL: readonly ApprovalState[] = ['resolved', 'cancelled', 'expired']

/** What {@link createToolDelivery} returns. @internal */
export interface ToolDelivery {
  /** A call started in one of this store's runs: the kit may owe it an answer. */
  owe(toolCallId: string): void
  /** Results were delivered that want a follow-up run (reset when a run starts). */
  followUpDue: boolean
  /**
   * Runs due handlers and sends due decisions. True when none of the owed calls still waits
   * (for a person or a handler): the follow-up may start.
   */
  deliverDue(): boolean
  /** Answers every owed call with a `cancelled` result and aborts running handlers. */
  cancelOutstanding(reason: string): void
  /** Aborts running handlers; each gets an error result (`error`). */
  abortAll(error: AgentError): void
}

/**
 * Delivery of tool results (issue 3): frontend handlers (validated args, timeout, abort) and
 * decisions sent as tool messages (`{ approved, reason?, editedArgs? }`, the Step04 pattern).
 * Each result is one tool message (content: a string as is, else JSON; errors as
 * `{"error":{"code","message"}}` with `ToolMessage.error` set).
 * @internal
 */
export function createToolDelivery(state: HitlState): ToolDelivery {
  const { host } = state
  const owed = new Set<string>()
  const inflight = new Map<string, AbortController>()

  function append(
    toolCallId: string,
    definition: ToolDefinition | undefined,
    toolName: string,
    outcome: ToolOutcome,
    phase: 'resolved' | 'cancelled' = 'resolved',
  ) {
    let error = outcome.ok ? undefined : outcome.error
    let content = ''
    if (outcome.ok) {
      try {
        content = toToolContent(toolName, outcome.result)
      } catch (e) {
        error = e as AgentError
      }
    }
    if (error) {
      content = JSON.stringify(
        phase === 'cancelled'
          ? { cancelled: true, reason: error.message }
          : { error: { code: error.code, message: error.message } },
      )
    }
    const message: ToolMessage = {
      id: crypto.randomUUID(),
      role: 'tool',
      toolCallId,
      content,
      ...(error && { error: error.message }),
    }
    let s = appendToolResult(host.get(), message)
    if (error && phase === 'resolved' && !s.approvals[toolCallId]) {
      s = addDiagnostic(s, { level: 'warning', code: error.code, message: error.message })
    }
    host.set(s)
    const rec = state.record(toolCallId)
    rec.phase = phase
    if (outcome.ok && !error) rec.result = outcome.result
    if (error && phase === 'resolved') rec.error = error
    owed.delete(toolCallId)
    if (phase === 'resolved' && definition?.followUp !== false) delivery.followUpDue = true
  }

  function execute(
    toolCallId: string,
    definition: ToolDefinition,
    view: ToolCallView,
    decision: ApprovalDecision | undefined,
  ) {
    const controller = new AbortController()
    inflight.set(toolCallId, controller)
    state.record(toolCallId).phase = 'executing'
    const { signal } = controller
    const checked = checkToolInput(
      definition,
      decision?.type === 'edited' ? { value: decision.args } : { args: view.args },
    )
    const ran = Promise.resolve(checked).then((input): ToolOutcome | Promise<ToolOutcome> => {
      if (!input.ok) return input
      // The frontend-tools chunk is in once a handler is registered; a failed load is the result.
      const loaded = loadedFrontendTools()
      if (loaded) return loaded.runTool(definition, input.value, toolCallId, signal)
      return loadFrontendTools().then(
        (tools) => tools.runTool(definition, input.value, toolCallId, signal),
        (error: AgentError): ToolOutcome => ({ ok: false, error }),
      )
    })
    void ran.then((outcome) => {
      if (inflight.get(toolCallId) !== controller) return // answered meanwhile (moved on)
      inflight.delete(toolCallId)
      if (host.isDestroyed()) return
      append(toolCallId, definition, definition.name, outcome)
      state.update()
    })
  }

  const delivery: ToolDelivery = {
    followUpDue: false,
    owe: (id) => void owed.add(id),

    deliverDue() {
      const s = host.get()
      let waiting = false
      let changed = false
      for (const id of new Set([...owed, ...Object.keys(s.approvals)])) {
        const view = s.toolCalls[id]
        if (!view || view.result) {
          owed.delete(id)
          continue
        }
        if (inflight.has(id) || view.status === 'streaming') continue
        const approval = s.approvals[id]
        const rec = state.records.get(id)
        const definition = state.getTool(view.name)
        if (!approval) {
          if (definition?.handler && owed.has(id)) {
            execute(id, definition, view, undefined)
            changed = true
          }
          continue
        }
        if (approval.interruptId !== undefined || rec?.viaInterrupt !== undefined) continue
        const decision = rec?.decision
        if (approval.state === 'pending' || approval.state === 'awaiting_args' || !decision) {
          waiting ||= approval.state === 'pending' || approval.state === 'awaiting_args'
          continue
        }
        if (approval.state === 'denied' || rec.kind === 'backend') {
          append(id, definition, view.name, { ok: true, result: decisionPayload(decision) })
          changed = true
        } else if (approval.state === 'approved' || approval.state === 'edited') {
          if (definition?.handler) {
            execute(id, definition, view, decision)
            changed = true
          } else waiting = true // its frontend tool is not registered (yet)
        }
      }
      if (changed) {
        state.refresh()
        host.flush()
      }
      return !waiting && inflight.size === 0
    },

    cancelOutstanding(reason) {
      const aborted = [...inflight.keys()]
      for (const controller of inflight.values()) {
        controller.abort(new AgentError('aborted', reason))
      }
      inflight.clear()
      const s = host.get()
      for (const id of new Set([...owed, ...Object.keys(s.approvals), ...aborted])) {
        const view = s.toolCalls[id]
        if (!view || view.result) continue
        const approval = s.approvals[id]
        if (approval?.interruptId !== undefined || state.records.get(id)?.viaInterrupt) continue
        const definition = state.getTool(view.name)
        const ours =
          aborted.includes(id) ||
          (approval !== undefined && !FINAL.includes(approval.state)) ||
          (approval === undefined && definition?.handler !== undefined && owed.has(id))
        if (!ours) continue
        const error = new AgentError('aborted', reason)
        append(id, definition, view.name, { ok: false, error }, 'cancelled')
      }
      owed.clear()
      delivery.followUpDue = false
    },

    abortAll(error) {
      for (const controller of inflight.values()) controller.abort(error)
    },
  }
  return delivery
}
