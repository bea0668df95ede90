import { useMemo } from 'react'
import type { AgentError } from '../core/protocol/AgentError'
import type { AgentSnapshot, InterruptView } from '../core/reducer/AgentSnapshot'
import { useSelect } from './useAgentSelector'
import { useStoreOf } from './useAgentStore'

/** What {@link useInterrupts} returns. */
export interface InterruptControls {
  /** Every interrupt of the thread not yet resumed (any state), in outcome order. */
  interrupts: InterruptView[]
  /** Those waiting for a person: state `open`, or `expired` (which can only be cancelled). */
  open: InterruptView[]
  /** Stage an answer, validated against `responseSchema` (`invalid_payload`, `interrupt_expired`, `not_found`). */
  respond: (id: string, payload: unknown) => AgentError | undefined
  /** Stage a cancellation (`resume[]` entry with `status: 'cancelled'`). */
  cancel: (id: string) => void
  /** Answer every open interrupt with `payload` (or `payload(interrupt)`); all or nothing. */
  respondAll: (payload: unknown | ((interrupt: InterruptView) => unknown)) => AgentError | undefined
  /** Start the resume run now (`resume[]` covers every open interrupt); resolves when it ends. */
  resume: () => Promise<void>
}

const cache = new WeakMap<object, { interrupts: InterruptView[]; open: InterruptView[] }>()

function lists(interrupts: readonly InterruptView[]) {
  let cached = cache.get(interrupts)
  if (!cached) {
    cached = {
      interrupts: [...interrupts],
      open: interrupts.filter((i) => i.state === 'open' || i.state === 'expired'),
    }
    cache.set(interrupts, cached)
  }
  return cached
}

const selectInterrupts = (snapshot: AgentSnapshot) => snapshot.interrupts

/**
 * The thread's interrupts (AG-UI `RUN_FINISHED.outcome = { type: 'interrupt' }`, spec 1.1
 * "Interrupts") and the actions that answer them. With the store's `autoResume` (default), the
 * resume run starts once every open interrupt is answered or cancelled; its `resume[]` covers
 * every one. Re-renders only when the interrupts change; actions keep their identity.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const { open, respond } = useInterrupts()
 * open.map((i) => <Form key={i.id} schema={i.responseSchema} onSubmit={(v) => respond(i.id, v)} />)
 */
export function useInterrupts(): InterruptControls {
  const store = useStoreOf('useInterrupts')
  const interrupts = useSelect('useInterrupts', selectInterrupts, Object.is)
  const actions = useMemo(
    () => ({
      respond: (id: string, payload: unknown) => store.respondToInterrupt(id, payload),
      cancel: (id: string) => store.cancelInterrupt(id),
      respondAll: (payload: unknown) => store.respondToAllInterrupts(payload),
      resume: async () => {
        await store.resume()
      },
    }),
    [store],
  )
  return { ...lists(interrupts), ...actions }
}
