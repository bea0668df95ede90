import { describe, expect, it } from 'vitest'
import { applyEvent } from '../../../src/core/reducer/applyEvent'
import { createSnapshot } from '../../../src/core/reducer/Snapshot'
import type { AgentSnapshot } from '../../../src/core/reducer/AgentSnapshot'
import type { AgentEvent, Message } from '../../../src/core/protocol/types'

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

const ev = (e: Record<string, unknown>) => deepFreeze(e) as unknown as AgentEvent
const run = (events: Array<Record<string, unknown>>, from: AgentSnapshot = createSnapshot()) =>
  events.reduce<AgentSnapshot>((s, e) => applyEvent(s, ev(e)), from)

const started = [{ type: 'RUN_STARTED', threadId: 't1', runId: 'r1' }]

function thread(n: number): Message[] {
  return Array.from(
    { length: n },
    (_, i) =>
      ({ id: `m${i}`, role: i % 2 ? 'assistant' : 'user', content: `message ${i}` }) as Message,
  )
}

describe('applyEvent', () => {
  it('assembles a text message from start/content/end and tracks streaming ids', () => {
    const mid = run([
      ...started,
      { type: 'TEXT_MESSAGE_START', messageId: 'a', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a', delta: 'Hel' },
    ])
    expect(mid.streamingMessageIds).toEqual(['a'])
    const end = run(
      [
        { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a', delta: 'lo' },
        { type: 'TEXT_MESSAGE_END', messageId: 'a' },
      ],
      mid,
    )
    expect(end.messages).toEqual([{ id: 'a', role: 'assistant', content: 'Hello' }])
    expect(end.streamingMessageIds).toEqual([])
    expect(end.threadId).toBe('t1')
    expect(end.run).toMatchObject({ status: 'running', runId: 'r1', threadId: 't1' })
  })

  it('never mutates its input and shares untouched messages', () => {
    const before = deepFreeze(
      run(
        [...started, { type: 'TEXT_MESSAGE_START', messageId: 'x', role: 'assistant' }],
        createSnapshot({ messages: thread(100) }),
      ),
    )
    const frozenMessages = before.messages
    deepFreeze(frozenMessages)
    const after = applyEvent(
      before,
      ev({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'x', delta: 'hi' }),
    )
    expect(after).not.toBe(before)
    expect(before.messages.at(-1)).toMatchObject({ content: '' })
    expect(after.messages.at(-1)).toMatchObject({ content: 'hi' })
    for (let i = 0; i < 100; i++) expect(after.messages[i]).toBe(before.messages[i])
    expect(after.state).toBe(before.state)
    expect(after.steps).toBe(before.steps)
  })

  it('returns the same snapshot when nothing changes (RAW, CUSTOM, REASONING_START)', () => {
    const s = run(started)
    expect(applyEvent(s, ev({ type: 'RAW', event: { a: 1 } }))).toBe(s)
    expect(applyEvent(s, ev({ type: 'CUSTOM', name: 'x', value: 1 }))).toBe(s)
    expect(applyEvent(s, ev({ type: 'REASONING_START', messageId: 'r' }))).toBe(s)
  })

  it('streams into the last of 10,000 messages without changing the others', () => {
    let s = run(
      [...started, { type: 'TEXT_MESSAGE_START', messageId: 'tail', role: 'assistant' }],
      createSnapshot({ messages: thread(10_000) }),
    )
    const first = s.messages
    for (let i = 0; i < 50; i++)
      s = applyEvent(s, ev({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'tail', delta: `${i} ` }))
    expect(s.messages).toHaveLength(10_001)
    expect(s.messages[9_999]).toBe(first[9_999])
    expect((s.messages[10_000] as { content: string }).content.split(' ')).toHaveLength(51)
  })

  it('builds tool calls on the parent message, derives toolCalls by id, and places results after the owner', () => {
    const s = run([
      ...started,
      { type: 'TEXT_MESSAGE_START', messageId: 'a1', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a1', delta: 'Let me look.' },
      { type: 'TEXT_MESSAGE_END', messageId: 'a1' },
      { type: 'TOOL_CALL_START', toolCallId: 'c1', toolCallName: 'search', parentMessageId: 'a1' },
      { type: 'TOOL_CALL_ARGS', toolCallId: 'c1', delta: '{"q":' },
    ])
    expect(s.toolCalls.c1).toMatchObject({
      name: 'search',
      status: 'streaming',
      args: '{"q":',
      messageId: 'a1',
    })
    const s2 = run(
      [
        { type: 'TOOL_CALL_ARGS', toolCallId: 'c1', delta: '"x"}' },
        { type: 'TOOL_CALL_END', toolCallId: 'c1' },
        { type: 'TEXT_MESSAGE_START', messageId: 'a2', role: 'assistant' },
        { type: 'TOOL_CALL_RESULT', messageId: 't1', toolCallId: 'c1', content: 'found' },
      ],
      s,
    )
    expect(s2.messages.map((m) => m.id)).toEqual(['a1', 't1', 'a2'])
    expect(s2.messages[0]).toMatchObject({
      content: 'Let me look.',
      toolCalls: [{ id: 'c1', function: { name: 'search', arguments: '{"q":"x"}' } }],
    })
    expect(s2.toolCalls.c1).toMatchObject({
      status: 'resolved',
      result: { id: 't1', content: 'found' },
    })
  })

  it('creates the parent assistant message when TOOL_CALL_START names one that does not exist', () => {
    const s = run([
      ...started,
      { type: 'TOOL_CALL_START', toolCallId: 'c1', toolCallName: 'f', parentMessageId: 'p' },
    ])
    expect(s.messages).toEqual([
      {
        id: 'p',
        role: 'assistant',
        toolCalls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '' } }],
      },
    ])
  })

  it('applies STATE_DELTA with structural sharing and keeps the state when a patch fails', () => {
    const big = { a: { deep: { x: 1 } }, b: { list: [1, 2, 3] } }
    const s = run([...started, { type: 'STATE_SNAPSHOT', snapshot: big }])
    const s2 = applyEvent(
      s,
      ev({ type: 'STATE_DELTA', delta: [{ op: 'replace', path: '/b/list/1', value: 9 }] }),
    )
    expect(s2.state).toEqual({ a: { deep: { x: 1 } }, b: { list: [1, 9, 3] } })
    expect((s2.state as typeof big).a).toBe((s.state as typeof big).a)
    expect(big.b.list[1]).toBe(2)
    const s3 = applyEvent(
      s2,
      ev({
        type: 'STATE_DELTA',
        delta: [
          { op: 'replace', path: '/a/deep/x', value: 5 },
          { op: 'remove', path: '/nope/1' },
        ],
      }),
    )
    expect(s3.state).toBe(s2.state)
    expect(s3.diagnostics.at(-1)).toMatchObject({ code: 'state_patch_failed', level: 'warning' })
  })

  it('refuses prototype-polluting patch paths', () => {
    const s = run([...started, { type: 'STATE_SNAPSHOT', snapshot: {} }])
    const s2 = applyEvent(
      s,
      ev({ type: 'STATE_DELTA', delta: [{ op: 'add', path: '/__proto__/polluted', value: true }] }),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(s2.state).toBe(s.state)
    expect(s2.diagnostics.at(-1)?.message).toMatch(/prototype/)
  })

  it('reconciles MESSAGES_SNAPSHOT by id, keeping identity of unchanged messages', () => {
    const s = createSnapshot({ messages: thread(3) })
    const s2 = applyEvent(
      s,
      ev({
        type: 'MESSAGES_SNAPSHOT',
        messages: [
          { id: 'm0', role: 'user', content: 'message 0' },
          { id: 'm2', role: 'user', content: 'edited' },
        ],
      }),
    )
    expect(s2.messages.map((m) => m.id)).toEqual(['m0', 'm2'])
    expect(s2.messages[0]).toBe(s.messages[0])
    expect(s2.messages[1]).toMatchObject({ content: 'edited' })
  })

  it('ends runs by outcome: interrupt, cancelled, success with pending tool calls, RUN_ERROR', () => {
    const interrupted = run([
      ...started,
      {
        type: 'RUN_FINISHED',
        threadId: 't1',
        runId: 'r1',
        outcome: { type: 'interrupt', interrupts: [{ id: 'i1', reason: 'approval' }] },
      },
    ])
    expect(interrupted.run.status).toBe('interrupted')
    expect(interrupted.interrupts).toEqual([{ id: 'i1', reason: 'approval', state: 'open' }])
    const cancelled = run([
      ...started,
      { type: 'RUN_FINISHED', threadId: 't1', runId: 'r1', outcome: { type: 'cancelled' } },
    ])
    expect(cancelled.run.status).toBe('cancelled')
    const pending = run([
      ...started,
      {
        type: 'RUN_FINISHED',
        threadId: 't1',
        runId: 'r1',
        outcome: { type: 'success', pendingToolCallIds: ['c1'] },
      },
    ])
    expect(pending.run).toMatchObject({ status: 'finished', pendingToolCallIds: ['c1'] })
    const failed = run([...started, { type: 'RUN_ERROR', message: 'boom', code: 'E42' }])
    expect(failed.run.status).toBe('error')
    expect(failed.run.error).toMatchObject({ code: 'run_error', agentCode: 'E42', message: 'boom' })
    const again = run([{ type: 'RUN_STARTED', threadId: 't1', runId: 'r2' }], failed)
    expect(again.run).toMatchObject({ status: 'running', runId: 'r2' })
    expect(again.run.error).toBeUndefined()
  })

  it('tracks steps, subagents, activity and reasoning', () => {
    const s = run([
      ...started,
      { type: 'STEP_STARTED', stepName: 'plan', timestamp: 1000 },
      { type: 'STEP_FINISHED', stepName: 'plan', timestamp: 1500 },
      { type: 'SUBAGENT_STARTED', subagentRunId: 's1', name: 'researcher' },
      { type: 'SUBAGENT_ERROR', subagentRunId: 's1', message: 'nope' },
      {
        type: 'ACTIVITY_SNAPSHOT',
        messageId: 'act',
        activityType: 'search',
        content: { found: 0 },
      },
      {
        type: 'ACTIVITY_DELTA',
        messageId: 'act',
        activityType: 'search',
        patch: [{ op: 'replace', path: '/found', value: 2 }],
      },
      { type: 'REASONING_MESSAGE_START', messageId: 'r', role: 'reasoning' },
      { type: 'REASONING_MESSAGE_CONTENT', messageId: 'r', delta: 'hmm' },
      { type: 'REASONING_MESSAGE_END', messageId: 'r' },
    ])
    expect(s.steps).toEqual([
      { stepName: 'plan', status: 'finished', runId: 'r1', startedAt: 1000, finishedAt: 1500 },
    ])
    expect(s.subagents.s1).toMatchObject({
      name: 'researcher',
      status: 'error',
      error: { message: 'nope' },
    })
    expect(s.messages).toEqual([
      { id: 'act', role: 'activity', activityType: 'search', content: { found: 2 } },
      { id: 'r', role: 'reasoning', content: 'hmm' },
    ])
  })

  it('accepts a plain-object snapshot and serializes to plain JSON', () => {
    const plain = JSON.parse(
      JSON.stringify(run([...started, { type: 'TEXT_MESSAGE_START', messageId: 'a' }])),
    )
    expect(plain.messages).toEqual([{ id: 'a', role: 'assistant', content: '' }])
    const next = applyEvent(
      plain,
      ev({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'a', delta: 'ok' }),
    )
    expect(next.messages).toEqual([{ id: 'a', role: 'assistant', content: 'ok' }])
    expect(next.streamingMessageIds).toEqual(['a'])
  })
})

describe('derived views', () => {
  it('keep their identity when what they derive from did not change', () => {
    const s = run([
      ...started,
      { type: 'TOOL_CALL_START', toolCallId: 'c1', toolCallName: 'a', parentMessageId: 'p' },
      { type: 'TOOL_CALL_END', toolCallId: 'c1' },
      { type: 'TOOL_CALL_START', toolCallId: 'c2', toolCallName: 'b', parentMessageId: 'p' },
    ])
    const views = s.toolCalls
    const messages = s.messages
    const afterState = applyEvent(s, ev({ type: 'STATE_SNAPSHOT', snapshot: { n: 1 } }))
    expect(afterState.messages).toBe(messages)
    expect(afterState.toolCalls).toBe(views)
    const afterArgs = applyEvent(
      afterState,
      ev({ type: 'TOOL_CALL_ARGS', toolCallId: 'c2', delta: '{}' }),
    )
    expect(afterArgs.messages).not.toBe(messages)
    expect(afterArgs.toolCalls.c1).toBe(views.c1)
    expect(afterArgs.toolCalls.c2).not.toBe(views.c2)
    expect(afterArgs.toolCalls.c2.args).toBe('{}')
  })
})
