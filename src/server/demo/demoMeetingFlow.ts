import type { BaseEvent, ResumeEntry, RunFinishedOutcome } from '../../core/protocol/types'
import { ev, type DemoRunContext } from './demoEmitter'
import { nextId, readMeetingRequest, type DemoMeeting } from './demoState'

/** The rooms the meeting form offers (`enum` of `room`). */
export const MEETING_ROOMS = ['Aurora', 'Borealis', 'Cosmos'] as const

/**
 * `responseSchema` of the meeting interrupt (reason `input_required`): a string, an integer,
 * a boolean and an enum.
 */
export const MEETING_RESPONSE_SCHEMA = {
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Title', minLength: 1 },
    durationMinutes: {
      type: 'integer',
      title: 'Duration (minutes)',
      minimum: 15,
      maximum: 240,
      default: 30,
    },
    online: { type: 'boolean', title: 'Online', default: false },
    room: { type: 'string', title: 'Room', enum: [...MEETING_ROOMS], default: 'Aurora' },
  },
  required: ['title', 'durationMinutes', 'room'],
} as const

/** The open meeting interrupt, read from `state.meetingRequest`. @internal */
export interface MeetingInterrupt {
  kind: 'meeting'
  id: string
  expiresAt: string
  /** `expiresAt` in ms since the epoch (`NaN` when unparseable: treated as expired). */
  expiresAtMs: number
}

/** A validated answer to the {@link MeetingInterrupt}. @internal */
export type MeetingAnswer = { open: MeetingInterrupt } & (
  { decision: 'booked'; details: Omit<DemoMeeting, 'id'> } | { decision: 'cancelled' }
)

/** The open meeting interrupt of a thread (from its state), if any. @internal */
export function findOpenMeeting(state: unknown): MeetingInterrupt | undefined {
  const request = readMeetingRequest(state)
  return (
    request && {
      kind: 'meeting',
      id: request.interruptId,
      expiresAt: request.expiresAt,
      expiresAtMs: Date.parse(request.expiresAt),
    }
  )
}

/**
 * Validates the resume entry of the meeting interrupt: `cancelled` is always accepted; a
 * `resolved` answer must arrive before `expiresAt` (else `{ expired: true }`) and match
 * {@link MEETING_RESPONSE_SCHEMA} (else a readable problem).
 * @internal
 */
export function readMeetingAnswer(
  open: MeetingInterrupt,
  entry: ResumeEntry,
  now: number,
): MeetingAnswer | { expired: true } | string {
  if (entry.status === 'cancelled') return { open, decision: 'cancelled' }
  if (!(now <= open.expiresAtMs)) return { expired: true }
  const p = entry.payload as Record<string, unknown> | null | undefined
  if (typeof p !== 'object' || p === null || Array.isArray(p))
    return `the payload for '${open.id}' must be an object`
  if (typeof p.title !== 'string' || !p.title.trim()) return '"title" must be a non-empty string'
  const duration = p.durationMinutes
  if (
    typeof duration !== 'number' ||
    !Number.isInteger(duration) ||
    duration < 15 ||
    duration > 240
  )
    return '"durationMinutes" must be an integer from 15 to 240'
  if (p.online !== undefined && typeof p.online !== 'boolean') return '"online" must be a boolean'
  if (!(MEETING_ROOMS as readonly unknown[]).includes(p.room))
    return `"room" must be one of ${MEETING_ROOMS.join(', ')}`
  return {
    open,
    decision: 'booked',
    details: {
      title: p.title.trim(),
      durationMinutes: duration,
      online: p.online === true,
      room: p.room as DemoMeeting['room'],
    },
  }
}

/**
 * Asks for the meeting details: a short message, `meetingRequest` added to the state (one
 * `STATE_DELTA`), and the `interrupt` outcome: reason `input_required`, the
 * {@link MEETING_RESPONSE_SCHEMA}, `expiresAt` = now + `ttlMs`.
 * @internal
 */
export async function* requestMeeting(
  ctx: DemoRunContext,
  ttlMs: number,
): AsyncGenerator<BaseEvent, RunFinishedOutcome | undefined> {
  const { runId, emit, draft } = ctx
  const id = `${runId}-meeting`
  const expiresAt = new Date(ctx.now + ttlMs).toISOString()
  const seconds = Math.round(ttlMs / 1000)
  const left =
    seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} seconds`
  yield* emit.text(
    `${runId}-meeting-intro`,
    `Happy to book a meeting. Please fill in the details; this request expires in ${left}.`,
  )
  if (ctx.signal.aborted) return undefined
  draft.setMeetingRequest({ interruptId: id, expiresAt })
  yield ev({ type: 'STATE_DELTA', delta: draft.take() })
  return {
    type: 'interrupt',
    interrupts: [
      {
        id,
        reason: 'input_required',
        message: 'Meeting details',
        responseSchema: MEETING_RESPONSE_SCHEMA as unknown as Record<string, unknown>,
        expiresAt,
      },
    ],
  }
}

/**
 * Applies the meeting answer to `ctx.draft`: removes `meetingRequest` and, when booked, appends
 * the meeting to `meetings`. Returns the reply lines (the booked details echoed as JSON).
 * @internal
 */
export function resolveMeeting(ctx: DemoRunContext, answer: MeetingAnswer): string[] {
  const { draft } = ctx
  draft.setMeetingRequest(undefined)
  if (answer.decision === 'cancelled') return ['Okay, I did not book the meeting.']
  const meeting: DemoMeeting = {
    id: nextId(draft.current.meetings ?? [], 'meeting'),
    ...answer.details,
  }
  draft.append('meetings', meeting)
  const { title, durationMinutes, room, online } = meeting
  return [
    `Booked **${title}**: ${durationMinutes} minutes in ${room}, ${online ? 'online' : 'in person'}.`,
    ['You answered:', '', '```json', JSON.stringify(answer.details), '```'].join('\n'),
  ]
}
