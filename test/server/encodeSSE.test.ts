import { describe, expect, it } from 'vitest'
import { createParser } from 'eventsource-parser'
import { encodeSSE } from '../../src/server/encodeSSE'

describe('encodeSSE', () => {
  it('writes one data line and a blank line', () => {
    expect(encodeSSE({ type: 'RUN_STARTED', threadId: 't', runId: 'r' })).toBe(
      'data: {"type":"RUN_STARTED","threadId":"t","runId":"r"}\n\n',
    )
  })

  it('writes an id line first when an id is given', () => {
    expect(encodeSSE({ type: 'CUSTOM', name: 'x', value: 1 }, { id: '42' })).toBe(
      'id: 42\ndata: {"type":"CUSTOM","name":"x","value":1}\n\n',
    )
  })

  it('keeps multi-line text on one data line that an SSE parser reads back unchanged', () => {
    const event = {
      type: 'TEXT_MESSAGE_CONTENT',
      messageId: 'm',
      delta: 'a\nb\r\n\n: not a comment\ndata: x 😀',
    }
    const frame = encodeSSE(event, { id: 'e-1' })
    expect(frame.split('\n').filter(Boolean)).toHaveLength(2)
    const seen: Array<{ id?: string; data: string }> = []
    const parser = createParser({ onEvent: (m) => seen.push({ id: m.id, data: m.data }) })
    parser.feed(frame)
    expect(seen).toEqual([{ id: 'e-1', data: JSON.stringify(event) }])
    expect(JSON.parse(seen[0].data)).toEqual(event)
  })

  it('rejects ids with line breaks or NUL', () => {
    for (const id of ['a\nb', 'a\rb', 'a\0b']) {
      expect(() => encodeSSE({ type: 'CUSTOM', name: 'x', value: 1 }, { id })).toThrow(TypeError)
    }
  })

  it('rejects events that are not serialisable', () => {
    expect(() => encodeSSE({ type: 'CUSTOM', name: 'x', value: 1n } as never)).toThrow(TypeError)
  })
})
