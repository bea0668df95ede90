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
    expect(select(s)).toEqual(selectVisibleMessageIds(s))
    expect(select(s)).toEqual(['m0', 'm1', 'm2', 'm3', 'a'])
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

  it('always equals selectVisibleMessageIds, over random threads and edits', () => {
    fc.assert(
      fc.property(fc.nat(80), fc.array(stepArb, { maxLength: 60 }), (initial, steps) => {
        const select = createMessageIdsSelector()
        let s = createSnapshot({ messages: thread(initial) })
        let streaming: string | undefined
        expect(select(s)).toEqual(selectVisibleMessageIds(s))
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
          expect(ids).toEqual(selectVisibleMessageIds(s))
          expect(select(s)).toBe(ids)
        }
      }),
      { numRuns: 300 },
    )
  })
})
