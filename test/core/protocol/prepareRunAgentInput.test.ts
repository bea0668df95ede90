import { describe, expect, it } from 'vitest'
import { prepareRunAgentInput } from '../../../src/core/protocol/prepareRunAgentInput'
import type { RunAgentInput } from '../../../src/core/protocol/types'

const image = {
  type: 'image',
  source: { type: 'url', value: 'https://example.com/cat.png', mimeType: 'image/png' },
}
const base: RunAgentInput = {
  threadId: 't',
  runId: 'r',
  parentRunId: 'p',
  messages: [
    {
      id: 'u1',
      role: 'user',
      content: [{ type: 'text', text: 'What is in this picture?' }, image as never],
    },
    { id: 'a1', role: 'assistant', content: 'Delegated.', subagentRunId: 's0' },
  ],
  tools: [],
  context: [],
}

describe('prepareRunAgentInput (outgoing compatibility, era-* fixtures)', () => {
  it('a current peer: declares PROTOCOL_VERSION, keeps modern content and attribution, changes nothing else', () => {
    const { input, diagnostics } = prepareRunAgentInput(base)
    expect(input).toEqual({ ...base, protocolVersion: '1.1' })
    expect(diagnostics).toEqual([])
    expect(prepareRunAgentInput({ ...base, protocolVersion: '1.1' }).input.messages).toBe(
      base.messages,
    )
  })

  it('a 1.0 peer: declares 1.0 (lowering a higher declaration)', () => {
    expect(
      prepareRunAgentInput({ ...base, protocolVersion: '1.1' }, { maxProtocolVersion: '1.0' }).input
        .protocolVersion,
    ).toBe('1.0')
  })

  it('upgrades a legacy binary part for every peer (era-0-0-47, era-current)', () => {
    const legacy = {
      ...base,
      messages: [
        {
          id: 'u2',
          role: 'user',
          content: [
            { type: 'binary', mimeType: 'image/png', url: 'https://example.com/legacy.png' },
          ],
        },
      ],
    }
    for (const maxProtocolVersion of [undefined, '0.0.47']) {
      const { input } = prepareRunAgentInput(
        legacy as never,
        maxProtocolVersion ? { maxProtocolVersion } : {},
      )
      expect(input.messages[0]).toEqual({
        id: 'u2',
        role: 'user',
        content: [
          {
            type: 'image',
            source: { type: 'url', value: 'https://example.com/legacy.png', mimeType: 'image/png' },
          },
        ],
      })
    }
  })

  it('upgrades a legacy binary part to the media part its MIME type names (image, audio, video, else document)', () => {
    const kinds = [
      ['image/png', 'image'],
      ['audio/mpeg', 'audio'],
      ['video/mp4', 'video'],
      ['application/pdf', 'document'],
      ['text/image/x', 'document'],
    ]
    const { input } = prepareRunAgentInput({
      ...base,
      messages: [
        {
          id: 'u3',
          role: 'user',
          content: kinds.map(([mimeType]) => ({ type: 'binary', mimeType, data: 'AAAA' })),
        },
      ],
    } as never)
    const parts = input.messages[0].content as Array<{ type: string; source: unknown }>
    expect(parts.map((p) => p.type)).toEqual(kinds.map(([, kind]) => kind))
    expect(parts[2].source).toEqual({ type: 'data', value: 'AAAA', mimeType: 'video/mp4' })
  })

  it('a pre-1.0 peer: omits protocolVersion; at or below 0.0.57 strips subagentRunId (era-pinned-peer)', () => {
    const { input } = prepareRunAgentInput(
      { ...base, protocolVersion: '1.1' },
      { maxProtocolVersion: '0.0.57' },
    )
    expect('protocolVersion' in input).toBe(false)
    expect(input.messages[1]).toEqual({ id: 'a1', role: 'assistant', content: 'Delegated.' })
    expect(input.parentRunId).toBe('p')
  })

  it('a 0.0.39 peer: flattens content to text and reports the dropped parts (era-0-0-39)', () => {
    const { input, diagnostics } = prepareRunAgentInput(base, { maxProtocolVersion: '0.0.39' })
    expect(input.messages[0]).toEqual({
      id: 'u1',
      role: 'user',
      content: 'What is in this picture?',
    })
    expect('parentRunId' in input).toBe(false)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0].message).toContain('DROPS non-text parts (image)')
  })

  it('never mutates its input', () => {
    const copy = structuredClone(base)
    prepareRunAgentInput(base, { maxProtocolVersion: '0.0.39' })
    expect(base).toEqual(copy)
  })
})
