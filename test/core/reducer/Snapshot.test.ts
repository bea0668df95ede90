import { describe, expect, it } from 'vitest'
import { applyEvent, createSnapshot, type AgentEvent } from '../../../src/core'
import { type Snapshot, toSnapshot } from '../../../src/core/reducer/Snapshot'

const start = (): Snapshot => {
  let s = createSnapshot({ threadId: 't', state: { n: 1 } })
  for (const e of [
    { type: 'RUN_STARTED', threadId: 't', runId: 'r' },
    { type: 'STEP_STARTED', stepName: 'plan' },
    { type: 'TEXT_MESSAGE_START', messageId: 'a', role: 'assistant' },
  ] as AgentEvent[])
    s = applyEvent(s, e)
  return s as Snapshot
}

describe('Snapshot', () => {
  it('a token shares every field it does not change; the fields read as before', () => {
    const before = start()
    const after = applyEvent(before, {
      type: 'TEXT_MESSAGE_CONTENT',
      messageId: 'a',
      delta: 'hi',
    } as AgentEvent) as Snapshot
    expect(after).not.toBe(before)
    expect(after.list).not.toBe(before.list)
    for (const key of [
      'threadId',
      'state',
      'run',
      'interrupts',
      'approvals',
      'steps',
      'subagents',
      'streamingMessageIds',
      'diagnostics',
      'calls',
      'connection',
    ] as const)
      expect(after[key]).toBe(before[key])
    expect(after.threadId).toBe('t')
    expect(after.steps).toMatchObject([{ stepName: 'plan', status: 'running' }])
    expect(after.messages).toMatchObject([{ id: 'a', content: 'hi' }])
    expect(before.messages).toMatchObject([{ id: 'a', content: '' }])
  })

  it('changing a shared field leaves the snapshot it came from as it was', () => {
    const before = start()
    const after = before.with({ steps: [], connection: { status: 'open' } as never })
    expect(after.steps).toEqual([])
    expect(after.connection).toEqual({ status: 'open' })
    expect(after.threadId).toBe('t')
    expect(after.run).toBe(before.run)
    expect(before.steps).toHaveLength(1)
    expect(before.connection).toEqual({ status: 'idle' })
  })

  it('reads like a plain AgentSnapshot: `in`, toMatchObject, JSON, and back through toSnapshot', () => {
    const s = start()
    expect('threadId' in s && 'approvals' in s && 'messages' in s).toBe(true)
    expect(s).toMatchObject({ threadId: 't', run: { status: 'running' }, state: { n: 1 } })
    const json = JSON.parse(JSON.stringify(s)) as Record<string, unknown>
    expect(Object.keys(json).sort()).toEqual(
      [
        'approvals',
        'connection',
        'diagnostics',
        'interrupts',
        'messages',
        'run',
        'state',
        'steps',
        'streamingMessageIds',
        'subagents',
        'threadId',
        'toolCalls',
      ].sort(),
    )
    const again = toSnapshot(json as never)
    expect(JSON.parse(JSON.stringify(again))).toEqual(json)
  })
})
