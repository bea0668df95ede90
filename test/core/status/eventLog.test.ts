import { describe, expect, it } from 'vitest'
import { createAgentStore } from '../../../src/core/store/createAgentStore'
import {
  createEventLog,
  formatEventLog,
  parseEventLog,
  reduceEventLog,
  splitRuns,
} from '../../../src/core/status'
import { createScriptedAgent } from '../../../src/testing'
import { MIXED, recorded, STEP05 } from './recordedDotnet'

const manual = (flush: () => void) => void flush

describe('createEventLog', () => {
  it('records every applied event with its receive time and timestamp, via store.onEvent', async () => {
    let clock = 1000
    const agent = createScriptedAgent([
      { type: 'RUN_STARTED', threadId: 't', runId: 'r', timestamp: 1_750_000_000_000 },
      { type: 'TEXT_MESSAGE_CHUNK', messageId: 'm', role: 'assistant', delta: 'Hi' },
      { type: 'RUN_FINISHED', threadId: 't', runId: 'r' },
    ])
    const store = createAgentStore({ agent, threadId: 't', scheduler: manual })
    const log = createEventLog(store, { now: () => (clock += 5) })
    await store.run()
    const { entries } = log.getSnapshot()
    // the chunk arrives expanded (START + CONTENT, END before RUN_FINISHED), as the store applied it
    expect(entries.map((e) => [e.seq, e.event.type, e.receivedAt])).toEqual([
      [0, 'RUN_STARTED', 1005],
      [1, 'TEXT_MESSAGE_START', 1010],
      [2, 'TEXT_MESSAGE_CONTENT', 1015],
      [3, 'TEXT_MESSAGE_END', 1020],
      [4, 'RUN_FINISHED', 1025],
    ])
    expect(entries[0].timestamp).toBe(1_750_000_000_000)
    expect(entries[1].timestamp).toBeUndefined()
    log.dispose()
    await store.run()
    expect(log.getSnapshot().entries).toHaveLength(5)
  })

  it('keeps the newest `limit` entries, counts the dropped ones, notifies subscribers', () => {
    const log = createEventLog(null, { limit: 4 })
    let calls = 0
    log.subscribe(() => calls++)
    for (let i = 0; i < 10; i++) log.append({ type: 'RAW', event: i } as never, i)
    const snap = log.getSnapshot()
    expect(snap.entries.map((e) => e.seq)).toEqual([6, 7, 8, 9])
    expect(snap.dropped).toBe(6)
    expect(log.getSnapshot()).toBe(snap)
    expect(calls).toBe(10)
    log.clear()
    expect(log.getSnapshot()).toMatchObject({ entries: [], dropped: 10 })
  })
})

describe('formatEventLog / parseEventLog', () => {
  it('round-trips events with a header line', () => {
    const events = recorded(MIXED, 1)
    const text = formatEventLog(events, {
      threadId: 'thread_Id_1',
      exportedAt: '2025-01-01T00:00:00Z',
    })
    const lines = text.trimEnd().split('\n')
    expect(lines).toHaveLength(events.length + 1)
    expect(JSON.parse(lines[0])).toEqual({
      type: '__awr_fixture__',
      version: 1,
      count: events.length,
      threadId: 'thread_Id_1',
      exportedAt: '2025-01-01T00:00:00Z',
    })
    const parsed = parseEventLog(text)
    expect(parsed.events).toEqual(events)
    expect(parsed.header?.threadId).toBe('thread_Id_1')
    expect(parsed.errors).toEqual([])
  })

  it('reads a JSON array with a BOM (the recorded fixtures) and reports bad lines without throwing', () => {
    expect(parseEventLog('\uFEFF[{"type":"RUN_STARTED"}]').events).toEqual([
      { type: 'RUN_STARTED' },
    ])
    const parsed = parseEventLog('{"type":"A"}\r\n\nnot json\n42\n{"type":"B"}')
    expect(parsed.events).toEqual([{ type: 'A' }, { type: 'B' }])
    expect(parsed.errors.map((e) => [e.code, e.message.split(':')[0]])).toEqual([
      ['invalid_json', 'line 3'],
      ['invalid_json', 'line 4'],
    ])
    expect(parseEventLog('[oops').errors[0].code).toBe('invalid_json')
    expect(formatEventLog([])).toBe('')
  })

  it('export then import (replayed through createScriptedAgent) reproduces the same snapshot', async () => {
    const original = [...recorded(MIXED, 1), ...recorded(MIXED, 2), ...recorded(STEP05)]
    const source = createAgentStore({
      agent: createScriptedAgent((_input, i) => splitRuns(original)[i] as never),
      threadId: 'thread_Id_1',
      scheduler: manual,
    })
    const log = createEventLog(source)
    for (let i = 0; i < 3; i++) await source.run()
    const text = formatEventLog(
      log.getSnapshot().entries.map((e) => e.event),
      { threadId: 'thread_Id_1' },
    )

    const parsed = parseEventLog(text)
    const runs = splitRuns(parsed.events)
    const replay = createAgentStore({
      agent: createScriptedAgent((_input, i) => runs[i] as never),
      threadId: 'thread_Id_1',
      scheduler: manual,
    })
    for (let i = 0; i < runs.length; i++) await replay.run()
    const a = source.getSnapshot()
    const b = replay.getSnapshot()
    expect(runs).toHaveLength(3)
    expect(b.messages).toEqual(a.messages)
    expect(b.state).toEqual(a.state)
    expect(b.run).toEqual(a.run)
    expect(b.toolCalls).toEqual(a.toolCalls)
    // and the pure reduction of the file agrees with both
    expect(reduceEventLog(parsed.events).messages).toEqual(a.messages)
  })
})
