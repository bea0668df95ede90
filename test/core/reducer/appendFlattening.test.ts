import { describe, expect, it } from 'vitest'
import { appendFlattening, flattenString } from '../../../src/core/reducer/appendFlattening'
import { applyEvent, createSnapshot } from '../../../src/core'

describe('appendFlattening', () => {
  it('equals plain concatenation at every length, across the power-of-two boundaries', () => {
    let ours = ''
    let plain = ''
    for (let i = 0; i < 3000; i++) {
      const delta = i % 7 === 0 ? '' : i % 5 === 0 ? '€😀\n"' : `t${i} `
      ours = appendFlattening(ours, delta)
      plain += delta
      expect(ours.length).toBe(plain.length)
    }
    expect(ours).toBe(plain)
  })

  it('flattenString keeps the value, numeric-looking or not', () => {
    for (const s of ['', '42', ' 7 ', 'abc'.repeat(200), '1e309', `${'9'.repeat(300)}x`])
      expect(flattenString(s)).toBe(s)
  })

  it('a streamed message and tool call read back exactly what was sent', () => {
    let s = createSnapshot()
    s = applyEvent(s, { type: 'RUN_STARTED', threadId: 't', runId: 'r' } as never)
    s = applyEvent(s, { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' } as never)
    s = applyEvent(s, { type: 'TOOL_CALL_START', toolCallId: 'c', toolCallName: 'f' } as never)
    let text = ''
    let args = ''
    for (let i = 0; i < 1000; i++) {
      const delta = `w${i} `
      text += delta
      args += delta
      s = applyEvent(s, { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta } as never)
      s = applyEvent(s, { type: 'TOOL_CALL_ARGS', toolCallId: 'c', delta } as never)
    }
    const open = s
    s = applyEvent(s, { type: 'TEXT_MESSAGE_END', messageId: 'm' } as never)
    expect(s.messages[0]).toMatchObject({ id: 'm', content: text })
    expect(s.toolCalls.c.args).toBe(args)
    // Flattening at the end changes no published snapshot.
    expect(open.messages[0]).toMatchObject({ content: text })
    expect(open.streamingMessageIds).toEqual(['m'])
  })
})
