import type { FaultPlan } from './createFaultProxy'
import type { RequestFaults } from './FaultConnection'

/**
 * A fault plan for WebSocket connections that loses client frames: connection `n` gets
 * `perConnection[n]` as its per-request plan (request 0 is the upgrade `GET`, request `i ≥ 1`
 * the `i`-th burst of client frames sent after the server last answered); later connections
 * are left alone.
 */
export function defineLostFramePlan(
  perConnection: ReadonlyArray<(head: string, i: number) => RequestFaults | undefined>,
): FaultPlan {
  return ({ index }) =>
    index < perConnection.length ? { perRequest: perConnection[index] } : undefined
}
