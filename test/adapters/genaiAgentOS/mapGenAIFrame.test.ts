import { describe, expect, it } from 'vitest'
import { mapGenAIFrame, toSessionUuid } from '../../../src/core/adapters/genaiAgentOS'
import { AgentError } from '../../../src/core/protocol/AgentError'
import { createEventParser } from '../../../src/core/protocol/parseEvent'
import { genaiLog, genaiResponse, weatherTurn, type GenAITurn } from './createGenAIFake'

const ctx = { threadId: 't1', runId: 'r1' }
const turn: GenAITurn = {
  sessionId: '00000000-0000-4000-8000-000000000000',
  frame: { message: 'Weather?', provider: 'openai', llm_name: 'gpt-4o', files: [] },
}
const frameOf = (step: unknown) => JSON.stringify((step as { frame: unknown }).frame)

function events(data: unknown) {
  const action = mapGenAIFrame(data, ctx)
  if (action instanceof AgentError || action.kind !== 'events') throw new Error('no events')
  const parser = createEventParser()
  for (const event of action.events) expect(parser.parse(event)).toMatchObject({ ok: true })
  return action
}

describe('mapGenAIFrame', () => {
  it('start/end log markers become steps named by the agent; other logs CUSTOM genai.log', () => {
    const start = genaiLog(
      turn,
      JSON.stringify({ agent_name: 'get_weather', is_start_execution: true }),
    )
    const end = genaiLog(turn, JSON.stringify({ is_start_execution: false }), 'agent-7')
    expect(events(frameOf(start)).events).toEqual([
      { type: 'STEP_STARTED', stepName: 'get_weather' },
    ])
    expect(events(frameOf(end)).events).toEqual([{ type: 'STEP_FINISHED', stepName: 'agent-7' }])
    const plain = events(frameOf(genaiLog(turn, 'Routing…')))
    expect(plain.terminal).toBe(false)
    expect(plain.events[0]).toMatchObject({
      type: 'CUSTOM',
      name: 'genai.log',
      value: { level: 'info', message: 'Routing…', agentId: 'master-agent' },
    })
  })

  it('agent_response: master tool calls, called agents as results (by id), the answer, RUN_FINISHED', () => {
    const response = weatherTurn(turn).at(-1)
    const action = events(frameOf(response))
    expect(action.terminal).toBe(true)
    expect(action.events).toEqual([
      {
        type: 'TOOL_CALL_START',
        toolCallId: 'call_1',
        toolCallName: 'get_weather',
        parentMessageId: 'r1-calls',
      },
      { type: 'TOOL_CALL_ARGS', toolCallId: 'call_1', delta: '{"city":"Paris"}' },
      { type: 'TOOL_CALL_END', toolCallId: 'call_1' },
      {
        type: 'TOOL_CALL_RESULT',
        messageId: 'r1-result-call_1',
        toolCallId: 'call_1',
        content: '{"temperature":21,"sky":"sunny"}',
        role: 'tool',
      },
      { type: 'TEXT_MESSAGE_START', messageId: 'r1-answer', role: 'assistant' },
      {
        type: 'TEXT_MESSAGE_CONTENT',
        messageId: 'r1-answer',
        delta: 'Sunny in Paris (you asked: Weather?)',
      },
      { type: 'TEXT_MESSAGE_END', messageId: 'r1-answer' },
      { type: 'RUN_FINISHED', threadId: 't1', runId: 'r1', result: { requestId: 'req-1' } },
    ])
  })

  it('matches results by name when the trace has no ids, and generates call ids; string args kept as JSON', () => {
    const response = genaiResponse(turn, {
      response: 'Done',
      is_success: true,
      agents_trace: [
        {
          name: 'master',
          output: {
            tool_calls: [
              { name: 'a', args: '{"x":1}' },
              { name: 'b', args: 'plain' },
            ],
          },
        },
        { name: 'b', output: 'B out' },
        { name: 'a', output: 'A out' },
        { name: 'stray', output: 'no call' },
      ],
    })
    const action = events(frameOf(response))
    const results = action.events.filter((e) => e.type === 'TOOL_CALL_RESULT')
    expect(results).toEqual([
      expect.objectContaining({ toolCallId: 'r1-call-2', content: 'B out' }),
      expect.objectContaining({ toolCallId: 'r1-call-1', content: 'A out' }),
    ])
    const args = action.events
      .filter((e) => e.type === 'TOOL_CALL_ARGS')
      .map((e) => (e as { delta: string }).delta)
    expect(args).toEqual(['{"x":1}', '"plain"'])
  })

  it('is_success:false ends with RUN_ERROR genai_failed after what the trace holds', () => {
    const response = genaiResponse(turn, {
      response: 'Agent crashed',
      is_success: false,
      agents_trace: [],
    })
    const action = events(frameOf(response))
    expect(action.events.map((e) => e.type)).toEqual([
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'RUN_ERROR',
    ])
    expect(action.events.at(-1)).toMatchObject({ code: 'genai_failed', message: 'Agent crashed' })
  })

  it('{"error"} and plain-text frames are RUN_ERROR genai_error', () => {
    expect(events('{"error":"Unknown provider: x"}').events).toEqual([
      { type: 'RUN_ERROR', message: 'Unknown provider: x', code: 'genai_error' },
    ])
    expect(events('Invalid message format').events).toEqual([
      { type: 'RUN_ERROR', message: 'Invalid message format', code: 'genai_error' },
    ])
  })

  it('malformed frames: typed errors; unknown types ignored', () => {
    expect(mapGenAIFrame(new Uint8Array(1), ctx)).toMatchObject({ code: 'bad_frame' })
    expect(mapGenAIFrame('[1]', ctx)).toMatchObject({ code: 'bad_frame' })
    expect(mapGenAIFrame('{"type":"agent_response","response":{}}', ctx)).toMatchObject({
      code: 'bad_frame',
    })
    expect(mapGenAIFrame('{"type":"agent_log"}', ctx)).toMatchObject({ code: 'bad_frame' })
    expect(mapGenAIFrame('{"type":"progress"}', ctx)).toEqual({
      kind: 'ignore',
      unknownType: 'progress',
    })
  })
})

describe('toSessionUuid', () => {
  it('keeps a UUID threadId, derives a stable UUID from any other', () => {
    const uuid = 'A1B2C3D4-0000-4000-8000-000000000001'
    expect(toSessionUuid(uuid)).toBe(uuid.toLowerCase())
    const derived = toSessionUuid('thread-1')
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(toSessionUuid('thread-1')).toBe(derived)
    expect(toSessionUuid('thread-2')).not.toBe(derived)
  })
})
