import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  deriveAgentStatus,
  foldEventLog,
  foldEventLogIncrementally,
  reduceEventLog,
  toEventLogEntries,
  type EventLogEntry,
} from '../../../src/core/status'
import { STEP02, STEP07, STEP12, recorded } from './recordedDotnet'

const T = 1_750_000_000_000
const NOW = T + 60_000

const ids = fc.constantFrom('a', 'b', 'c')
const timestamp = fc.option(
  fc.oneof(fc.integer({ min: T, max: T + 5000 }), fc.constantFrom(12, -1, T + 10 ** 12, 'x')),
  { nil: undefined },
)
const usage = fc.array(
  fc.record({
    inputTokens: fc.oneof(fc.nat(500), fc.constant(-3), fc.constant(1.5)),
    outputTokens: fc.nat(500),
    totalTokens: fc.nat(1000),
  }),
  { maxLength: 2 },
)
/** Any mix of the events the fold looks at, in any order, with good and bad fields. */
const event = fc.oneof(
  fc.record({ type: fc.constant('RUN_STARTED'), threadId: fc.constant('t'), runId: ids }),
  fc.record({ type: fc.constant('RUN_FINISHED'), threadId: fc.constant('t'), runId: ids, usage }),
  fc.record({ type: fc.constant('RUN_ERROR'), message: fc.constant('boom'), usage }),
  fc.record({ type: fc.constantFrom('STEP_STARTED', 'STEP_FINISHED'), stepName: ids }),
  fc.record({
    type: fc.constantFrom('TOOL_CALL_START', 'TOOL_CALL_END', 'TOOL_CALL_RESULT'),
    toolCallId: ids,
    toolCallName: fc.constant('search'),
  }),
  fc.record({
    type: fc.constantFrom(
      'ACTIVITY_SNAPSHOT',
      'ACTIVITY_DELTA',
      'REASONING_START',
      'REASONING_END',
    ),
    messageId: ids,
    activityType: fc.constant('progress'),
  }),
  fc.record({
    type: fc.constantFrom('SUBAGENT_STARTED', 'SUBAGENT_FINISHED', 'SUBAGENT_ERROR'),
    subagentRunId: ids,
    parentSubagentRunId: fc.option(ids, { nil: undefined }),
    name: fc.constant('helper'),
    message: fc.constant('failed'),
  }),
  fc.constant({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'x' }),
  fc.constant(null),
)
const log = fc.array(fc.tuple(event, timestamp, fc.nat(50)), { maxLength: 60 }).map((items) => {
  let at = T
  return items.map(([e, ts, gap], seq): EventLogEntry => {
    at += gap
    const ev = e && ts !== undefined ? { ...e, timestamp: ts } : e
    return {
      seq,
      event: ev as never,
      receivedAt: at,
      ...(typeof ts === 'number' && { timestamp: ts }),
    }
  })
})
/** Where the log is cut into the batches one publication each sees. */
const cuts = fc.array(fc.nat(60), { maxLength: 6 })

describe('foldEventLogIncrementally', () => {
  it('folding a growing log batch by batch equals one fold of the whole log, and earlier results never change', () => {
    fc.assert(
      fc.property(log, cuts, (entries, at) => {
        const points = [...new Set(at.map((n) => n % (entries.length + 1)))].sort((a, b) => a - b)
        const results: { result: unknown; frozen: string }[] = []
        for (const n of [...points, entries.length]) {
          if (n === 0) continue
          const result = foldEventLogIncrementally(entries.slice(0, n), NOW)
          expect(result).toEqual(foldEventLog(entries.slice(0, n), NOW))
          results.push({ result, frozen: JSON.stringify(result) })
        }
        for (const r of results) expect(JSON.stringify(r.result)).toBe(r.frozen)
      }),
      { numRuns: 400 },
    )
  })

  it('shares what did not change: a finished run (and its summary) keeps its object', () => {
    const entries = toEventLogEntries([
      ...recorded(STEP02),
      ...recorded(STEP07).map((e) => ({ ...e, runId: 'run-2' })),
    ])
    const end = entries.findIndex((e, i) => i > 0 && e.event.type === 'RUN_STARTED')
    const first = foldEventLogIncrementally(entries.slice(0, end + 5), NOW)
    const second = foldEventLogIncrementally(entries.slice(0, end + 9), NOW)
    expect(second.runs[0]).toBe(first.runs[0])
    expect(second.runs[1]).not.toBe(first.runs[1])
    const s1 = deriveAgentStatus(reduceEventLog([]), {
      events: entries.slice(0, end + 5),
      now: NOW,
    })
    const s2 = deriveAgentStatus(reduceEventLog([]), {
      events: entries.slice(0, end + 9),
      now: NOW,
    })
    expect(s2.recentRuns[1]).toBe(s1.recentRuns[1]) // newest first: [1] is the finished run
  })

  it('a trimmed, cleared or shorter log folds from scratch', () => {
    const entries = toEventLogEntries([...recorded(STEP12), ...recorded(STEP02)])
    const whole = foldEventLogIncrementally(entries, NOW)
    expect(foldEventLogIncrementally(entries.slice(0, 10), NOW)).toEqual(
      foldEventLog(entries.slice(0, 10), NOW),
    )
    expect(foldEventLogIncrementally(entries.slice(7), NOW)).toEqual(
      foldEventLog(entries.slice(7), NOW),
    )
    expect(foldEventLogIncrementally(entries, NOW)).toEqual(whole)
    const replaced = [...entries.slice(0, 20), { ...entries[20] }, ...entries.slice(21)]
    expect(foldEventLogIncrementally(replaced, NOW)).toEqual(foldEventLog(replaced, NOW))
  })
})
