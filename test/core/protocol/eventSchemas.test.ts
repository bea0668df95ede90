import { describe, expect, it } from 'vitest'
import { AgentEventSchema, EVENT_SCHEMAS } from '../../../src/core/protocol/eventSchemas'
import { parseEvent } from '../../../src/core/protocol/parseEvent'

const msg = { id: 'm1', role: 'user', content: 'hi' }

/** For each of the 31 types: a valid event, and an invalid one with the field path it fails on. */
const CASES: Record<
  string,
  { valid: Record<string, unknown>; invalid: Record<string, unknown>; path: string }
> = {
  TEXT_MESSAGE_START: {
    valid: { messageId: 'm', role: 'assistant', name: 'Ann' },
    invalid: { role: 'assistant' },
    path: '/messageId',
  },
  TEXT_MESSAGE_CONTENT: {
    valid: { messageId: 'm', delta: '' },
    invalid: { messageId: 'm', delta: 42 },
    path: '/delta',
  },
  TEXT_MESSAGE_END: { valid: { messageId: 'm' }, invalid: { messageId: null }, path: '/messageId' },
  TEXT_MESSAGE_CHUNK: { valid: {}, invalid: { role: 'tool' }, path: '/role' },
  TOOL_CALL_START: {
    valid: { toolCallId: 't', toolCallName: 'search', parentMessageId: 'm' },
    invalid: { toolCallId: 't' },
    path: '/toolCallName',
  },
  TOOL_CALL_ARGS: {
    valid: { toolCallId: 't', delta: '{"q":' },
    invalid: { toolCallId: 't', delta: { q: 1 } },
    path: '/delta',
  },
  TOOL_CALL_END: { valid: { toolCallId: 't' }, invalid: {}, path: '/toolCallId' },
  TOOL_CALL_CHUNK: { valid: { delta: 'x' }, invalid: { toolCallName: 7 }, path: '/toolCallName' },
  TOOL_CALL_RESULT: {
    valid: {
      messageId: 'r',
      toolCallId: 't',
      content: [{ type: 'text', text: 'ok' }],
      role: 'tool',
    },
    invalid: { messageId: 'r', toolCallId: 't', content: 'ok', role: 'assistant' },
    path: '/role',
  },
  STATE_SNAPSHOT: { valid: { snapshot: null }, invalid: {}, path: '/snapshot' },
  STATE_DELTA: {
    valid: { delta: [{ op: 'add', path: '/a', value: 1 }] },
    invalid: { delta: [{ op: 'add', path: 'a', value: 1 }] },
    path: '/delta/0/path',
  },
  MESSAGES_SNAPSHOT: {
    valid: { messages: [msg] },
    invalid: { messages: [{ ...msg, id: 3 }] },
    path: '/messages/0/id',
  },
  ACTIVITY_SNAPSHOT: {
    valid: { messageId: 'a', activityType: 'search', content: { q: 1 }, replace: false },
    invalid: { messageId: 'a', activityType: 'search', content: [1] },
    path: '/content',
  },
  ACTIVITY_DELTA: {
    valid: { messageId: 'a', activityType: 's', patch: [] },
    invalid: { messageId: 'a', activityType: 's' },
    path: '/patch',
  },
  RAW: {
    valid: { event: { anything: [1] }, source: 'openai' },
    invalid: { source: 'openai' },
    path: '/event',
  },
  CUSTOM: { valid: { name: 'x', value: null }, invalid: { value: 1 }, path: '/name' },
  RUN_STARTED: {
    valid: {
      threadId: 't',
      runId: 'r',
      input: { threadId: 't', runId: 'r', messages: [msg], tools: [], context: [] },
    },
    invalid: { threadId: 't' },
    path: '/runId',
  },
  RUN_FINISHED: {
    valid: {
      threadId: 't',
      runId: 'r',
      outcome: { type: 'success', pendingToolCallIds: ['c'] },
      usage: [{ inputTokens: 3 }],
    },
    invalid: { threadId: 't', runId: 'r', outcome: { type: 'interrupt', interrupts: [] } },
    path: '/outcome/interrupts',
  },
  RUN_ERROR: {
    valid: { message: 'boom', code: 'E' },
    invalid: { message: 'boom', usage: [{ inputTokens: -1 }] },
    path: '/usage/0/inputTokens',
  },
  STEP_STARTED: { valid: { stepName: 's' }, invalid: { stepName: 1 }, path: '/stepName' },
  STEP_FINISHED: { valid: { stepName: 's' }, invalid: {}, path: '/stepName' },
  REASONING_START: { valid: { messageId: 'r' }, invalid: {}, path: '/messageId' },
  REASONING_MESSAGE_START: {
    valid: { messageId: 'r', role: 'reasoning' },
    invalid: { messageId: 'r', role: 'assistant' },
    path: '/role',
  },
  REASONING_MESSAGE_CONTENT: {
    valid: { messageId: 'r', delta: 'hm' },
    invalid: { messageId: 'r' },
    path: '/delta',
  },
  REASONING_MESSAGE_END: {
    valid: { messageId: 'r' },
    invalid: { messageId: 5 },
    path: '/messageId',
  },
  REASONING_MESSAGE_CHUNK: { valid: { delta: 'x' }, invalid: { delta: false }, path: '/delta' },
  REASONING_END: { valid: { messageId: 'r' }, invalid: {}, path: '/messageId' },
  REASONING_ENCRYPTED_VALUE: {
    valid: { subtype: 'tool-call', entityId: 'c', encryptedValue: 'b3A=' },
    invalid: { subtype: 'span', entityId: 'c', encryptedValue: 'b3A=' },
    path: '/subtype',
  },
  SUBAGENT_STARTED: {
    valid: { subagentRunId: 's', name: 'researcher' },
    invalid: { subagentRunId: 's' },
    path: '/name',
  },
  SUBAGENT_FINISHED: {
    valid: { subagentRunId: 's', outcome: { type: 'suspended', interruptIds: ['i'] } },
    invalid: {},
    path: '/subagentRunId',
  },
  SUBAGENT_ERROR: {
    valid: { subagentRunId: 's', message: 'x' },
    invalid: { subagentRunId: 's' },
    path: '/message',
  },
}

