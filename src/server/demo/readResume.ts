import type { Message, ResumeEntry } from '../../core/protocol/types'
import {
  findOpenApprovals,
  readApprovalAnswer,
  type ApprovalAnswer,
  type ApprovalInterrupt,
} from './demoApprovalFlow'
import {
  findOpenMeeting,
  readMeetingAnswer,
  type MeetingAnswer,
  type MeetingInterrupt,
} from './demoMeetingFlow'

/**
 * `RUN_ERROR.code` of a resume the demo agent rejects (nothing of the run is applied):
 * - `resume_incomplete`: an open interrupt has no `resume` entry (spec 1.1, "Interrupts": a run
 *   that continues from interrupts answers every open one);
 * - `unknown_interrupt`: an entry names an interrupt that is not open (or appears twice);
 * - `invalid_resume_payload`: a `resolved` payload does not match the interrupt's
 *   `responseSchema` (or edited arguments are invalid);
 * - `interrupt_expired`: a `resolved` answer arrived after the interrupt's `expiresAt`.
 */
export type DemoResumeErrorCode =
  'resume_incomplete' | 'unknown_interrupt' | 'invalid_resume_payload' | 'interrupt_expired'

/** An interrupt of the thread still waiting for its answer. @internal */
export type OpenInterrupt = ApprovalInterrupt | MeetingInterrupt

/** The outcome of {@link readResume}. @internal */
export type ResumeReading =
  | { ok: true; approvals: ApprovalAnswer[]; meeting?: MeetingAnswer }
  | { ok: false; code: DemoResumeErrorCode; message: string }

/**
 * The open interrupts of a thread, derived from the input alone (the demo agent is stateless):
 * one approval per gated tool call without a `tool` message (see `findOpenApprovals`), and the
 * meeting request recorded in `state.meetingRequest`.
 * @internal
 */
export function findOpenInterrupts(messages: readonly Message[], state: unknown): OpenInterrupt[] {
  const meeting = findOpenMeeting(state)
  return [...findOpenApprovals(messages), ...(meeting ? [meeting] : [])]
}

const fail = (code: DemoResumeErrorCode, message: string): ResumeReading => ({
  ok: false,
  code,
  message,
})

/**
 * Matches `RunAgentInput.resume` against the open interrupts and validates every entry before
 * anything happens, so a rejected resume changes nothing. `now` is in ms since the epoch.
 * @internal
 */
export function readResume(
  open: readonly OpenInterrupt[],
  resume: readonly ResumeEntry[] | undefined,
  now: number,
): ResumeReading {
  const entries = new Map<string, ResumeEntry>()
  for (const entry of resume ?? []) {
    if (entries.has(entry.interruptId))
      return fail('unknown_interrupt', `The resume answers interrupt '${entry.interruptId}' twice.`)
    if (!open.some((i) => i.id === entry.interruptId))
      return fail(
        'unknown_interrupt',
        `The resume answers interrupt '${entry.interruptId}', which is not open in this thread.`,
      )
    entries.set(entry.interruptId, entry)
  }
  const missing = open.filter((i) => !entries.has(i.id)).map((i) => `'${i.id}'`)
  if (missing.length)
    return fail(
      'resume_incomplete',
      `Every open interrupt needs a resume entry (resolved or cancelled); missing: ${missing.join(', ')}.`,
    )
  const approvals: ApprovalAnswer[] = []
  let meeting: MeetingAnswer | undefined
  for (const interrupt of open) {
    const entry = entries.get(interrupt.id)!
    if (interrupt.kind === 'approval') {
      const answer = readApprovalAnswer(interrupt, entry)
      if (typeof answer === 'string')
        return fail('invalid_resume_payload', `Invalid resume: ${answer}.`)
      approvals.push(answer)
      continue
    }
    const answer = readMeetingAnswer(interrupt, entry, now)
    if (typeof answer === 'string')
      return fail('invalid_resume_payload', `Invalid resume: ${answer}.`)
    if ('expired' in answer)
      return fail(
        'interrupt_expired',
        `Interrupt '${interrupt.id}' expired at ${interrupt.expiresAt}; it can only be cancelled now.`,
      )
    meeting = answer
  }
  return { ok: true, approvals, ...(meeting && { meeting }) }
}
