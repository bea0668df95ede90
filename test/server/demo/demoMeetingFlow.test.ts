import { describe, expect, it } from 'vitest'
import { MEETING_RESPONSE_SCHEMA } from '../../../src/server/demo/demoMeetingFlow'
import { demoConversation, textOf } from './demoConversation'

const T0 = Date.parse('2030-01-01T10:00:00.000Z')

function clock(start = T0) {
  let now = start
  return { now: () => now, advance: (ms: number) => void (now += ms) }
}

const answer = { title: 'Sprint review', durationMinutes: 45, online: true, room: 'Borealis' }

describe('demo agent: the meeting interrupt (input_required, with an expiry)', () => {
  it('asks with a schema (string, integer, boolean, enum) expiring in 2 minutes, and records the request in the state', async () => {
    const time = clock()
    const chat = demoConversation({ now: time.now })
    const turn = await chat.run({ user: 'Can you book a meeting?' })
    expect(turn.last.outcome).toEqual({
      type: 'interrupt',
      interrupts: [
        {
          id: 'run-1-meeting',
          reason: 'input_required',
          message: 'Meeting details',
          responseSchema: MEETING_RESPONSE_SCHEMA,
          expiresAt: '2030-01-01T10:02:00.000Z',
        },
      ],
    })
    const props = MEETING_RESPONSE_SCHEMA.properties
    expect([props.title.type, props.durationMinutes.type, props.online.type]).toEqual([
      'string',
      'integer',
      'boolean',
    ])
    expect(props.room.enum).toEqual(['Aurora', 'Borealis', 'Cosmos'])
    expect(turn.state).toMatchObject({
      meetingRequest: { interruptId: 'run-1-meeting', expiresAt: '2030-01-01T10:02:00.000Z' },
    })
    expect(textOf(turn.events, 'run-1-meeting-intro')).toContain('expires in 2 minutes')
  })

  it('resume: books the meeting, echoes the answer and stores it in the state', async () => {
    const time = clock()
    const chat = demoConversation({ now: time.now })
    await chat.run({ user: 'schedule a meeting' })
    time.advance(60_000)
    const turn = await chat.run({
      resume: [{ interruptId: 'run-1-meeting', status: 'resolved', payload: answer }],
    })
    expect(turn.state).toEqual({
      tasks: expect.any(Array),
      meetings: [{ id: 'meeting-1', ...answer }],
    })
    expect(textOf(turn.events, 'run-2-resume-reply')).toBe(
      [
        'Booked **Sprint review**: 45 minutes in Borealis, online.',
        '',
        'You answered:',
        '',
        '```json',
        JSON.stringify(answer),
        '```',
      ].join('\n'),
    )
    expect(turn.last.outcome).toEqual({ type: 'success' })
    // A second booking appends.
    await chat.run({ user: 'book another meeting' })
    const again = await chat.run({
      resume: [
        {
          interruptId: 'run-3-meeting',
          status: 'resolved',
          payload: { title: 'Retro', durationMinutes: 30, room: 'Aurora' },
        },
      ],
    })
    expect((again.state as { meetings: unknown[] }).meetings).toEqual([
      { id: 'meeting-1', ...answer },
      { id: 'meeting-2', title: 'Retro', durationMinutes: 30, online: false, room: 'Aurora' },
    ])
  })

  it('an answer after expiresAt → RUN_ERROR interrupt_expired; cancelling still works', async () => {
    const time = clock()
    const chat = demoConversation({ now: time.now, interruptTtlMs: 5000 })
    const asked = await chat.run({ user: 'book a meeting' })
    expect(asked.last.outcome.interrupts[0].expiresAt).toBe('2030-01-01T10:00:05.000Z')
    time.advance(5001)
    const late = await chat.run({
      resume: [{ interruptId: 'run-1-meeting', status: 'resolved', payload: answer }],
    })
    expect(late.last).toMatchObject({ type: 'RUN_ERROR', code: 'interrupt_expired' })
    expect(late.last.message).toContain('2030-01-01T10:00:05.000Z')
    const cancelled = await chat.run({
      resume: [{ interruptId: 'run-1-meeting', status: 'cancelled' }],
    })
    expect(textOf(cancelled.events, 'run-3-resume-reply')).toBe('Okay, I did not book the meeting.')
    expect(cancelled.state).not.toHaveProperty('meetingRequest')
    expect(cancelled.state).not.toHaveProperty('meetings')
  })

  it('takes the time to live from the message ("expires in 3 seconds")', async () => {
    const chat = demoConversation({ now: clock().now })
    const turn = await chat.run({ user: 'book a meeting that expires in 3 seconds' })
    expect(turn.last.outcome.interrupts[0].expiresAt).toBe('2030-01-01T10:00:03.000Z')
    expect(textOf(turn.events, 'run-1-meeting-intro')).toContain('expires in 3 seconds')
  })

  it.each([
    ['a missing title', { ...answer, title: '' }, '"title"'],
    ['a fractional duration', { ...answer, durationMinutes: 12.5 }, '"durationMinutes"'],
    ['a duration out of range', { ...answer, durationMinutes: 600 }, '"durationMinutes"'],
    ['online as a string', { ...answer, online: 'yes' }, '"online"'],
    ['an unknown room', { ...answer, room: 'Kitchen' }, '"room" must be one of'],
    ['a non-object', 'Sprint review', 'must be an object'],
  ])('rejects %s with RUN_ERROR invalid_resume_payload', async (_, payload, says) => {
    const chat = demoConversation({ now: clock().now })
    await chat.run({ user: 'book a meeting' })
    const turn = await chat.run({
      resume: [{ interruptId: 'run-1-meeting', status: 'resolved', payload }],
    })
    expect(turn.last).toMatchObject({ type: 'RUN_ERROR', code: 'invalid_resume_payload' })
    expect(turn.last.message).toContain(says)
    expect(turn.state).toHaveProperty('meetingRequest')
  })

  it('a new user message without the resume entry → RUN_ERROR resume_incomplete', async () => {
    const chat = demoConversation({ now: clock().now })
    await chat.run({ user: 'book a meeting' })
    const turn = await chat.run({ user: 'never mind' })
    expect(turn.last).toMatchObject({ type: 'RUN_ERROR', code: 'resume_incomplete' })
    expect(turn.last.message).toContain("'run-1-meeting'")
  })
})
