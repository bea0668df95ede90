/** reduceEventLog validates only with `options.createParser` (one parser per run). */
import { describe, expect, it } from 'vitest'
import { createEventParser } from '../../../src/core/protocol/parseEvent'
import { reduceEventLog } from '../../../src/core/status/reduceEventLog'

const reply = (runId: string, messageId: string, delta: unknown) => [
  { type: 'RUN_STARTED', threadId: 't', runId },
  { type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' },
  { type: 'TEXT_MESSAGE_CONTENT', messageId, delta },
  { type: 'TEXT_MESSAGE_END', messageId },
  { type: 'RUN_FINISHED', threadId: 't', runId },
]

describe('reduceEventLog: validation with options.createParser', () => {
  it('one parser per run; an invalid event ends its run with invalid_event, later runs apply', () => {
    let parsers = 0
    const s = reduceEventLog([...reply('r1', 'm1', 42), ...reply('r2', 'm2', 'ok')], {
      createParser: () => {
        parsers++
        return createEventParser()
      },
    })
    expect(parsers).toBe(2)
    expect(s.messages.map((m) => m.content)).toEqual(['', 'ok'])
    expect(s.run.status).toBe('finished')
    const first = reduceEventLog(reply('r1', 'm1', 42), { createParser: () => createEventParser() })
    expect(first.run).toMatchObject({ status: 'error', error: { code: 'invalid_event' } })
    // Without a parser the log is trusted (an EventLog records validated, applied events).
    expect(reduceEventLog(reply('r1', 'm1', 'ok')).messages[0].content).toBe('ok')
  })
})
