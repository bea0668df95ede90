import { describe, expect, it } from 'vitest'
import { createUAgentsFrameMapper } from '../../../src/core/adapters/uagents/mapUAgentsFrame'
import type { UAgentsChatContent } from '../../../src/core/adapters/uagents/uagentsChatTypes'
import { AgentError } from '../../../src/core/protocol/AgentError'
import { createEventParser } from '../../../src/core/protocol/parseEvent'
import type { WireEvent } from '../../../src/core/protocol/types'
import { reduceEvents } from '../../../src/core/reducer'

const THREAD = '11111111-1111-4111-8111-111111111111'
const SENT = '22222222-2222-4222-8222-222222222222'
const mapper = () => createUAgentsFrameMapper({ threadId: THREAD, runId: 'run-1', sentMsgId: SENT })
const message = (msg_id: string, content: UAgentsChatContent[]) => ({
  kind: 'message',
  sender: 'agent1q',
  msg: { timestamp: '2026-01-01T00:00:00Z', msg_id, content },
})

/** Every event must pass the kit's AG-UI parser, in stream order. */
function expectValid(events: WireEvent[]) {
  const parser = createEventParser()
  for (const e of events) {
    const r = parser.parse(e)
    expect(r.ok, JSON.stringify(r)).toBe(true)
  }
}

function thrown(fn: () => unknown): AgentError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AgentError)
    return error as AgentError
  }
  throw new Error('did not throw')
}

