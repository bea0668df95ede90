import type { ProtolinkApprovalDecision } from '../../../core/adapters/protolink/protolinkWire'

/** How {@link ProtolinkApprovalBroker.decide} took a decision. */
export type ApprovalDecideResult = 'accepted' | 'duplicate' | 'conflict'

/**
 * The in-process side of Protolink's approval flow (seed-systems §3: Protolink's
 * `ApprovalBroker` has no HTTP route to submit a decision). The approval endpoint
 * (`createProtolinkApprovalRoutes`) calls `decide`; whatever runs the Protolink agent awaits
 * `waitForDecision` (in process, or over `GET /approvals/{request_id}?waitMs=` long polls).
 */
export interface ProtolinkApprovalBroker {
  /**
   * Records a decision and wakes its waiters. The same decision again is `duplicate`; a
   * different one for an already decided request is `conflict` (the first stands).
   */
  decide(decision: ProtolinkApprovalDecision): ApprovalDecideResult
  /**
   * Resolves with the decision of `requestId` (at once when it is already known), or
   * `undefined` after `timeoutMs` (default: no timeout). Rejects with `signal.reason` when
   * `signal` aborts.
   */
  waitForDecision(
    requestId: string,
    options?: { signal?: AbortSignal; timeoutMs?: number },
  ): Promise<ProtolinkApprovalDecision | undefined>
  /** The request ids someone is waiting for now. */
  pending(): string[]
}

/** Options of {@link createProtolinkApprovalBroker}. */
export interface ProtolinkApprovalBrokerOptions {
  /** How long a decision is kept for late waiters, ms. Default 600 000 (10 min). */
  ttlMs?: number
  /** Most decisions kept; the oldest go first. Default 1 000. */
  maxDecisions?: number
  /** Time source, ms since epoch (tests). Default `Date.now`. */
  now?: () => number
}

/**
 * Creates an in-memory {@link ProtolinkApprovalBroker}: decisions are kept `ttlMs` (bounded by
 * `maxDecisions`), so a decision posted before the Protolink side asks is not lost.
 */
export function createProtolinkApprovalBroker(
  options: ProtolinkApprovalBrokerOptions = {},
): ProtolinkApprovalBroker {
  const ttlMs = options.ttlMs ?? 600_000
  const max = options.maxDecisions ?? 1000
  const now = options.now ?? Date.now
  const decisions = new Map<string, { decision: ProtolinkApprovalDecision; at: number }>()
  const waiters = new Map<string, Set<(d: ProtolinkApprovalDecision) => void>>()

  const lookup = (id: string) => {
    const kept = decisions.get(id)
    if (kept && now() - kept.at > ttlMs) decisions.delete(id)
    return decisions.get(id)?.decision
  }

  return {
    decide(decision) {
      const known = lookup(decision.request_id)
      if (known) return known.approved === decision.approved ? 'duplicate' : 'conflict'
      decisions.set(decision.request_id, { decision, at: now() })
      while (decisions.size > max) decisions.delete(decisions.keys().next().value as string)
      for (const wake of waiters.get(decision.request_id) ?? []) wake(decision)
      waiters.delete(decision.request_id)
      return 'accepted'
    },
    waitForDecision(requestId, { signal, timeoutMs } = {}) {
      const known = lookup(requestId)
      if (known) return Promise.resolve(known)
      return new Promise((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined
        const set = waiters.get(requestId) ?? new Set()
        waiters.set(requestId, set)
        const done = () => {
          clearTimeout(timer)
          signal?.removeEventListener('abort', onAbort)
          set.delete(wake)
          if (set.size === 0 && waiters.get(requestId) === set) waiters.delete(requestId)
        }
        const wake = (d: ProtolinkApprovalDecision) => {
          done()
          resolve(d)
        }
        const onAbort = () => {
          done()
          reject(signal?.reason)
        }
        if (signal?.aborted) return onAbort()
        set.add(wake)
        signal?.addEventListener('abort', onAbort, { once: true })
        if (timeoutMs !== undefined)
          timer = setTimeout(() => {
            done()
            resolve(undefined)
          }, timeoutMs)
      })
    },
    pending: () => [...waiters.keys()],
  }
}
