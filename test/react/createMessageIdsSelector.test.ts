import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import type { Message } from '../../src/core/protocol/types'
import {
  applyEvent,
  appendMessage,
  createSnapshot,
  replaceMessages,
  type AgentSnapshot,
} from '../../src/core/reducer'
import { MessageList } from '../../src/core/reducer/MessageList'
import { createMessageIdsSelector, selectVisibleMessageIds } from '../../src/react'

/**
 * The oracle: the visible ids by their plain definition (`selectVisibleMessageIds`'s TSDoc),
 * written here on its own since `selectVisibleMessageIds` is a fresh selector's first pass.
 */
function visibleIds(snapshot: AgentSnapshot): string[] {
  const ids: string[] = []
  for (const m of snapshot.messages) {
    if (m.role === 'system' || m.role === 'developer') continue
    if (m.role === 'tool' && snapshot.toolCalls[m.toolCallId] !== undefined) continue
    if (!ids.includes(m.id)) ids.push(m.id)
  }
  return ids
}

afterEach(() => {
  vi.restoreAllMocks()
})

function thread(n: number): Message[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    role: i % 2 ? 'assistant' : 'user',
    content: `message ${i}`,
  }))
}

function startReply(snapshot: AgentSnapshot, messageId: string): AgentSnapshot {
  let s = applyEvent(snapshot, { type: 'RUN_STARTED', threadId: 't', runId: 'r' } as never)
  s = applyEvent(s, { type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' } as never)
  return s
}

const token = (snapshot: AgentSnapshot, messageId: string, delta = 'x') =>
  applyEvent(snapshot, { type: 'TEXT_MESSAGE_CONTENT', messageId, delta } as never)

describe('createMessageIdsSelector', () => {
  it('costs O(1) per token: a long thread is not read again, and the ids keep their identity', () => {
    const select = createMessageIdsSelector()
    let s = startReply(createSnapshot({ messages: thread(10_000) }), 'reply')
    const first = select(s)
    expect(first).toHaveLength(10_001)
    expect(first.at(-1)).toBe('reply')
    const at = vi.spyOn(MessageList.prototype, 'at')
    const toArray = vi.spyOn(MessageList.prototype, 'toArray')
    let calls = 0
    for (let i = 0; i < 100; i++) {
      s = token(s, 'reply')
      at.mockClear()
      expect(select(s)).toBe(first)
      calls += at.mock.calls.length
    }
    // The reducer's tail holds at most 32 messages: that is all the selector looks at per token.
    expect(calls).toBeLessThanOrEqual(100 * 33)
    expect(toArray).not.toHaveBeenCalled()
  })

  it('adds a new message in O(new ids), and a state change costs nothing', () => {
    const select = createMessageIdsSelector()
    let s = createSnapshot({ messages: thread(1_000) })
    const before = select(s)
    s = startReply(s, 'reply')
    const at = vi.spyOn(MessageList.prototype, 'at')
    const after = select(s)
    expect(after).not.toBe(before)
    expect(after).toEqual([...before, 'reply'])
    expect(at.mock.calls.length).toBeLessThanOrEqual(40)
    at.mockClear()
    s = applyEvent(s, { type: 'STATE_SNAPSHOT', snapshot: { n: 1 } } as never)
    expect(select(s)).toBe(after)
    expect(at).not.toHaveBeenCalled()
  })

  it('hides a tool result once its call is known, and shows orphans', () => {
    const select = createMessageIdsSelector()
    let s = createSnapshot({ messages: thread(4) })
    s = appendMessage(s, { id: 't1', role: 'tool', toolCallId: 'c1', content: 'r1' })
    expect(select(s)).toEqual(['m0', 'm1', 'm2', 'm3', 't1'])
    // The call arrives (after its result: unusual, but the list must follow).
    s = appendMessage(s, {
      id: 'a',
      role: 'assistant',
      toolCalls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
    })
    expect(select(s)).toEqual(visibleIds(s))
    expect(select(s)).toEqual(['m0', 'm1', 'm2', 'm3', 'a'])
  })

  it('lists each id once: shared ids (.NET servers) and an orphan reusing an id', () => {
    const select = createMessageIdsSelector()
    const ev = (e: Record<string, unknown>) => (x: AgentSnapshot) => applyEvent(x, e as never)
    const steps = [
      ev({ type: 'RUN_STARTED', threadId: 't', runId: 'r' }),
      // As Microsoft's .NET server streams it: the assistant message is named after the call,
      // and the result's messageId is the call id too.
      ev({ type: 'TOOL_CALL_START', toolCallId: 'call_1', toolCallName: 'f', parentMessageId: '' }),
      ev({ type: 'TOOL_CALL_END', toolCallId: 'call_1' }),
      ev({ type: 'TOOL_CALL_RESULT', messageId: 'call_1', toolCallId: 'call_1', content: 'ok' }),
      // An orphan result (unknown call) reusing a shown message's id.
      ev({ type: 'TOOL_CALL_RESULT', messageId: 'm1', toolCallId: 'unknown', content: 'lost' }),
    ]
    let s = createSnapshot({ messages: thread(2) })
    expect(select(s)).toEqual(['m0', 'm1'])
    for (const step of steps) {
      s = step(s)
      expect(select(s)).toEqual(visibleIds(s))
    }
    expect(s.messages.map((m) => `${m.role}:${m.id}`)).toEqual([
      'user:m0',
      'assistant:m1',
      'assistant:call_1',
      'tool:call_1',
      'tool:m1',
    ])
    expect(select(s)).toEqual(['m0', 'm1', 'call_1'])
    expect(createMessageIdsSelector()(replaceMessages(s, s.messages))).toEqual([
      'm0',
      'm1',
      'call_1',
    ])
  })

  it('works on plain-object snapshots (no persistent list)', () => {
    const select = createMessageIdsSelector()
    const messages: Message[] = [
      { id: 's', role: 'system', content: 'sys' },
      { id: 'u', role: 'user', content: 'hi' },
    ]
    const base = createSnapshot({ messages })
    const plain = { ...base, messages, toolCalls: {} } as AgentSnapshot
    expect(select(plain)).toEqual(['u'])
    const next = { ...plain, messages: [...messages, { id: 'd', role: 'developer', content: '' }] }
    expect(select(next as AgentSnapshot)).toEqual(['u'])
  })

  type Step =
    | { kind: 'append'; role: Message['role']; id: number; call: number }
    | { kind: 'token'; id: number }
    | { kind: 'start'; id: number }
    | { kind: 'replace'; keep: number }

  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('append' as const),
      role: fc.constantFrom<Message['role']>(
        'user',
        'assistant',
        'tool',
        'system',
        'developer',
        'reasoning',
      ),
      id: fc.nat(60),
      call: fc.nat(8),
    }),
    fc.record({ kind: fc.constant('token' as const), id: fc.nat(60) }),
    fc.record({ kind: fc.constant('start' as const), id: fc.nat(60) }),
    fc.record({ kind: fc.constant('replace' as const), keep: fc.nat(80) }),
  )

  function message(step: Extract<Step, { kind: 'append' }>): Message {
    const id = `x${step.id}`
    const call = `c${step.call}`
    switch (step.role) {
      case 'assistant':
        return {
          id,
          role: 'assistant',
          content: 'a',
          ...(step.call % 2 === 0 && {
            toolCalls: [{ id: call, type: 'function', function: { name: 'f', arguments: '{}' } }],
          }),
        }
      case 'tool':
        return { id, role: 'tool', toolCallId: call, content: 'r' }
      case 'reasoning':
        return { id, role: 'reasoning', content: 'r' }
      default:
        return { id, role: step.role, content: 'c' } as Message
    }
  }

  it('always equals the plain definition (and selectVisibleMessageIds), over random threads and edits', () => {
    fc.assert(
      fc.property(fc.nat(80), fc.array(stepArb, { maxLength: 60 }), (initial, steps) => {
        const select = createMessageIdsSelector()
        let s = createSnapshot({ messages: thread(initial) })
        let streaming: string | undefined
        expect(select(s)).toEqual(visibleIds(s))
        for (const step of steps) {
          if (step.kind === 'append') s = appendMessage(s, message(step))
          else if (step.kind === 'start' && streaming === undefined) {
            streaming = `reply${step.id}`
            s = startReply(s, streaming)
          } else if (step.kind === 'token' && streaming !== undefined) s = token(s, streaming)
          else if (step.kind === 'replace') {
            s = replaceMessages(s, s.messages.slice(0, step.keep))
            streaming = undefined
          }
          const ids = select(s)
          expect(ids).toEqual(visibleIds(s))
          expect(selectVisibleMessageIds(s)).toEqual(ids)
          expect(select(s)).toBe(ids)
        }
      }),
      { numRuns: 300 },
    )
  })
})
