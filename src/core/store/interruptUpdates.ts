import { AgentError } from '../protocol/AgentError'
import type { ResumeEntry } from '../protocol/types'
import type { InterruptView } from '../reducer/AgentSnapshot'
import { hitlNotFoundError } from './hitlNotFoundError'
import { validatePayload } from './validatePayload'

/** Interrupts that still need something from the client (not sent yet). */
export const isOutstanding = (i: InterruptView) => i.state !== 'resolved'

/** Interrupts waiting for a person: `open`, or `expired` (which can only be cancelled). */
export const isAwaitingPerson = (i: InterruptView) => i.state === 'open' || i.state === 'expired'

function replaceAt(list: readonly InterruptView[], index: number, view: InterruptView) {
  const next = list.slice()
  next[index] = view
  return next
}

/**
 * Stages `payload` as the answer to interrupt `id` (issue 3): validated against its
 * `responseSchema` (unless `validate` is false: an answer restored after a reload, validated
 * when it was given); refused past `expiresAt` (`interrupt_expired`, the view turns `expired`).
 * On failure the view records the error (visible on the card) and nothing is staged.
 */
export function stageAnswer(
  list: readonly InterruptView[],
  id: string,
  payload: unknown,
  now: number,
  validate = true,
): { list: readonly InterruptView[]; error?: AgentError } {
  const index = list.findIndex((i) => i.id === id)
  const view = list[index]
  if (!view || view.state === 'resolved') {
    return { list, error: hitlNotFoundError('interrupt', id) }
  }
  if (view.state === 'expired' || (view.expiresAtMs !== undefined && now >= view.expiresAtMs)) {
    const error = new AgentError(
      'interrupt_expired',
      `Interrupt '${id}' expired at ${view.expiresAt}; it can only be cancelled.`,
    )
    return { list: replaceAt(list, index, { ...view, state: 'expired', error }), error }
  }
  const error = validate ? validatePayload(id, view.responseSchema, payload) : undefined
  if (error) return { list: replaceAt(list, index, { ...view, error }), error }
  const { error: _cleared, ...rest } = view
  return {
    list: replaceAt(list, index, {
      ...rest,
      state: 'answered',
      response: { interruptId: id, status: 'resolved', payload },
    }),
  }
}

/** Stages a cancellation of interrupt `id` (any state but `resolved`); same list if none. */
export function stageCancel(list: readonly InterruptView[], id: string): readonly InterruptView[] {
  const index = list.findIndex((i) => i.id === id)
  const view = list[index]
  if (!view || view.state === 'resolved' || view.state === 'cancelled') return list
  const { error: _cleared, ...rest } = view
  return replaceAt(list, index, {
    ...rest,
    state: 'cancelled',
    response: { interruptId: id, status: 'cancelled' },
  })
}

/** Drops the staged answer of interrupt `id` (its decision was voided): back to `open`. */
export function unstage(list: readonly InterruptView[], id: string): readonly InterruptView[] {
  const index = list.findIndex((i) => i.id === id)
  const view = list[index]
  if (!view || view.state !== 'answered') return list
  const { response: _dropped, ...rest } = view
  return replaceAt(list, index, { ...rest, state: 'open' })
}

/** `open` interrupts past `expiresAtMs` become `expired`; the same list when none did. */
export function expireDue(list: readonly InterruptView[], now: number): readonly InterruptView[] {
  let next: InterruptView[] | undefined
  list.forEach((view, index) => {
    if (view.state === 'open' && view.expiresAtMs !== undefined && now >= view.expiresAtMs) {
      next ??= list.slice()
      next[index] = { ...view, state: 'expired' }
    }
  })
  return next ?? list
}

/** The earliest `expiresAtMs` of an `open` interrupt, or `undefined`. */
export function nextExpiry(list: readonly InterruptView[]): number | undefined {
  let at: number | undefined
  for (const v of list) {
    if (v.state === 'open' && v.expiresAtMs !== undefined)
      at = Math.min(at ?? Infinity, v.expiresAtMs)
  }
  return at
}

/**
 * A reload (issue 3, `createAgentStore({ initialResume })`): stages again the answers and
 * cancellations `resume` saved on the interrupts `list`. Each answer's expiry is checked again
 * (past `expiresAt`, its interrupt turns `expired` with `interrupt_expired`); its
 * `responseSchema` is not (checked when the answer was first staged). Entries whose interrupt is
 * not in `list` are dropped.
 * @internal
 */
export function restageAnswers(
  list: readonly InterruptView[],
  resume: readonly ResumeEntry[],
  now: number,
): readonly InterruptView[] {
  for (const entry of resume) {
    list =
      entry.status === 'cancelled'
        ? stageCancel(list, entry.interruptId)
        : stageAnswer(list, entry.interruptId, entry.payload, now, false).list
  }
  return list
}

/**
 * The `resume[]` of a run and the interrupts as sent (state `resolved`): one entry for EVERY
 * outstanding interrupt (spec 1.1, "Interrupts"). Staged answers and cancellations are sent as
 * staged; `keepAnswers` (a resume, a retry) also re-sends the answer kept on an `open`
 * interrupt whose resume was rejected; everything else is sent `cancelled` (a new user message
 * moves on).
 */
export function takeResume(
  list: readonly InterruptView[],
  keepAnswers: boolean,
): { resume: ResumeEntry[]; list: readonly InterruptView[] } {
  const resume: ResumeEntry[] = []
  let changed = false
  const next = list.map((view) => {
    if (!isOutstanding(view)) return view
    changed = true
    const staged =
      view.state === 'answered' ||
      view.state === 'cancelled' ||
      (keepAnswers && view.state === 'open' && view.response !== undefined)
    const entry: ResumeEntry =
      staged && view.response ? view.response : { interruptId: view.id, status: 'cancelled' }
    resume.push(entry)
    return { ...view, state: 'resolved' as const, response: entry }
  })
  return { resume, list: changed ? next : list }
}

/**
 * The run that carried the resume failed before its `RUN_FINISHED` (HTTP error, `RUN_ERROR`,
 * stop): the sent interrupts are `open` again with `resume_rejected`; their answers are kept
 * (`resume()` re-sends them).
 */
export function rejectSent(
  list: readonly InterruptView[],
  reason: AgentError | undefined,
): readonly InterruptView[] {
  if (!list.some((v) => v.state === 'resolved')) return list
  const error = new AgentError(
    'resume_rejected',
    `The agent did not accept the resume${reason ? `: ${reason.message}` : '.'}`,
    { cause: reason },
  )
  return list.map((v) => (v.state === 'resolved' ? { ...v, state: 'open' as const, error } : v))
}
