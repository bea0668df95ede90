/**
 * reduceEvents validates only with `options.parser` (design.md rule 2: validate once, at the
 * edge); without one it trusts typed events.
 */
import { describe, expect, it } from 'vitest'
import { createEventParser } from '../../../src/core/protocol/parseEvent'
import { reduceEvents } from '../../../src/core/reducer/reduceEvents'

const started = { type: 'RUN_STARTED', threadId: 't', runId: 'r' }
const finished = { type: 'RUN_FINISHED', threadId: 't', runId: 'r' }
const reply = (delta: unknown) => [
  started,
  { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
  { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta },
  { type: 'TEXT_MESSAGE_END', messageId: 'm' },
  finished,
]

describe('reduceEvents: validation with options.parser', () => {
  it('typed events reduce the same with or without a parser', () => {
    const trusted = reduceEvents(reply('Hi'))
    const validated = reduceEvents(reply('Hi'), {}, { parser: createEventParser() })
    expect(trusted.run.status).toBe('finished')
    expect(validated.messages).toEqual(trusted.messages)
    expect(validated.run.status).toBe('finished')
  })

  it('with a parser, an invalid event ends the run with invalid_event, what came before kept', () => {
    const s = reduceEvents(reply(42), {}, { parser: createEventParser() })
    expect(s.run.status).toBe('error')
    expect(s.run.error).toMatchObject({ code: 'invalid_event' })
    expect(s.run.error?.message).toMatch(/TEXT_MESSAGE_CONTENT.*delta/)
    expect(s.messages).toEqual([{ id: 'm', role: 'assistant', content: '' }])
  })

  it('with a parser, compatibility runs: unknown fields stripped with a diagnostic, retired events translated', () => {
    const events = [
      { ...started, futureProp: 1 },
      { type: 'THINKING_START' },
      { type: 'THINKING_END' },
      finished,
    ]
    const s = reduceEvents(events, {}, { parser: createEventParser() })
    expect(s.run.status).toBe('finished')
    expect(s.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['unknown_field_stripped', 'thinking_translated']),
    )
  })

  it('without a parser, events are not validated (the transport did it): no diagnostics, no translation', () => {
    const s = reduceEvents([{ ...started, futureProp: 1 }, finished])
    expect(s.run.status).toBe('finished')
    expect(s.diagnostics).toEqual([])
  })
})
