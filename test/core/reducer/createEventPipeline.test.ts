import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AgentEvent } from '../../../src/core'
import { isAgentError } from '../../../src/core/protocol/AgentError'
import { applyEvent } from '../../../src/core/reducer/applyEvent'
import { ChunkExpander } from '../../../src/core/reducer/ChunkExpander'
import { createEventPipeline } from '../../../src/core/reducer/createEventPipeline'
import { createSnapshot } from '../../../src/core/reducer/Snapshot'
import type { AgentSnapshot } from '../../../src/core/reducer/AgentSnapshot'
import { createStreamVerifier } from '../../../src/core/reducer/createStreamVerifier'

/**
 * The pipeline without its shortcuts: every event through chunk expansion, verification and
 * `applyEvent`, the spec's processing order written out. Returns the snapshot after each push
 * (until the first violation), the events applied, and the violation's message.
 */
function reference(events: AgentEvent[]) {
  const expander = new ChunkExpander()
  const verifier = createStreamVerifier()
  let s: AgentSnapshot = createSnapshot()
  const snapshots: AgentSnapshot[] = []
  const applied: AgentEvent[] = []
  for (const event of events) {
    try {
      for (const e of expander.push(event)) {
        verifier.check(e)
        s = applyEvent(s, e)
        applied.push(e)
      }
    } catch (error) {
      if (!isAgentError(error)) throw error
      return { snapshots, applied, error: error.message, last: s }
    }
    snapshots.push(s)
  }
  return { snapshots, applied, error: undefined, last: s }
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

type Kind = 'text' | 'reasoning' | 'tool'
const KINDS: Kind[] = ['text', 'reasoning', 'tool']
const SUBS = [undefined, 's1', 's2']
const DELTAS = ['x', 'yz', ' ']

const withSub = (e: object, subagentRunId: string | undefined) =>
  (subagentRunId === undefined ? e : { ...e, subagentRunId }) as AgentEvent

function token(kind: Kind, id: string, delta: string, sub: string | undefined): AgentEvent {
  if (kind === 'tool') return withSub({ type: 'TOOL_CALL_ARGS', toolCallId: id, delta }, sub)
  const type = kind === 'text' ? 'TEXT_MESSAGE_CONTENT' : 'REASONING_MESSAGE_CONTENT'
  return withSub({ type, messageId: id, delta }, sub)
}

function bound(kind: Kind, id: string, end: boolean, sub: string | undefined): AgentEvent {
  if (kind === 'tool')
    return withSub(
      end
        ? { type: 'TOOL_CALL_END', toolCallId: id }
        : { type: 'TOOL_CALL_START', toolCallId: id, toolCallName: 'f' },
      sub,
    )
  const prefix = kind === 'text' ? 'TEXT_MESSAGE_' : 'REASONING_MESSAGE_'
  return withSub({ type: `${prefix}${end ? 'END' : 'START'}`, messageId: id }, sub)
}

/**
 * Streams built from random choices against a model of what is open, so that most of them run
 * long: mostly tokens to an open message or call (runs of them: streaks), starts and ends, and
 * now and then what breaks a streak or the stream (a token after its end, another id, another
 * `subagentRunId`, a chunk, the run's end, a second run).
 */
const stream = fc
  .array(fc.tuple(fc.nat(99), fc.nat(), fc.nat()), { maxLength: 60 })
  .map((steps) => {
    const open = new Map<string, { kind: Kind; sub: string | undefined }>()
    const events: AgentEvent[] = [{ type: 'RUN_STARTED', threadId: 't', runId: 'r1' } as AgentEvent]
    let next = 0
    let last: { kind: Kind; id: string; sub: string | undefined } | undefined
    for (const [roll, a, b] of steps) {
      const delta = DELTAS[b % DELTAS.length]
      const entries = [...open]
      if (roll < 55 && last) {
        // The streak goes on (a token to the same id), or is broken by a different subagentRunId.
        events.push(token(last.kind, last.id, delta, roll < 50 ? last.sub : SUBS[a % 3]))
      } else if (roll < 65 && entries.length) {
        const [id, { kind, sub }] = entries[a % entries.length]
        last = { kind, id, sub: b % 2 ? sub : undefined }
        events.push(token(kind, id, delta, last.sub))
      } else if (roll < 78) {
        const kind = KINDS[a % 3]
        const id = `${kind}-${next++}`
        const sub = SUBS[b % 3]
        open.set(id, { kind, sub })
        events.push(
          kind === 'text'
            ? withSub({ type: 'TEXT_MESSAGE_START', messageId: id, role: 'assistant' }, sub)
            : bound(kind, id, false, sub),
        )
      } else if (roll < 88 && entries.length) {
        const [id, { kind }] = entries[a % entries.length]
        open.delete(id)
        // Mostly the streak ends with its message; now and then a token follows the end.
        if (last?.id === id && b % 4 !== 0) last = undefined
        events.push(bound(kind, id, true, undefined))
      } else if (roll < 92) {
        events.push(token(KINDS[a % 3], `${KINDS[a % 3]}-${b % (next + 1)}`, delta, undefined))
      } else if (roll < 95) {
        events.push(
          (a % 2
            ? { type: 'TEXT_MESSAGE_CHUNK', messageId: `text-${b % (next + 1)}`, delta }
            : {
                type: 'TOOL_CALL_CHUNK',
                toolCallId: 'chunked',
                toolCallName: 'f',
                delta,
              }) as AgentEvent,
        )
      } else if (roll < 97) {
        events.push({ type: 'STEP_STARTED', stepName: `p${a % 2}` } as AgentEvent)
      } else {
        events.push(
          [
            { type: 'RUN_FINISHED', threadId: 't', runId: 'r1' },
            { type: 'RUN_ERROR', message: 'boom' },
            { type: 'RUN_STARTED', threadId: 't', runId: 'r2' },
          ][a % 3] as AgentEvent,
        )
      }
    }
    return events
  })

const opening = [
  { type: 'RUN_STARTED', threadId: 't', runId: 'r1' },
  { type: 'TEXT_MESSAGE_START', messageId: 'a', role: 'assistant' },
]

describe('createEventPipeline', () => {
  it('ends where expansion, verification and applyEvent of every event end, token streaks included, and never changes a snapshot it returned (property)', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.boolean(), { maxLength: 60 }), (events, reads) => {
        const ref = reference(events)
        const applied: AgentEvent[] = []
        const pipeline = createEventPipeline({ onEvent: (e) => applied.push(e) })
        let s: AgentSnapshot = createSnapshot()
        /** Every snapshot returned, and what it read as when it was read (now or never). */
        const seen: Array<[AgentSnapshot, unknown]> = []
        for (let i = 0; i < events.length; i++) {
          s = pipeline.push(s, events[i])
          if (pipeline.error) break
          // Read at random moments: the lazily built views (messages, toolCalls) are built
          // between later pushes, or only at the end.
          const now = reads[i] ? plain(s) : undefined
          if (reads[i]) expect(now).toEqual(plain(ref.snapshots[i]))
          seen.push([s, now])
        }
        // Nothing returned earlier changed under the pushes that followed it, read or not.
        seen.forEach(([snapshot, then], i) => {
          expect(plain(snapshot)).toEqual(plain(ref.snapshots[i]))
          if (then !== undefined) expect(plain(snapshot)).toEqual(then)
        })
        expect(pipeline.error?.message).toBe(ref.error)
        expect(applied).toEqual(ref.applied)
        if (ref.error !== undefined) {
          expect(s.run.status).toBe('error')
          expect(plain(s.messages)).toEqual(plain(ref.last.messages))
        }
      }),
      { numRuns: 500 },
    )
  })

  it('a token streak stops at a violation: content after the message ended is refused', () => {
    const pipeline = createEventPipeline()
    let s: AgentSnapshot = createSnapshot()
    for (const e of [
      ...opening,
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a', delta: 'one ' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a', delta: 'two' },
      { type: 'TEXT_MESSAGE_END', messageId: 'a' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a', delta: ' three' },
    ])
      s = pipeline.push(s, e)
    expect(pipeline.error?.code).toBe('protocol_violation')
    expect(s.run.status).toBe('error')
    expect(s.messages[0]).toMatchObject({ id: 'a', content: 'one two' })
  })

  it('a token with a subagentRunId that does not match its opener is refused mid-streak', () => {
    const pipeline = createEventPipeline()
    let s: AgentSnapshot = createSnapshot()
    for (const e of [
      { type: 'RUN_STARTED', threadId: 't', runId: 'r1' },
      { type: 'TEXT_MESSAGE_START', messageId: 'a', role: 'assistant', subagentRunId: 's1' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a', delta: 'one' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a', delta: 'two', subagentRunId: 's2' },
    ])
      s = pipeline.push(s, e)
    expect(pipeline.error?.message).toMatch(/subagentRunId 's2' does not match/)
    expect(s.messages[0]).toMatchObject({ content: 'one' })
  })
})
