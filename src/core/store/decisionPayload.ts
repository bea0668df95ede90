import type { ApprovalDecision } from '../reducer/AgentSnapshot'

/**
 * The decision as sent (issue 3): a tool-approval interrupt's resume payload, or a backend
 * tool's tool message: `{ approved: false, reason? }` or `{ approved: true, editedArgs? }`.
 * @internal
 */
export function decisionPayload(decision: ApprovalDecision): Record<string, unknown> {
  if (decision.type === 'denied') {
    return { approved: false, ...(decision.reason !== undefined && { reason: decision.reason }) }
  }
  return { approved: true, ...(decision.type === 'edited' && { editedArgs: decision.args }) }
}

/**
 * A decision read back from a tool-approval interrupt's payload (answered without `approve()`):
 * the inverse of {@link decisionPayload}; anything but `approved: false` approves.
 * @internal
 */
export function decisionFromPayload(
  payload: unknown,
): Pick<ApprovalDecision, 'type' | 'reason' | 'args'> {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
    string,
    unknown
  >
  if (p.approved === false) {
    return { type: 'denied', ...(typeof p.reason === 'string' && { reason: p.reason }) }
  }
  return p.editedArgs !== undefined ? { type: 'edited', args: p.editedArgs } : { type: 'approved' }
}