describe('event schemas', () => {
  it('cover exactly the 31 AG-UI 1.0 event types', () => {
    expect([...EVENT_SCHEMAS.keys()].sort()).toEqual(Object.keys(CASES).sort())
    expect(EVENT_SCHEMAS.size).toBe(31)
  })

  for (const [type, { valid, invalid, path }] of Object.entries(CASES)) {
    it(`${type}: accepts a valid event, with the base fields, unchanged`, () => {
      const event = {
        type,
        ...valid,
        timestamp: 1_700_000_000_000,
        metadata: { k: null },
        rawEvent: { src: 1 },
      }
      const r = parseEvent(event)
      expect(r).toEqual({ ok: true, event, diagnostics: [] })
      expect(AgentEventSchema.safeParse(event).success).toBe(true)
    })
    it(`${type}: rejects a malformed event naming ${path}`, () => {
      const raw = { type, ...invalid }
      const r = parseEvent(raw)
      expect(r.ok).toBe(false)
      if (r.ok || r.dropped) throw new Error('expected an error')
      expect(r.error.code).toBe('invalid_event')
      expect(r.error.message).toContain(type)
      expect(r.error.message).toContain(`"${path}"`)
      expect(r.error.event).toBe(raw)
    })
  }

  it('RUN_STARTED.input: tools and context default to []', () => {
    const r = parseEvent({
      type: 'RUN_STARTED',
      threadId: 't',
      runId: 'r',
      input: { threadId: 't', runId: 'r', messages: [] },
    })
    expect(r.ok && r.event).toMatchObject({ input: { tools: [], context: [] } })
  })

  it('rejects base fields of the wrong type: a float timestamp, a null or array metadata', () => {
    for (const extra of [
      { timestamp: 1.5 },
      { metadata: null },
      { metadata: [1] },
      { subagentRunId: null },
    ]) {
      const r = parseEvent({ type: 'STEP_STARTED', stepName: 's', ...extra })
      expect(r.ok).toBe(false)
    }
  })

  it('accepts every message role and content part kind in MESSAGES_SNAPSHOT', () => {
    const source = { type: 'url', value: 'https://x/y', mimeType: 'image/png' }
    const messages = [
      { id: '1', role: 'developer', content: 'd' },
      { id: '2', role: 'system', content: 's', name: 'sys' },
      {
        id: '3',
        role: 'assistant',
        toolCalls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      {
        id: '4',
        role: 'user',
        content: [
          { type: 'text', text: 't' },
          { type: 'image', source },
          { type: 'audio', source: { type: 'data', value: 'AAAA', mimeType: 'audio/wav' } },
          { type: 'video', source: { type: 'file', value: 'file-1', provider: 'openai' } },
          { type: 'document', id: 'd', source, metadata: { title: 'x' } },
        ],
      },
      { id: '5', role: 'tool', toolCallId: 'c', content: 'r', error: 'e' },
      { id: '6', role: 'activity', activityType: 'search', content: { q: 1 } },
      { id: '7', role: 'reasoning', content: 'hm', encryptedValue: 'x' },
    ]
    expect(parseEvent({ type: 'MESSAGES_SNAPSHOT', messages })).toEqual({
      ok: true,
      event: { type: 'MESSAGES_SNAPSHOT', messages },
      diagnostics: [],
    })
  })
})
