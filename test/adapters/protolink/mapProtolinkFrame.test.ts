import { describe, expect, it } from 'vitest'
import {
  createProtolinkMapState,
  mapProtolinkFrame,
  type ProtolinkMapState,
} from '../../../src/core/adapters/protolink'
import { isAgentError } from '../../../src/core/protocol/AgentError'
import { createEventParser } from '../../../src/core/protocol/parseEvent'
import { reduceEvents } from '../../../src/core/reducer/reduceEvents'
import { approvalRequest, finalTask, last, llm, ok, okFalse, status } from './protolinkFrames'

type Wire = { type: string } & Record<string, unknown>

/** Maps `frames` after a RUN_STARTED; every event must pass the kit's parser without findings. */
function run(
  frames: unknown[],
  state: ProtolinkMapState = createProtolinkMapState('t1', 'r1', 'task-1'),
) {
  const events: Wire[] = [{ type: 'RUN_STARTED', threadId: 't1', runId: state.runId }]
  const ends: unknown[] = []
  for (const frame of frames) {
    const mapped = mapProtolinkFrame(frame, state)
    events.push(...(mapped.events as unknown as Wire[]))
    if (mapped.end) ends.push(mapped.end)
  }
  const parser = createEventParser()
  for (const event of events) {
    const parsed = parser.parse(event)
    expect(parsed.ok, JSON.stringify(event)).toBe(true)
    expect(parsed.diagnostics).toEqual([])
  }
  return { events, ends, snapshot: reduceEvents(events, { threadId: 't1' }), state }
}

const types = (events: Wire[]) => events.map((e) => e.type)

