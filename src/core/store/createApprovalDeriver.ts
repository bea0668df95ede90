import type { AgentError } from '../protocol/AgentError'
import type { AgentSnapshot, ToolCallView } from '../reducer/AgentSnapshot'
import { addDiagnostic, replaceApprovals, replaceInterrupts } from '../reducer/snapshotUpdates'
import { deriveApprovals, type CallRecord } from './deriveApprovals'
import { hashArgs } from './hashArgs'
import { unstage } from './interruptUpdates'
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
  getTool: (name: string) => ToolDefinition | undefined,
) {
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
      delete rec.decision
      delete rec.callArgsHash
      if (rec.viaInterrupt) s = replaceInterrupts(s, unstage(s.interrupts, rec.viaInterrupt))
      delete rec.viaInterrupt
      s = addDiagnostic(s, {
        level: 'warning',
        code: 'approval_voided',
        message: `The arguments of tool call '${id}' changed after the decision; it needs a new one.`,
      })
    }
    return s
  }

  function derive(s: AgentSnapshot): AgentSnapshot {
    return replaceApprovals(
      s,
      deriveApprovals({ snapshot: s, getTool: getTool, records, checkArgs }),
    )
  }

  return { voidStaleDecisions, derive }
}
