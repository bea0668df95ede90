import { describe, expect, it } from 'vitest'
import { applyEvent, createSnapshot, type AgentSnapshot } from '../../src/core'
import { toToolCallState, toToolCallStates } from '../../src/react/toToolCallState'

function stream(deltas: string[]): AgentSnapshot[] {
  let s: AgentSnapshot = createSnapshot({ threadId: 't' })
  s = applyEvent(s, { type: 'RUN_STARTED', threadId: 't', runId: 'r' } as never)
  s = applyEvent(s, {
    type: 'TOOL_CALL_START',
    toolCallId: 'tc-state',
    toolCallName: 'lookup',
    parentMessageId: 'a1',
  } as never)
  const out = [s]
  for (const delta of deltas) {
    s = applyEvent(s, { type: 'TOOL_CALL_ARGS', toolCallId: 'tc-state', delta } as never)
    out.push(s)
  }
  return out
}

describe('toToolCallState', () => {
  it('carries every field of the view plus parsedArgs, and the same object for the same view', () => {
    const snapshots = stream(['{"q":"par', 'is"}'])
    let s = snapshots[snapshots.length - 1]
    s = applyEvent(s, { type: 'TOOL_CALL_END', toolCallId: 'tc-state' } as never)
    s = applyEvent(s, {
      type: 'TOOL_CALL_RESULT',
      messageId: 'r1',
      toolCallId: 'tc-state',
      content: 'sunny',
    } as never)
    const view = s.toolCalls['tc-state']
    const state = toToolCallState(view)
    expect(state).toEqual({ ...view, parsedArgs: { q: 'paris' } })
    expect(Object.keys(state).sort()).toEqual([...Object.keys(view), 'parsedArgs'].sort())
    expect(toToolCallState(view)).toBe(state)
    expect(toToolCallStates(s.toolCalls)).toBe(toToolCallStates(s.toolCalls))
  })

  it('parses the arguments as they stream, reading older snapshots correctly too', () => {
    const snapshots = stream(['{"city":"Par', 'is","days":', '3}'])
    const states = snapshots.map((s) => toToolCallState(s.toolCalls['tc-state']).parsedArgs)
    expect(states).toEqual([
      undefined,
      { city: 'Par' },
      { city: 'Paris' },
      { city: 'Paris', days: 3 },
    ])
    expect(toToolCallState(snapshots[1].toolCalls['tc-state']).parsedArgs).toEqual({ city: 'Par' })
  })
})