describe('mapProtolinkFrame', () => {
  it('llm_chunk streams text, llm_final ends it, completed finishes the run', () => {
    const { events, ends, snapshot } = run([
      ok(status('task-1', 'submitted', 'working')),
      ok(llm('llm_call_started')),
      ok(llm('llm_chunk', 'Hel')),
      ok(llm('llm_chunk', '')),
      ok(llm('llm_chunk', 'lo')),
      ok(llm('llm_final', 'Hello')),
      ok(llm('llm_call_completed')),
      ok(status('task-1', 'working', 'completed', true, finalTask('task-1', 'completed', 'Hello'))),
      last(),
    ])
    expect(types(events)).toEqual([
      'RUN_STARTED',
      'CUSTOM',
      'STEP_STARTED',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'STEP_FINISHED',
      'RUN_FINISHED',
    ])
    expect(ends).toEqual([{ kind: 'finished' }])
    expect(snapshot.run.status).toBe('finished')
    expect(snapshot.messages).toMatchObject([{ role: 'assistant', content: 'Hello' }])
  })

  it('shows the final task text when nothing streamed (non-streaming LLM)', () => {
    const { snapshot } = run([
      ok(status('task-1', 'working', 'completed', true, finalTask('task-1', 'completed', 'Done.'))),
    ])
    expect(snapshot.messages).toMatchObject([{ role: 'assistant', content: 'Done.' }])
  })

  it('tool_start/tool_result and agent_call_* become tool calls with results, by action_id', () => {
    const { events, snapshot } = run([
      ok(llm('llm_chunk', 'Looking up')),
      ok(llm('tool_start', '', { action_id: 'a1', tool: 'weather', arguments: { city: 'Oslo' } })),
      ok(llm('tool_result', { temp: 3 }, { action_id: 'a1', tool: 'weather' })),
      ok(llm('agent_call_started', 'translate', { action_id: 'a2', agent: 'translator' })),
      ok(llm('agent_call_error', 'timeout', { action_id: 'a2', agent: 'translator' })),
      ok(llm('tool_error', 'boom', { action_id: 'a3', tool: 'calc' })),
      last(),
    ])
    expect(types(events)).toContain('TOOL_CALL_RESULT')
    expect(snapshot.run.status).toBe('finished')
    expect(snapshot.toolCalls.a1).toMatchObject({ name: 'weather', args: '{"city":"Oslo"}' })
    expect(snapshot.toolCalls.a2).toMatchObject({ name: 'agent:translator', args: '"translate"' })
    expect(snapshot.toolCalls.a3).toMatchObject({ name: 'calc' })
    const results = snapshot.messages.filter((m) => m.role === 'tool')
    expect(results).toMatchObject([
      { toolCallId: 'a1', content: '{"temp":3}' },
      { toolCallId: 'a2', content: 'Error: timeout' },
      { toolCallId: 'a3', content: 'Error: boom' },
    ])
  })

  it('approval_required emits the call and ends the run with a tool_call interrupt', () => {
    const request = approvalRequest('req-9', 'act-9', 'fetch_url', { url: 'https://x.test' })
    const { ends, snapshot, state } = run([
      ok(llm('llm_call_started')),
      ok(llm('approval_required', '', { request })),
    ])
    const interrupt = {
      id: 'protolink-approval:req-9',
      reason: 'tool_call',
      toolCallId: 'act-9',
      message: 'Run fetch_url',
      metadata: {
        requestId: 'req-9',
        kind: 'tool_call',
        policy: { effect: 'require_approval', reason: 'network access', policy_name: 'default' },
      },
    }
    expect(ends).toEqual([{ kind: 'interrupt', interrupt, approval: request }])
    expect(snapshot.run.status).toBe('interrupted')
    expect(snapshot.toolCalls['act-9']).toMatchObject({
      name: 'fetch_url',
      args: '{"url":"https://x.test"}',
    })
    expect(snapshot.interrupts).toMatchObject([{ id: interrupt.id, toolCallId: 'act-9' }])

    // The resume run reads on: the same call is not started twice; the result and text follow.
    Object.assign(state, { runId: 'r2', ended: false, textSeen: false })
    const resumed = run(
      [
        ok(llm('approval_decision', '', { approved: true })),
        ok(llm('tool_start', '', { action_id: 'act-9', tool: 'fetch_url' })),
        ok(llm('tool_result', 'page', { action_id: 'act-9', tool: 'fetch_url' })),
        ok(llm('llm_chunk', 'Fetched.')),
        ok(llm('llm_call_completed')),
        ok(status('task-1', 'working', 'completed', true)),
      ],
      state,
    )
    expect(types(resumed.events)).toEqual([
      'RUN_STARTED',
      'CUSTOM',
      'TOOL_CALL_RESULT',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'RUN_FINISHED',
    ])
  })

  it('action_denied answers the call with a denial', () => {
    const request = approvalRequest('req-1', 'act-1', 'rm', {})
    const state = createProtolinkMapState('t1', 'r1', 'task-1')
    run([ok(llm('approval_required', '', { request }))], state)
    Object.assign(state, { runId: 'r2', ended: false })
    const { snapshot } = run(
      [ok(llm('action_denied', 'too risky', { action_id: 'act-1' })), last()],
      state,
    )
    expect(snapshot.messages.filter((m) => m.role === 'tool')).toMatchObject([
      { toolCallId: 'act-1', content: 'Denied: too risky' },
    ])
  })

  it('canceled → RUN_FINISHED cancelled; failed, task_error and ok:false → RUN_ERROR', () => {
    const cancelled = run([
      ok(llm('llm_chunk', 'par')),
      ok(status('task-1', 'working', 'canceled', true)),
    ])
    expect(cancelled.events.at(-1)).toMatchObject({
      type: 'RUN_FINISHED',
      outcome: { type: 'cancelled' },
    })
    expect(cancelled.snapshot.run.status).toBe('cancelled')
    expect(cancelled.snapshot.messages).toMatchObject([{ content: 'par' }])

    const failed = run([ok(status('task-1', 'working', 'failed', true))])
    expect(failed.events.at(-1)).toMatchObject({ type: 'RUN_ERROR', code: 'failed' })

    const taskError = run([
      ok(llm('llm_chunk', 'kept')),
      ok({
        type: 'task_error',
        error_code: 'llm_timeout',
        error_message: 'LLM timed out',
        recoverable: false,
      }),
      ok(llm('llm_chunk', 'ignored after the end')),
    ])
    expect(taskError.events.slice(-2)).toMatchObject([
      { type: 'TEXT_MESSAGE_END' },
      { type: 'RUN_ERROR', code: 'llm_timeout', message: 'LLM timed out' },
    ])
    expect(taskError.snapshot.run.status).toBe('error')
    expect(taskError.snapshot.messages).toMatchObject([{ content: 'kept' }])

    const notOk = run([okFalse('Unknown skill', 'ValueError')])
    expect(notOk.events.at(-1)).toEqual({
      type: 'RUN_ERROR',
      message: 'Unknown skill',
      code: 'ValueError',
    })
    expect(notOk.ends).toEqual([{ kind: 'error' }])
  })

  it('input-required ends with an input_required interrupt carrying the question', () => {
    const { ends, snapshot } = run([
      ok(
        status(
          'task-1',
          'working',
          'input-required',
          true,
          finalTask('task-1', 'input-required', 'Which city?'),
        ),
      ),
    ])
    expect(ends).toMatchObject([
      { kind: 'interrupt', interrupt: { reason: 'input_required', message: 'Which city?' } },
    ])
    expect(snapshot.run.status).toBe('interrupted')
    expect(snapshot.messages).toMatchObject([{ role: 'assistant', content: 'Which city?' }])
  })

  it('progress and artifacts become activity snapshots; budget and unknown events CUSTOM', () => {
    const { events, snapshot } = run([
      ok({ type: 'task_progress', progress: 0.5, message: 'half way' }),
      ok({ type: 'task_progress', progress: 1, message: 'done' }),
      ok({ type: 'task_artifact_update', artifact: { artifact_id: 'art1', parts: [] } }),
      ok(llm('budget_warning', '', { used: 90 })),
      ok({ type: 'future_event', x: 1 }),
      last(),
    ])
    expect(events.filter((e) => e.type === 'CUSTOM').map((e) => e.name)).toEqual([
      'protolink.budget_warning',
      'protolink.future_event',
    ])
    const activity = snapshot.messages.filter((m) => m.role === 'activity')
    expect(activity).toMatchObject([
      { activityType: 'protolink.progress', content: { progress: 1, message: 'done' } },
      { activityType: 'protolink.artifact', content: { artifact_id: 'art1' } },
    ])
  })

  it('malformed frames throw bad_frame and leave the state untouched', () => {
    const state = createProtolinkMapState('t1', 'r1', 'task-1')
    mapProtolinkFrame(ok(llm('llm_chunk', 'a')), state)
    for (const frame of [
      null,
      'text',
      { jsonrpc: '2.0', result: {} },
      ok({ no: 'type' }),
      ok(llm('llm_chunk', 42)),
      ok(llm('approval_required', '', { request: { request_id: 1 } })),
    ]) {
      let error: unknown
      try {
        mapProtolinkFrame(frame, state)
      } catch (e) {
        error = e
      }
      expect(isAgentError(error) && error.code, JSON.stringify(frame)).toBe('bad_frame')
    }
    expect(state.ended).toBe(false)
    expect(state.openTextId).toBeDefined()
  })
})
