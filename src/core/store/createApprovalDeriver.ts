import type { AgentError } from '../protocol/AgentError'
import type { AgentSnapshot, ToolCallView } from '../reducer/AgentSnapshot'
import { addDiagnostic, replaceApprovals, replaceInterrupts } from '../reducer/snapshotUpdates'
import { deriveApprovals, forgetDecision, type CallRecord } from './deriveApprovals'
import { hashArgs } from './hashArgs'
import { unstage } from './interruptUpdates'
import type { ToolRegistry } from './createToolRegistry'
import type { ToolDefinition } from './ToolDefinition'
import { parseArgsText, validateArgs } from './validateArgs'

/**
 * The approvals half of the store's refresh (issue 3): voids decisions whose call arguments
 * changed since (a `approval_voided` diagnostic; a staged interrupt answer is dropped too),
 * and derives `snapshot.approvals` with a per-call cache of argument validation.
 * @internal
 */
export function createApprovalDeriver(
  records: Map<string, CallRecord>,
  registry: Pick<ToolRegistry, 'get' | 'all'>,
) {
  const getTool = registry.get
  const argsChecks = new Map<
    string,
    { args: string; definition?: ToolDefinition; error?: AgentError }
  >()

  function checkArgs(definition: ToolDefinition | undefined, view: ToolCallView) {
    const cached = argsChecks.get(view.id)
    if (cached && cached.args === view.args && cached.definition === definition) return cached.error
    const parsed = parseArgsText(view.name, view.args)
    let error = parsed.ok ? undefined : parsed.error
    if (parsed.ok && definition?.parameters) {
      const checked = validateArgs(view.name, definition.parameters, parsed.value)
      if (!(checked instanceof Promise) && !checked.ok) error = checked.error
    }
    argsChecks.set(view.id, { args: view.args, definition, ...(error && { error }) })
    return error
  }

  function voidStaleDecisions(s: AgentSnapshot): AgentSnapshot {
    for (const [id, rec] of records) {
      if (!rec.decision || rec.phase || rec.callArgsHash === undefined) continue
      const view = s.toolCalls[id]
      if (!view || hashArgs(view.args) === rec.callArgsHash) continue
      if (rec.viaInterrupt) s = replaceInterrupts(s, unstage(s.interrupts, rec.viaInterrupt))
      forgetDecision(rec)
      s = addDiagnostic(s, {
        level: 'warning',
        code: 'approval_voided',
        message: `The arguments of tool call '${id}' changed after the decision; it needs a new one.`,
      })
    }
    return s
  }

  /**
   * Fast path: a thread with no approval yet, no decision, no tool-approval interrupt and no
   * registered tool requiring approval has none; nothing is read (not even `toolCalls`).
   */
  function nothingToDerive(s: AgentSnapshot): boolean {
    for (const _ in s.approvals) return false
    return (
      records.size === 0 &&
      !s.interrupts.some((i) => i.toolCallId !== undefined) &&
      !registry.all().some((d) => d.requiresApproval)
    )
  }

  function derive(s: AgentSnapshot): AgentSnapshot {
    if (nothingToDerive(s)) return s
    return replaceApprovals(s, deriveApprovals({ snapshot: s, getTool, records, checkArgs }))
  }

  return { voidStaleDecisions, derive }
}
