import { describe, expect, it } from 'vitest'
import {
  mapAgentConnectFrame,
  readAgentConnectFrame,
  type AgentConnectRunContext,
} from '../../../src/core/adapters/agentConnect'
import { AgentError } from '../../../src/core/protocol/AgentError'
import { createEventParser } from '../../../src/core/protocol/parseEvent'

const ctx: AgentConnectRunContext = {
  threadId: 't1',
  runId: 'r1',
  sessionType: 'human_agent',
  messageId: 'm1',
}

function map(raw: unknown, context = ctx) {
  const frame = readAgentConnectFrame(typeof raw === 'string' ? raw : JSON.stringify(raw))
  if (frame instanceof AgentError) return frame
  return mapAgentConnectFrame(frame, context)
}

/** Every event must be valid AG-UI. */
function validEvents(action: ReturnType<typeof map>) {
  if (action instanceof AgentError || action.kind !== 'events') throw new Error('no events')
  const parser = createEventParser()
  for (const event of action.events) expect(parser.parse(event)).toMatchObject({ ok: true })
  return action
}

describe('mapAgentConnectFrame', () => {
  it('a text reply (what the server really sends) becomes one assistant message, then RUN_FINISHED', () => {
    const action = validEvents(
      map({
        type: 'text',
        content: 'Hello',
        sender: 'ai1_s',
        timestamp: '2026-01-01T10:00:00.123',
      }),
    )
    expect(action).toMatchObject({ terminal: true, reply: true })
    expect(action.events).toEqual([
      { type: 'TEXT_MESSAGE_START', messageId: 'm1', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm1', delta: 'Hello' },
      { type: 'TEXT_MESSAGE_END', messageId: 'm1' },
      { type: 'RUN_FINISHED', threadId: 't1', runId: 'r1' },
    ])
  })

  it('accepts `response` as the docs say, and an empty reply without a CONTENT event', () => {
    expect(validEvents(map({ type: 'response', content: 'Hi' })).events[1]).toMatchObject({
      delta: 'Hi',
    })
    expect(validEvents(map({ type: 'text', content: '' })).events.map((e) => e.type)).toEqual([
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_END',
      'RUN_FINISHED',
    ])
  })

  it('agent_agent turns are named by their sender and do not end the run', () => {
    const action = validEvents(
      map(
        { type: 'text', content: 'My turn', sender: 'ai2_s' },
        { ...ctx, sessionType: 'agent_agent' },
      ),
    )
    expect(action.terminal).toBe(false)
    expect(action.events[0]).toMatchObject({ type: 'TEXT_MESSAGE_START', name: 'ai2_s' })
    expect(action.events.map((e) => e.type)).not.toContain('RUN_FINISHED')
  })

  it('pings are swallowed; unknown types are ignored and named', () => {
    expect(map({ type: 'ping' })).toEqual({ kind: 'ignore' })
    expect(map({ type: 'typing' })).toEqual({ kind: 'ignore', unknownType: 'typing' })
  })

  it('cooldown: CUSTOM with the wait in ms, RUN_FINISHED, cooldownMs', () => {
    const action = validEvents(
      map({
        type: 'cooldown',
        content: 'Agent is cooling down',
        metadata: { cooldown_remaining: 12.5 },
      }),
    )
    expect(action).toMatchObject({ terminal: true, cooldownMs: 12_500 })
    expect(action.events).toEqual([
      {
        type: 'CUSTOM',
        name: 'agentconnect.cooldown',
        value: { cooldownRemainingMs: 12_500, content: 'Agent is cooling down' },
      },
      {
        type: 'RUN_FINISHED',
        threadId: 't1',
        runId: 'r1',
        result: { cooldown: { retryAfterMs: 12_500 } },
      },
    ])
  })

  it('stop: RUN_FINISHED with the reason', () => {
    const action = validEvents(
      map({ type: 'stop', content: 'done', metadata: { reason: 'max_turns_reached' } }),
    )
    expect(action.events).toEqual([
      {
        type: 'RUN_FINISHED',
        threadId: 't1',
        runId: 'r1',
        result: { stopped: true, reason: 'max_turns_reached' },
      },
    ])
  })

  it('system and info notices become CUSTOM events and keep the run going', () => {
    for (const type of ['system', 'info']) {
      const action = validEvents(
        map({ type, content: 'Session closes in 5 minutes', metadata: { kind: 'timeout' } }),
      )
      expect(action.terminal).toBe(false)
      expect(action.events).toEqual([
        {
          type: 'CUSTOM',
          name: `agentconnect.${type}`,
          value: { content: 'Session closes in 5 minutes', metadata: { kind: 'timeout' } },
        },
      ])
    }
  })

  it('error: RUN_ERROR with the metadata code, or agentconnect_error', () => {
    expect(
      validEvents(
        map({ type: 'error', content: 'Model failed', metadata: { code: 'provider_error' } }),
      ).events,
    ).toEqual([{ type: 'RUN_ERROR', message: 'Model failed', code: 'provider_error' }])
    expect(validEvents(map({ type: 'error', content: 'x' })).events[0]).toMatchObject({
      code: 'agentconnect_error',
    })
  })

  it('malformed frames become typed errors with the raw data', () => {
    const notJson = map('not json {')
    expect(notJson).toBeInstanceOf(AgentError)
    expect(notJson).toMatchObject({ code: 'invalid_json', event: 'not json {' })
    expect(map('[1,2]')).toMatchObject({ code: 'bad_frame' })
    expect(map('{"content":"no type"}')).toMatchObject({ code: 'bad_frame' })
    expect(readAgentConnectFrame(new ArrayBuffer(2))).toMatchObject({ code: 'bad_frame' })
    expect(map({ type: 'text', content: { rich: true } })).toMatchObject({ code: 'bad_frame' })
    expect(map({ type: 'error', content: 42 })).toMatchObject({ code: 'bad_frame' })
  })

  it('metadata that is not an object is read as empty', () => {
    const frame = readAgentConnectFrame(JSON.stringify({ type: 'cooldown', metadata: 'x' }))
    expect(frame).toMatchObject({ type: 'cooldown', metadata: {} })
  })
})