describe('createUAgentsFrameMapper', () => {
  it('maps ack, text, a stream across messages, a resource, metadata and end-session', () => {
    const m = mapper()
    const events = [
      ...m.start(),
      ...m.map({ kind: 'ready', session: THREAD }),
      ...m.map({ kind: 'sent', msg_id: SENT }),
      ...m.map({
        kind: 'ack',
        sender: 'agent1q',
        ack: { timestamp: 't', acknowledged_msg_id: SENT },
      }),
      ...m.map(
        message('m1', [
          { type: 'start-session' },
          { type: 'text', text: 'Hi' },
          { type: 'text', text: 'there' },
        ]),
      ),
      ...m.map(message('m2', [{ type: 'start-stream', stream_id: 's1' }])),
    ]
    expect(m.acknowledged).toBe(true)
    expect(m.streaming).toBe(true)
    events.push(
      ...m.map(message('m3', [{ type: 'text', text: 'part 1, ' }])),
      ...m.map(
        message('m4', [
          { type: 'text', text: 'part 2' },
          { type: 'end-stream', stream_id: 's1' },
        ]),
      ),
      ...m.map(
        message('m5', [
          {
            type: 'resource',
            resource_id: 'r1',
            resource: [{ uri: 'https://x/a.png', metadata: { mime_type: 'image/png' } }],
          },
        ]),
      ),
      ...m.map(
        message('m6', [{ type: 'metadata', metadata: { mood: 'ok' } }, { type: 'end-session' }]),
      ),
    )
    expect(m.finished).toBe(true)
    expect(m.replies).toBe(6)
    expectValid(events)
    const snapshot = reduceEvents(events as never)
    expect(snapshot.run.status).toBe('finished')
    const texts = snapshot.messages.map((x) => [
      x.id,
      x.role,
      'content' in x ? x.content : undefined,
    ])
    expect(texts).toEqual([
      ['m1', 'assistant', 'Hi'],
      ['m1:1', 'assistant', 'there'],
      ['s1', 'assistant', 'part 1, part 2'],
      [
        'r1',
        'activity',
        {
          resource_id: 'r1',
          resources: [{ uri: 'https://x/a.png', metadata: { mime_type: 'image/png' } }],
        },
      ],
    ])
    const customs = events
      .filter((e) => e.type === 'CUSTOM')
      .map((e) => (e as { name: string }).name)
    expect(customs).toEqual(['uagents.delivered', 'uagents.session_started', 'uagents.metadata'])
    expect(m.map(message('late', [{ type: 'text', text: 'ignored' }]))).toEqual([])
  })

  it('finish() closes an open stream and ends the run with success', () => {
    const m = mapper()
    const events = [
      ...m.start(),
      ...m.map(
        message('m1', [
          { type: 'start-stream', stream_id: 's' },
          { type: 'text', text: 'half' },
        ]),
      ),
      ...m.finish(),
    ]
    expectValid(events)
    expect(events.slice(-2).map((e) => e.type)).toEqual(['TEXT_MESSAGE_END', 'RUN_FINISHED'])
    expect(m.finish()).toEqual([])
  })

  it('a card ends the run with an interrupt outcome after the rest of the message', () => {
    const m = mapper()
    const card = {
      card_protocol_version: '1',
      card_kind: 'review',
      card_id: 'c1',
      card_payload: JSON.stringify({
        title: 'Confirm',
        summary_rows: [{ label: 'Total', value: '$5' }],
        approve_cta: { label: 'Pay', selection: { ok: true } },
        reject_cta: { label: 'Cancel', selection: { ok: false } },
      }),
    }
    const events = [
      ...m.start(),
      ...m.map(
        message('m1', [
          { type: 'metadata', metadata: card },
          { type: 'text', text: 'Please confirm' },
        ]),
      ),
    ]
    expectValid(events)
    const last = events.at(-1) as {
      type: string
      outcome: {
        type: string
        interrupts: { id: string; reason: string; message: string; responseSchema: unknown }[]
      }
    }
    expect(last.type).toBe('RUN_FINISHED')
    expect(last.outcome.type).toBe('interrupt')
    expect(last.outcome.interrupts[0]).toMatchObject({
      id: 'c1',
      reason: 'uagents_card',
      message: 'Confirm\nTotal: $5',
      responseSchema: { properties: { action: { enum: ['Pay', 'Cancel'] } }, required: ['action'] },
    })
    expect(events.some((e) => e.type === 'TEXT_MESSAGE_CONTENT')).toBe(true)
    expect(m.cards.get('c1')?.kind).toBe('review')
    expect(reduceEvents(events as never).run.status).toBe('interrupted')
  })

  it('an ack of another message is relayed but does not count as ours', () => {
    const m = mapper()
    m.map({ kind: 'ack', sender: 'a', ack: { timestamp: 't', acknowledged_msg_id: 'other' } })
    expect(m.acknowledged).toBe(false)
  })

  it.each([
    ['not an object', 'nope', 'bad_frame'],
    ['no kind', { foo: 1 }, 'bad_frame'],
    ['unknown kind', { kind: 'mystery' }, 'bad_frame'],
    ['message without content', { kind: 'message', msg: { msg_id: 'x' } }, 'bad_frame'],
    ['content item without type', message('x', [{} as never]), 'bad_frame'],
    ['unknown content type', message('x', [{ type: 'video' } as never]), 'bad_frame'],
    ['text without text', message('x', [{ type: 'text' } as never]), 'bad_frame'],
    ['stream without id', message('x', [{ type: 'start-stream' } as never]), 'bad_frame'],
    [
      'resource without uri',
      message('x', [{ type: 'resource', resource_id: 'r', resource: { metadata: {} } } as never]),
      'bad_frame',
    ],
    [
      'metadata not an object',
      message('x', [{ type: 'metadata', metadata: 'x' } as never]),
      'bad_frame',
    ],
    [
      'card with unknown kind',
      message('x', [
        {
          type: 'metadata',
          metadata: { card_protocol_version: '1', card_kind: 'hologram', card_payload: '{}' },
        },
      ]),
      'bad_frame',
    ],
    [
      'card with broken payload',
      message('x', [
        {
          type: 'metadata',
          metadata: { requires_card_interaction: 'true', card_kind: 'form', card_payload: '{oops' },
        },
      ]),
      'bad_frame',
    ],
    ['ack without id', { kind: 'ack', ack: {} }, 'bad_frame'],
    ['agent lost', { kind: 'error', code: 'agent_lost', message: 'no ack' }, 'heartbeat_timeout'],
    ['agent unreachable', { kind: 'error', code: 'agent_unreachable', message: 'down' }, 'network'],
    ['agent rejected', { kind: 'error', code: 'agent_rejected', message: '400' }, 'bad_frame'],
  ])('%s → AgentError %s', (_name, frame, code) => {
    const error = thrown(() => mapper().map(frame))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(/uAgents bridge/)
  })

  it('what was mapped before a malformed frame is kept (the mapper stays usable)', () => {
    const m = mapper()
    const ok = [...m.start(), ...m.map(message('m1', [{ type: 'text', text: 'kept' }]))]
    thrown(() => m.map({ kind: 'mystery' }))
    const snapshot = reduceEvents(ok as never)
    expect(snapshot.messages.map((x) => ('content' in x ? x.content : ''))).toEqual(['kept'])
  })
})
