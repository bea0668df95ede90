import { describe, expect, it } from 'vitest'
import { answerText, readDecision } from '../../../src/core/adapters/protolink/protolinkRequests'

describe('readDecision (resume entry → Protolink decision)', () => {
  it('reads approve, deny with reason; a cancelled or missing entry is a denial', () => {
    expect(
      readDecision({ interruptId: 'i', status: 'resolved', payload: { approved: true } }),
    ).toEqual({
      approved: true,
    })
    expect(
      readDecision({
        interruptId: 'i',
        status: 'resolved',
        payload: { approved: false, reason: 'no' },
      }),
    ).toEqual({ approved: false, reason: 'no' })
    expect(readDecision({ interruptId: 'i', status: 'cancelled' })).toMatchObject({
      approved: false,
    })
    expect(readDecision(undefined)).toMatchObject({ approved: false })
  })

  it('an edit is sent as a denial whose reason carries the proposed arguments (Protolink cannot run edits)', () => {
    const d = readDecision({
      interruptId: 'i',
      status: 'resolved',
      payload: { approved: true, editedArgs: { url: 'https://safe.test' } },
    })
    expect(d.approved).toBe(false)
    expect(d.reason).toContain('{"url":"https://safe.test"}')
  })

  it('answerText takes a string, {text}, {answer}, else JSON', () => {
    expect(answerText('Oslo')).toBe('Oslo')
    expect(answerText({ text: 'Bergen' })).toBe('Bergen')
    expect(answerText({ answer: 'Tromsø' })).toBe('Tromsø')
    expect(answerText({ city: 'X' })).toBe('{"city":"X"}')
  })
})
