import type { Interrupt } from '../protocol/types'
import type { InterruptView } from './AgentSnapshot'

/**
 * The view of a protocol `Interrupt`: kept as is when it already is one (has a `state`), else
 * `open` with `expiresAt` parsed to `expiresAtMs` (absent when it is not a date).
 */
export function toInterruptView(interrupt: Interrupt | InterruptView): InterruptView {
  if ('state' in interrupt && typeof interrupt.state === 'string') return interrupt
  const ms = interrupt.expiresAt === undefined ? NaN : Date.parse(interrupt.expiresAt)
  return { ...interrupt, state: 'open', ...(Number.isFinite(ms) && { expiresAtMs: ms }) }
}
