import { describe, expect, it } from 'vitest'
import { deriveAgentStatus, reduceEventLog, toEventLogEntries } from '../../../src/core/status'
import { MIXED, recorded, STEP01, STEP02, STEP07, STEP10, STEP12 } from './recordedDotnet'

const NOW = 1_800_000_000_000

function statusOf(events: Record<string, unknown>[]) {
  return deriveAgentStatus(reduceEventLog(events), { events: toEventLogEntries(events), now: NOW })
}

describe('deriveAgentStatus on the recorded .NET streams (values computed by hand from the files)', () => {
  it('Step02 backend tool: one finished run, one tool call, no steps, usage as sent, no times', () => {
    const s = statusOf(recorded(STEP02))
    expect(s.runCount).toBe(1)
    expect(s.currentRun).toMatchObject({
      runId: 'run_Id_1',
      status: 'finished',
      outcome: 'success',
      steps: 0,
      toolCalls: 1,
      eventCount: 70,
      timeSource: 'none',
    })
    expect(s.currentRun?.durationMs).toBeUndefined()
    expect(s.runUsage).toMatchObject({
      inputTokens: 463,
      outputTokens: 422,
      totalTokens: 885,
      reasoningTokens: 320,
      cachedInputTokens: 0,
      entries: 1,
    })
    expect(s.timeline.map((i) => [i.kind, i.label, i.status])).toEqual([
      ['tool', 'SearchRestaurants', 'finished'],
    ])
    // the tool call (no parentMessageId) and its result, plus the answer
    expect(s.messages).toMatchObject({ total: 3, assistant: 2, tool: 1 })
    expect(s.inconsistencies).toEqual([])
  })

  it('Step07 reasoning: a reasoning bar, the model named in usage', () => {
    const s = statusOf(recorded(STEP07))
    expect(s.timeline.map((i) => i.kind)).toEqual(['reasoning'])
    expect(s.runUsage).toMatchObject({ inputTokens: 39, outputTokens: 345, totalTokens: 384 })
    expect(s.runUsage.models).toEqual(['gpt-5-mini'])
  })

  it('Step12 parallel tool calls: two tool bars, usage 495/488/983', () => {
    const s = statusOf(recorded(STEP12))
    expect(s.timeline.map((i) => i.label)).toEqual(['get_weather', 'get_current_time'])
    expect(s.currentRun?.toolCalls).toBe(2)
    expect(s.runUsage).toMatchObject({
      inputTokens: 495,
      outputTokens: 488,
      totalTokens: 983,
      reasoningTokens: 384,
    })
  })

  it('Step10 turn 1: an interrupted run with no usage and one pending interrupt', () => {
    const s = statusOf(recorded(STEP10))
    expect(s.currentRun).toMatchObject({
      status: 'interrupted',
      outcome: 'interrupt',
      eventCount: 2,
    })
    expect(s.runUsage.entries).toBe(0)
    expect(s.pendingDecisions).toEqual([
      {
        id: 'call_Id_1',
        kind: 'interrupt',
        label: 'What username would you like to use?',
        state: 'open',
      },
    ])
  })

  it('two turns of one conversation: per-run usage and the thread total', () => {
    const events = [...recorded(MIXED, 1), ...recorded(MIXED, 2)]
    const s = statusOf(events)
    expect(s.runCount).toBe(2)
    expect(s.recentRuns.map((r) => r.usage.totalTokens)).toEqual([415, 300]) // newest first
    expect(s.runUsage.totalTokens).toBe(415)
    // 184 + 243, 116 + 172, 300 + 415, 64 + 128
    expect(s.threadUsage).toMatchObject({
      inputTokens: 427,
      outputTokens: 288,
      totalTokens: 715,
      reasoningTokens: 192,
      entries: 2,
    })
    const first = statusOf([...recorded(STEP01, 1), ...recorded(STEP01, 2)])
    expect(first.threadUsage).toMatchObject({
      inputTokens: 37,
      outputTokens: 111,
      totalTokens: 148,
    })
  })

  it('durations from event timestamps: Step02 with one timestamp every 10 ms', () => {
    const base = 1_700_000_000_000
    const events = recorded(STEP02).map((e, i) => ({ ...e, timestamp: base + i * 10 }))
    const s = statusOf(events)
    // 70 events: RUN_STARTED at +0, RUN_FINISHED at +690
    expect(s.currentRun).toMatchObject({
      startedAt: base,
      finishedAt: base + 690,
      durationMs: 690,
      timeSource: 'event',
    })
    // TOOL_CALL_START is event 1, TOOL_CALL_RESULT event 4: 30 ms
    expect(s.timeline[0]).toMatchObject({
      startedAt: base + 10,
      finishedAt: base + 40,
      durationMs: 30,
    })
  })

  it('durations from receive times when the events carry none (offset-free)', () => {
    const events = recorded(STEP12)
    const entries = toEventLogEntries(events).map((e) => ({
      ...e,
      receivedAt: 5_000_000 + e.seq * 2,
    }))
    const s = deriveAgentStatus(reduceEventLog(events), { events: entries, now: NOW })
    expect(s.currentRun).toMatchObject({
      timeSource: 'received',
      durationMs: (events.length - 1) * 2,
    })
  })
})
