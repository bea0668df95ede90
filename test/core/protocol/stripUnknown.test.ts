import { describe, expect, it } from 'vitest'
import { stripUnknown } from '../../../src/core/protocol/stripUnknown'
import { TextMessageContentEventSchema } from '../../../src/core/protocol/eventSchemas'
import { MessageSchema } from '../../../src/core/protocol/messageSchemas'

describe('stripUnknown', () => {
  it('returns the same object when nothing is unrecognised, and never mutates', () => {
    const event = {
      type: 'TEXT_MESSAGE_CONTENT',
      messageId: 'm',
      delta: 'd',
      metadata: { any: { thing: 1 } },
    }
    expect(stripUnknown(event, TextMessageContentEventSchema)).toEqual({
      value: event,
      stripped: [],
      unrecognised: false,
    })
    expect(stripUnknown(event, TextMessageContentEventSchema).value).toBe(event)
    const noisy = { ...event, extra: 1 }
    const frozen = Object.freeze(noisy)
    expect(stripUnknown(frozen, TextMessageContentEventSchema).value).toEqual(event)
  })

  it('reports a wholly unrecognised union member instead of dropping it', () => {
    expect(stripUnknown({ id: 'x', role: 'narrator' }, MessageSchema)).toMatchObject({
      unrecognised: true,
      stripped: [],
    })
  })

  it('leaves wrong-typed values for the schema to reject', () => {
    const value = { type: 'TEXT_MESSAGE_CONTENT', messageId: ['m'], delta: { a: 1 } }
    expect(stripUnknown(value, TextMessageContentEventSchema).value).toBe(value)
  })
})
