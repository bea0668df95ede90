import { describe, expect, it } from 'vitest'
import { parseRunAgentInput } from '../../../src/core/protocol/parseRunAgentInput'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'

describe('parseRunAgentInput (servers)', () => {
  it('returns the canonical input: defaults, stripped unknowns reported, opaque values kept', () => {
    const seen: Diagnostic[] = []
    const input = parseRunAgentInput(
      {
        threadId: 't',
        runId: 'r',
        messages: [{ id: 'u', role: 'user', content: 'hi', mood: 1 }],
        state: { a: [1] },
        forwardedProps: { x: null },
        extra: 2,
      },
      { onDiagnostic: (d) => seen.push(d) },
    )
    expect(input).toEqual({
      threadId: 't',
      runId: 'r',
      messages: [{ id: 'u', role: 'user', content: 'hi' }],
      state: { a: [1] },
      forwardedProps: { x: null },
      tools: [],
      context: [],
    })
    expect(seen.map((d) => d.message)).toEqual([
      "Removed unrecognised material at '/messages/0/mood' from the RunAgentInput.",
      "Removed unrecognised material at '/extra' from the RunAgentInput.",
    ])
  })

  it('throws AgentError invalid_event naming the failing fields', () => {
    const raw = { runId: 5, messages: [] }
    expect(() => parseRunAgentInput(raw)).toThrowError(
      expect.objectContaining({
        code: 'invalid_event',
        event: raw,
        message: expect.stringContaining('"/threadId":"expected string, received undefined"'),
      }),
    )
    expect(() => parseRunAgentInput('nope')).toThrowError(
      expect.objectContaining({ code: 'invalid_event' }),
    )
  })
})
