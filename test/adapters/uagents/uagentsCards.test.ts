import { describe, expect, it } from 'vitest'
import {
  cardResponseContent,
  cardResponseSchema,
  readUAgentsCard,
  type UAgentsCard,
} from '../../../src/core/adapters/uagents/uagentsCards'
import { uagentsUserContent } from '../../../src/core/adapters/uagents/uagentsUserContent'
import type { RunAgentInput } from '../../../src/core/protocol/types'

const card = (card_kind: string, payload: unknown, extra: Record<string, string> = {}) =>
  readUAgentsCard({
    card_protocol_version: '1',
    card_kind,
    card_payload: JSON.stringify(payload),
    ...extra,
  })!

describe('uAgents cards', () => {
  it('reads only marked card requests', () => {
    expect(readUAgentsCard({ mood: 'x' })).toBeUndefined()
    expect(readUAgentsCard({ card_protocol_version: '1', selection: '{}' })).toBeUndefined()
    expect(
      readUAgentsCard({ requires_card_interaction: 'true', card_kind: 'form', card_payload: '{}' }),
    ).toEqual({ kind: 'form', payload: {} })
    expect(() =>
      readUAgentsCard({ card_protocol_version: '1', card_kind: 'form', card_payload: '[1]' }),
    ).toThrow(/not an object/)
  })

  it('form fields → schema properties; the answer merges the submit CTA selection', () => {
    const c = card(
      'form',
      {
        fields: [
          { name: 'email', kind: 'email', label: 'Email', required: true },
          { name: 'n', kind: 'number', label: 'N' },
          { name: 'vip', kind: 'checkbox', label: 'VIP' },
          { name: 'size', kind: 'select', label: 'Size', options: [{ value: 's', label: 'S' }] },
        ],
        submit_cta: { label: 'Go', selection: { step: 'submit' } },
      },
      { card_id: 'c1' },
    )
    expect(cardResponseSchema(c)).toEqual({
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email', title: 'Email' },
        n: { type: 'number', title: 'N' },
        vip: { type: 'boolean', title: 'VIP' },
        size: { type: 'string', enum: ['s'], title: 'Size' },
      },
      required: ['email'],
    })
    const answer = cardResponseContent(c, {
      interruptId: 'c1',
      status: 'resolved',
      payload: { email: 'a@b.c', n: 2, vip: true, size: 's', nested: { x: 1 } },
    })
    expect(answer.metadata).toEqual({
      card_protocol_version: '1',
      card_id: 'c1',
      selection: JSON.stringify({ step: 'submit', email: 'a@b.c', n: 2, vip: true, size: 's' }),
    })
  })

  it('carousel, detail and custom cards: action enums map back to the CTA selection', () => {
    const carousel = card('carousel', {
      items: [
        {
          id: 'off_1',
          title: 'BA',
          primary_cta: { label: 'Select', selection: { offer_id: 'off_1' } },
        },
      ],
    })
    expect(cardResponseSchema(carousel)).toMatchObject({
      properties: { action: { enum: ['off_1'] } },
    })
    expect(
      cardResponseContent(carousel, {
        interruptId: 'x',
        status: 'resolved',
        payload: { action: 'off_1' },
      }).metadata.selection,
    ).toBe('{"offer_id":"off_1"}')

    const detail = card('detail', {
      title: 'Room',
      sub_options: {
        name: 'bed',
        kind: 'radio',
        label: 'Bed',
        choices: [{ value: 'king', label: 'King' }],
      },
      ctas: [{ label: 'Reserve', selection: { go: true } }],
    })
    expect(cardResponseSchema(detail)).toMatchObject({
      properties: { action: { enum: ['Reserve'] }, bed: { enum: ['king'] } },
      required: ['action', 'bed'],
    })
    expect(
      JSON.parse(
        cardResponseContent(detail, {
          interruptId: 'x',
          status: 'resolved',
          payload: { action: 'Reserve', bed: 'king' },
        }).metadata.selection,
      ),
    ).toEqual({ go: true, bed: 'king' })

    const custom: UAgentsCard = card('custom', {
      root: {
        type: 'section',
        children: [
          { type: 'input', name: 'q', kind: 'text', label: 'Q', required: true },
          { type: 'choice_grid', name: 'tags', multi: true, choices: [{ value: 'a', label: 'A' }] },
          { type: 'button', label: 'Send', action: { selection: { send: 1 } } },
        ],
      },
    })
    expect(cardResponseSchema(custom)).toMatchObject({
      properties: {
        q: { type: 'string' },
        tags: { type: 'array', items: { enum: ['a'] } },
        action: { enum: ['Send'] },
      },
      required: ['action', 'q'],
    })
    expect(
      JSON.parse(
        cardResponseContent(custom, {
          interruptId: 'x',
          status: 'resolved',
          payload: { q: 'hi', tags: ['a'], action: 'Send' },
        }).metadata.selection,
      ),
    ).toEqual({ send: 1, q: 'hi', tags: 'a' })
  })

  it('a cancelled entry is a cancelled card response', () => {
    expect(
      cardResponseContent(undefined, { interruptId: 'x', status: 'cancelled' }).metadata,
    ).toEqual({ card_protocol_version: '1', cancelled: 'true' })
  })
})

