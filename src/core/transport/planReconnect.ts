import { AgentError } from '../protocol/AgentError'
import type { ConnectionState } from './ConnectionState'
import type { Backoff } from './createBackoff'

/** How to pick a reconnect's delay: `exactMs` replaces the jittered delay, `minMs` raises it (ms). */
export type ReconnectStep = { exactMs?: number; minMs?: number } | undefined

/**
 * What {@link planReconnect} decided: give up with `giveUp`, or show `state` and reconnect after
 * `delayMs` (absent while offline: the `online` event retries).
 */
export type ReconnectPlan =
  | { giveUp: AgentError }
  | { state: Extract<ConnectionState, { status: 'reconnecting' }>; delayMs?: number }

/**
 * Decides the next reconnect after `error`, counting one more attempt on `backoff`. When its caps
 * are reached: give up with a `connection_closed` AgentError ("Gave up reconnecting after n
 * attempts: ..."; `cause` = `error`, its `closeCode` kept). Offline: state `reconnecting` with
 * `waitingFor: 'online'` and `nextRetryMs` 0, no delay. Else `reconnecting` with the backoff's
 * delay (ms). Internal to `WebSocketConnection`.
 */
export function planReconnect(
  backoff: Backoff,
  error: AgentError,
  step: ReconnectStep,
  offline: boolean,
): ReconnectPlan {
  const next = backoff.next(step)
  if (!next) {
    const n = backoff.attempt
    const message = `Gave up reconnecting after ${n} attempt${n === 1 ? '' : 's'}: ${error.message}`
    const closeCode = error.closeCode
    return {
      giveUp: new AgentError('connection_closed', message, {
        cause: error,
        ...(closeCode !== undefined && { closeCode }),
      }),
    }
  }
  const { attempt, delayMs } = next
  if (offline)
    return {
      state: { status: 'reconnecting', attempt, nextRetryMs: 0, error, waitingFor: 'online' },
    }
  return { state: { status: 'reconnecting', attempt, nextRetryMs: delayMs, error }, delayMs }
}
