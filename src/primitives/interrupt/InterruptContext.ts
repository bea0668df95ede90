import { createContext, useContext } from 'react'
import type { AgentError } from '../../core/protocol/AgentError'
import type { InterruptState, InterruptView } from '../../core/reducer/AgentSnapshot'
import type { SchemaFormController } from '../schemaForm/useSchemaForm'

/** What `Interrupt.Root` shares with its parts; read it with {@link useInterruptContext}. */
export interface InterruptContextValue {
  interrupt: InterruptView
  /** `interrupt.state`, or `expired` once `expiresAtMs` passed while it was `open`. */
  state: InterruptState
  /** Past `expiresAtMs`: only Cancel is offered. */
  expired: boolean
  /** An answer can be submitted now (`open`, not expired, not already sent by this prompt). */
  canSubmit: boolean
  /** Cancel is possible now (`open` or expired). */
  canCancel: boolean
  /** The response form generated from `responseSchema`. */
  form: SchemaFormController
  /** Validates the form and sends the answer. */
  submit: () => void
  cancel: () => void
  /** The message to show: the last rejected answer, else `interrupt.error`. */
  error: string | undefined
  /** The store error of the last rejected answer (`invalid_payload`, `interrupt_expired`, ...). */
  submitError: AgentError | undefined
  ids: { form: string; message: string; error: string }
}

/** React context of the Interrupt parts. */
export const InterruptContext = createContext<InterruptContextValue | null>(null)

/**
 * The context of the nearest `Interrupt.Root`, for custom parts.
 * @throws Error naming the part when used outside a Root.
 */
export function useInterruptContext(part = 'useInterruptContext'): InterruptContextValue {
  const value = useContext(InterruptContext)
  if (!value) throw new Error(`<Interrupt.${part}> must be used inside <Interrupt.Root>.`)
  return value
}