describe('uagentsUserContent', () => {
  const input = (messages: RunAgentInput['messages'], resume?: RunAgentInput['resume']) =>
    ({
      threadId: 't',
      runId: 'r',
      messages,
      tools: [],
      context: [],
      state: null,
      forwardedProps: {},
      ...(resume && { resume }),
    }) as RunAgentInput
  const id = () => 'rid'

  it('sends only the last user message; start-session on the first turn', () => {
    expect(
      uagentsUserContent(input([{ id: '1', role: 'user', content: 'hi' }]), new Map(), id),
    ).toEqual([{ type: 'start-session' }, { type: 'text', text: 'hi' }])
    const later = input([
      { id: '1', role: 'user', content: 'hi' },
      { id: '2', role: 'assistant', content: 'yo' },
      {
        id: '3',
        role: 'user',
        content: [
          { type: 'text', text: 'see' },
          {
            type: 'image',
            source: { type: 'url', value: 'https://x/a.png', mimeType: 'image/png' },
          },
        ],
      },
    ])
    expect(uagentsUserContent(later, new Map(), id)).toEqual([
      { type: 'text', text: 'see' },
      {
        type: 'resource',
        resource_id: 'rid',
        resource: { uri: 'https://x/a.png', metadata: { mime_type: 'image/png', type: 'image' } },
      },
    ])
  })

  it('nothing new (last message not from the user): nothing to send', () => {
    expect(
      uagentsUserContent(
        input([
          { id: '1', role: 'user', content: 'hi' },
          { id: '2', role: 'assistant', content: 'yo' },
        ]),
        new Map(),
        id,
      ),
    ).toEqual([])
  })

  it('resume entries become card responses', () => {
    const out = uagentsUserContent(
      input([], [{ interruptId: 'c', status: 'cancelled' }]),
      new Map(),
      id,
    )
    expect(out).toEqual([
      { type: 'metadata', metadata: { card_protocol_version: '1', cancelled: 'true' } },
    ])
  })
})

describe('uagentsSessionId', () => {
  it('keeps a uuid4, derives a stable uuid4 from anything else', async () => {
    const { uagentsSessionId } = await import('../../../src/core/adapters/uagents/uagentsSessionId')
    const { isUuid4 } = await import('../../../src/server/adapters/uagents/uagentsEnvelope')
    expect(uagentsSessionId('9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D')).toBe(
      '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    )
    const a = uagentsSessionId('story-thread')
    expect(isUuid4(a)).toBe(true)
    expect(uagentsSessionId('story-thread')).toBe(a)
    expect(uagentsSessionId('story-thread-2')).not.toBe(a)
  })
})
