import { describe, expect, it } from 'vitest'
import {
  createEventParser,
  parseEvent,
  type ParseEventResult,
} from '../../../src/core/protocol/parseEvent'

function ok(r: ParseEventResult) {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`)
  return r.event as unknown as Record<string, unknown>
}

describe('parseEvent: compatibility with retired THINKING_* events', () => {
  const stream = [
    { type: 'RUN_STARTED', threadId: 't', runId: 'run-7' },
    { type: 'THINKING_START', title: 'Working' },
    { type: 'THINKING_TEXT_MESSAGE_START' },
    { type: 'THINKING_TEXT_MESSAGE_CONTENT', delta: 'Let me check.' },
    { type: 'THINKING_TEXT_MESSAGE_END' },
    { type: 'THINKING_END' },
  ]

  it('translates the span and message to REASONING_* with ids stable across the stream', () => {
    const parser = createEventParser()
    const results = stream.map((e) => parser.parse(e))
    expect(results.map((r) => ok(r))).toEqual([
      stream[0],
      { type: 'REASONING_START', messageId: 'run-7:reasoning:1' },
      { type: 'REASONING_MESSAGE_START', messageId: 'run-7:reasoning:2', role: 'reasoning' },
      { type: 'REASONING_MESSAGE_CONTENT', messageId: 'run-7:reasoning:2', delta: 'Let me check.' },
      { type: 'REASONING_MESSAGE_END', messageId: 'run-7:reasoning:2' },
      { type: 'REASONING_END', messageId: 'run-7:reasoning:1' },
    ])
    for (const [i, r] of results.slice(1).entries()) {
      expect(r.diagnostics).toHaveLength(1)
      expect(r.diagnostics[0]).toMatchObject({
        level: 'info',
        code: 'thinking_translated',
        eventType: stream[i + 1].type,
      })
      expect(r.diagnostics[0].message).toContain(stream[i + 1].type)
    }
    expect(results[1].diagnostics[0].message).toContain('"Working"')
  })

  it('is deterministic: the same stream yields the same ids; another run yields other ids', () => {
    const ids = (runId: string) => {
      const p = createEventParser()
      return [{ ...stream[0], runId }, ...stream.slice(1)].map((e) => ok(p.parse(e)).messageId)
    }
    expect(ids('a')).toEqual(ids('a'))
    expect(ids('b')[1]).not.toEqual(ids('a')[1])
  })

  it('opens a reasoning message with a chunk for content that no THINKING_TEXT_MESSAGE_START opened', () => {
    const p = createEventParser()
    p.parse(stream[0])
    p.parse({ type: 'THINKING_START' })
    const a = ok(p.parse({ type: 'THINKING_CONTENT', delta: 'one' }))
    const b = ok(p.parse({ type: 'THINKING_CONTENT', delta: ' two' }))
    expect(a).toEqual({
      type: 'REASONING_MESSAGE_CHUNK',
      messageId: 'run-7:reasoning:2',
      delta: 'one',
    })
    expect(b).toEqual({
      type: 'REASONING_MESSAGE_CHUNK',
      messageId: 'run-7:reasoning:2',
      delta: ' two',
    })
    expect(ok(p.parse({ type: 'THINKING_END' }))).toEqual({
      type: 'REASONING_END',
      messageId: 'run-7:reasoning:1',
    })
  })

  it('still validates a translated event', () => {
    const r = parseEvent({ type: 'THINKING_TEXT_MESSAGE_CONTENT', delta: 5 })
    expect(r.ok || r.dropped ? undefined : r.error.message).toBe(
      'Invalid REASONING_MESSAGE_CHUNK event (translated from the retired THINKING_TEXT_MESSAGE_CONTENT): {"/delta":"expected string, received number"}.',
    )
  })
})

describe('parseEvent: enforcement', () => {
  it('drops an unknown event type with a warning naming it', () => {
    expect(parseEvent({ type: 'FUTURE_EVENT', x: 1 })).toEqual({
      ok: false,
      dropped: true,
      diagnostics: [
        expect.objectContaining({
          level: 'warning',
          code: 'unknown_event_dropped',
          eventType: 'FUTURE_EVENT',
        }),
      ],
    })
    const [d] = parseEvent({ type: 'FUTURE_EVENT' }).diagnostics
    expect(d.message).toContain('FUTURE_EVENT')
  })

  it('strips undescribed members at any depth, one warning per JSON Pointer', () => {
    const r = parseEvent({
      type: 'MESSAGES_SNAPSHOT',
      messages: [
        { id: 'u', role: 'user', content: [{ type: 'text', text: 'a', glow: true }], mood: 'ok' },
      ],
      futureProp: 1,
    })
    expect(ok(r)).toEqual({
      type: 'MESSAGES_SNAPSHOT',
      messages: [{ id: 'u', role: 'user', content: [{ type: 'text', text: 'a' }] }],
    })
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "Removed unrecognised material at '/messages/0/content/0/glow' on MESSAGES_SNAPSHOT.",
      "Removed unrecognised material at '/messages/0/mood' on MESSAGES_SNAPSHOT.",
      "Removed unrecognised material at '/futureProp' on MESSAGES_SNAPSHOT.",
    ])
  })

  it('drops an element of unknown kind from its list, and a message of unknown role', () => {
    const r = parseEvent({
      type: 'MESSAGES_SNAPSHOT',
      messages: [
        { id: 'x', role: 'narrator', content: 'hm' },
        { id: 'u', role: 'user', content: [{ type: 'hologram' }, { type: 'text', text: 'b' }] },
      ],
    })
    expect(ok(r)).toEqual({
      type: 'MESSAGES_SNAPSHOT',
      messages: [{ id: 'u', role: 'user', content: [{ type: 'text', text: 'b' }] }],
    })
    expect(r.diagnostics.map((d) => d.message.match(/'(.*)'/)?.[1])).toEqual([
      '/messages/0',
      '/messages/1/content/0',
    ])
  })

  it('keeps open material verbatim and quiet: metadata, rawEvent, RAW.event, CUSTOM.value, state, patch op extras', () => {
    const open = { 'acme/x': null, nested: { deep: [1, { a: 2 }] } }
    const events = [
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'd', metadata: open, rawEvent: open },
      { type: 'RAW', event: open },
      { type: 'CUSTOM', name: 'n', value: open },
      { type: 'STATE_SNAPSHOT', snapshot: open },
      { type: 'STATE_DELTA', delta: [{ op: 'remove', path: '/a', value: 'leftover', why: open }] },
      { type: 'ACTIVITY_SNAPSHOT', messageId: 'a', activityType: 't', content: open },
    ]
    for (const e of events) expect(parseEvent(e)).toEqual({ ok: true, event: e, diagnostics: [] })
  })

  it('drops a patch operation RFC 6902 does not define, keeping the rest of the patch', () => {
    const r = parseEvent({
      type: 'STATE_DELTA',
      delta: [
        { op: 'increment', path: '/n' },
        { op: 'replace', path: '/n', value: 5 },
      ],
    })
    expect(ok(r).delta).toEqual([{ op: 'replace', path: '/n', value: 5 }])
    expect(r.diagnostics[0].message).toContain("'/delta/0'")
  })

  it('strips an unknown optional outcome, but rejects an array outcome', () => {
    const paused = parseEvent({
      type: 'RUN_FINISHED',
      threadId: 't',
      runId: 'r',
      outcome: { type: 'paused' },
    })
    expect(ok(paused)).toEqual({ type: 'RUN_FINISHED', threadId: 't', runId: 'r' })
    expect(paused.diagnostics[0].message).toContain("'/outcome'")
    const array = parseEvent({
      type: 'RUN_FINISHED',
      threadId: 't',
      runId: 'r',
      outcome: [{ type: 'success' }],
    })
    expect(!array.ok && !array.dropped && array.error.message).toContain(
      'expected object, received array',
    )
  })

  it('rejects a non-object event and a missing type', () => {
    for (const raw of [null, 'RUN_STARTED', [1], { threadId: 't' }]) {
      const r = parseEvent(raw)
      expect(!r.ok && !r.dropped && r.error.code).toBe('invalid_event')
    }
  })

  it('rejects two interrupts with the same id on RUN_FINISHED', () => {
    const interrupt = { id: 'i', reason: 'approval' }
    const r = parseEvent({
      type: 'RUN_FINISHED',
      threadId: 't',
      runId: 'r',
      outcome: { type: 'interrupt', interrupts: [interrupt, interrupt] },
    })
    expect(!r.ok && !r.dropped && r.error.message).toContain("two interrupts carrying the id 'i'")
  })

  it('reads null in retired-nullable optional fields as absent, with a warning', () => {
    const r = parseEvent({
      type: 'TOOL_CALL_START',
      toolCallId: 'c',
      toolCallName: 'f',
      parentMessageId: null,
      rawEvent: null,
    })
    expect(ok(r)).toEqual({ type: 'TOOL_CALL_START', toolCallId: 'c', toolCallName: 'f' })
    expect(r.diagnostics.map((d) => d.code)).toEqual(['null_field_removed', 'null_field_removed'])
  })

  it('upgrades a legacy binary content part in MESSAGES_SNAPSHOT', () => {
    const r = parseEvent({
      type: 'MESSAGES_SNAPSHOT',
      messages: [
        {
          id: 'u',
          role: 'user',
          content: [
            { type: 'binary', mimeType: 'image/png', url: 'https://x/p.png', filename: 'p.png' },
          ],
        },
      ],
    })
    expect(ok(r).messages).toEqual([
      {
        id: 'u',
        role: 'user',
        content: [
          {
            type: 'image',
            source: { type: 'url', value: 'https://x/p.png', mimeType: 'image/png' },
            metadata: { filename: 'p.png' },
          },
        ],
      },
    ])
  })
})

describe('parseEvent: versions', () => {
  const started = (protocolVersion?: string) => ({
    type: 'RUN_STARTED',
    threadId: 't',
    runId: 'r',
    ...(protocolVersion && { protocolVersion }),
  })

  it('is quiet for an absent, equal or older declaration', () => {
    for (const v of [undefined, '1.1', '1.0'])
      expect(parseEvent(started(v)).diagnostics).toEqual([])
  })

  it('warns for a newer declaration (naming both versions) and an uninterpretable one', () => {
    expect(parseEvent(started('1.2')).diagnostics[0]).toMatchObject({
      code: 'protocol_version_newer',
    })
    expect(parseEvent(started('1.2')).diagnostics[0].message).toMatch(/1\.2.*1\.1/)
    expect(parseEvent(started('draft')).diagnostics[0].message).toContain('cannot interpret')
    expect(parseEvent(started('1.1'), { maxProtocolVersion: '1.0' }).diagnostics[0].code).toBe(
      'protocol_version_newer',
    )
  })

  it('drops SUBAGENT_* events and attribution for a peer at or below 0.0.57', () => {
    const p = createEventParser({ maxProtocolVersion: '0.0.57' })
    const r = p.parse({ type: 'SUBAGENT_STARTED', subagentRunId: 's', name: 'n' })
    expect(r.ok || !r.dropped ? 'kept' : r.diagnostics[0].message).toContain(
      'dropping SUBAGENT_STARTED',
    )
    expect(ok(p.parse({ type: 'TEXT_MESSAGE_START', messageId: 'm', subagentRunId: 's' }))).toEqual(
      { type: 'TEXT_MESSAGE_START', messageId: 'm' },
    )
    expect(
      ok(
        createEventParser({ maxProtocolVersion: '0.0.58' }).parse({
          type: 'SUBAGENT_ERROR',
          subagentRunId: 's',
          message: 'x',
        }),
      ).type,
    ).toBe('SUBAGENT_ERROR')
  })

  it('rejects a ceiling that is not a version', () => {
    expect(() => createEventParser({ maxProtocolVersion: 'latest' })).toThrow(TypeError)
  })
})
