import { describe, expect, it } from 'vitest'
import { deriveAgentStatus, reduceEventLog, toEventLogEntries } from '../../../src/core/status'

const NOW = 1_800_000_000_000
const T = 1_750_000_000_000

function statusOf(events: Record<string, unknown>[]) {
  return deriveAgentStatus(reduceEventLog(events), { events: toEventLogEntries(events), now: NOW })
}

const run = (...body: Record<string, unknown>[]) => [
  { type: 'RUN_STARTED', threadId: 't', runId: 'r1', timestamp: T },
  ...body,
  { type: 'RUN_FINISHED', threadId: 't', runId: 'r1', timestamp: T + 1000 },
]

describe('deriveAgentStatus with bad input: marked inconsistent, never a crash', () => {
  it('absurd timestamps are ignored and reported once per kind with a count', () => {
    const s = statusOf(
      run(
        { type: 'STEP_STARTED', stepName: 'a', timestamp: 1_750_000_000 }, // seconds
        { type: 'STEP_FINISHED', stepName: 'a', timestamp: Number.MAX_SAFE_INTEGER },
        { type: 'STEP_STARTED', stepName: 'b', timestamp: 1_700 },
        { type: 'STEP_FINISHED', stepName: 'b', timestamp: 'yesterday' },
      ),
    )
    expect(s.currentRun).toMatchObject({ durationMs: 1000, steps: 2 })
    expect(s.timeline.every((i) => i.durationMs === undefined)).toBe(true)
    expect(s.inconsistencies).toEqual([
      'absurd timestamp: before 2000 (seconds instead of ms?): 2 times (first: #1 STEP_STARTED (1750000000))',
      'absurd timestamp: more than a day in the future: #2 STEP_FINISHED (9007199254740991)',
      'absurd timestamp: not a number: #4 STEP_FINISHED (yesterday)',
    ])
  })

  it('timestamps going backwards are clamped and reported', () => {
    const s = statusOf(
      run(
        { type: 'STEP_STARTED', stepName: 'a', timestamp: T + 500 },
        { type: 'STEP_FINISHED', stepName: 'a', timestamp: T + 100 },
      ),
    )
    expect(s.timeline[0]).toMatchObject({ startedAt: T + 500, finishedAt: T + 500, durationMs: 0 })
    expect(s.inconsistencies).toEqual(['timestamps go backwards: #2 STEP_FINISHED'])
  })

  it('a step finished that never started is shown (no start time) and reported', () => {
    // The store's verifier rejects this stream; the log of a third-party source may still hold it.
    const events = run({ type: 'STEP_FINISHED', stepName: 'ghost', timestamp: T + 10 })
    const s = deriveAgentStatus(reduceEventLog([]), { events: toEventLogEntries(events), now: NOW })
    expect(s.timeline).toEqual([
      expect.objectContaining({ label: 'ghost', status: 'finished', finishedAt: T + 10 }),
    ])
    expect(s.timeline[0].startedAt).toBeUndefined()
    expect(s.inconsistencies).toEqual(["steps finished that never started: 'ghost' (#1)"])
  })

  it('negative and non-integer usage is left out of the sums and reported', () => {
    const events = [
      { type: 'RUN_STARTED', threadId: 't', runId: 'r1' },
      {
        type: 'RUN_FINISHED',
        threadId: 't',
        runId: 'r1',
        usage: [
          { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
          { inputTokens: -3, outputTokens: 2.5, totalTokens: 1 },
        ],
      },
      { type: 'RUN_STARTED', threadId: 't', runId: 'r2' },
      { type: 'RUN_ERROR', message: 'boom', code: 'E1', usage: [{ inputTokens: 'many' }] },
    ]
    const s = deriveAgentStatus(reduceEventLog([]), { events: toEventLogEntries(events), now: NOW })
    expect(s.threadUsage).toMatchObject({
      inputTokens: 10,
      outputTokens: 5,
      totalTokens: 15,
      entries: 1,
    })
    expect(s.inconsistencies).toEqual([
      'run r1: usage entry 1 left out of the totals (inputTokens = -3, outputTokens = 2.5: counts must be non-negative integers)',
      'run r2: usage entry 0 left out of the totals (inputTokens = "many": counts must be non-negative integers)',
    ])
    expect(s.currentRun).toMatchObject({ status: 'error', error: { code: 'E1', message: 'boom' } })
    expect(s.errors).toEqual([{ source: 'run', code: 'E1', message: 'boom', runId: 'r2' }])
  })

  it('events outside a run, non-objects and a run without its terminal event', () => {
    const events = [
      null,
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'x' },
      { type: 'RUN_STARTED', threadId: 't', runId: 'r1' },
      { type: 'RUN_STARTED', threadId: 't', runId: 'r2' },
    ]
    const s = deriveAgentStatus(reduceEventLog([]), { events: toEventLogEntries(events), now: NOW })
    expect(s.runCount).toBe(3)
    expect(s.recentRuns.map((r) => [r.runId, r.status])).toEqual([
      ['r2', 'running'],
      ['r1', 'truncated'],
      [undefined, 'truncated'],
    ])
    expect(s.inconsistencies).toEqual([
      'entries that are not events: #0',
      'events outside a run: #1 TEXT_MESSAGE_CONTENT',
    ])
  })

  it('subagents nest under their parent tool call and each other; errors are listed', () => {
    const s = statusOf(
      run(
        { type: 'TOOL_CALL_START', toolCallId: 'c1', toolCallName: 'delegate', timestamp: T + 10 },
        {
          type: 'SUBAGENT_STARTED',
          subagentRunId: 's1',
          name: 'researcher',
          parentToolCallId: 'c1',
          timestamp: T + 20,
        },
        {
          type: 'SUBAGENT_STARTED',
          subagentRunId: 's2',
          name: 'reader',
          parentSubagentRunId: 's1',
          timestamp: T + 30,
        },
        { type: 'STEP_STARTED', stepName: 'read', subagentRunId: 's2', timestamp: T + 40 },
        { type: 'STEP_FINISHED', stepName: 'read', subagentRunId: 's2', timestamp: T + 50 },
        { type: 'SUBAGENT_ERROR', subagentRunId: 's2', message: 'no access', timestamp: T + 60 },
        { type: 'SUBAGENT_FINISHED', subagentRunId: 's1', timestamp: T + 70 },
        { type: 'TOOL_CALL_END', toolCallId: 'c1', timestamp: T + 80 },
      ),
    )
    expect(s.timeline.map((i) => [i.id, i.depth, i.parentId, i.status, i.durationMs])).toEqual([
      ['tool:c1', 0, undefined, 'finished', 70],
      ['subagent:s1', 1, 'tool:c1', 'finished', 50],
      ['subagent:s2', 2, 'subagent:s1', 'error', 30],
      ['step:read', 3, 'subagent:s2', 'finished', 10],
    ])
    expect(s.errors).toEqual([
      { source: 'subagent', message: 'reader: no access', runId: 'r1', at: T + 60 },
    ])
  })

  it('a running run: open items run until now; without a log the snapshot run is used', () => {
    const events = [
      { type: 'RUN_STARTED', threadId: 't', runId: 'r1', timestamp: T },
      { type: 'STEP_STARTED', stepName: 'think', timestamp: T + 100 },
    ]
    const snapshot = reduceEventLog(events, { upTo: 1 })
    expect(snapshot.run.status).toBe('running')
    const s = deriveAgentStatus(snapshot, { events: toEventLogEntries(events), now: T + 400 })
    expect(s.currentRun).toMatchObject({ status: 'running', durationMs: 400 })
    expect(s.timeline[0]).toMatchObject({ status: 'running', durationMs: 300 })
    const bare = deriveAgentStatus(snapshot, { now: T + 400 })
    expect(bare.currentRun).toMatchObject({
      runId: 'r1',
      status: 'running',
      durationMs: 400,
      steps: 1,
    })
    expect(bare.timeline.map((i) => i.label)).toEqual(['think'])
  })

  it('identity, capability chips and connection', () => {
    const s = deriveAgentStatus(reduceEventLog([]), {
      now: NOW,
      card: {
        name: 'Helper',
        skills: [{ name: 'search' }],
        capabilities: { streaming: true, pushNotifications: false },
      },
      capabilities: {
        identity: { name: 'ignored', version: '1.2.0', type: 'langgraph' },
        transport: { streaming: true, websocket: true },
        tools: { supported: true, items: [{ name: 'a', description: '', parameters: {} }] },
      },
      connection: { status: 'reconnecting', attempt: 2, nextRetryMs: 500 },
      transport: 'WebSocketAgent',
    })
    expect(s.identity).toEqual({
      name: 'Helper',
      version: '1.2.0',
      type: 'langgraph',
      skills: [{ name: 'search' }],
    })
    expect(s.identityKnown).toBe(true)
    expect(s.capabilities.map((c) => c.key)).toEqual([
      'transport.streaming',
      'transport.websocket',
      'tools.supported',
      'tools.items',
      'streaming',
    ])
    expect(s.connection).toEqual({
      transport: 'WebSocketAgent',
      state: 'reconnecting',
      health: 'degraded',
      attempt: 2,
      nextRetryMs: 500,
    })
    const unknown = deriveAgentStatus(reduceEventLog([]), { now: NOW })
    expect(unknown.identityKnown).toBe(false)
    expect(unknown.connection).toEqual({ state: 'unknown', health: 'unknown' })
    expect(unknown.currentRun).toBeUndefined()
  })
})
