/**
 * Bad input from issue 7: a 10 MB single event, 100,000 events in one burst, a state patch
 * touching 10,000 paths. Not timed: each must complete, stay bounded, and end in the right
 * error or state.
 */
import { describe, expect, it } from 'vitest'
import {
  HttpAgent,
  createEventParser,
  createEventPipeline,
  createSnapshot,
  reduceEvents,
  type AgentError,
  type AgentEvent,
  type AgentSnapshot,
} from '../../src/core'

const encoder = new TextEncoder()
const frame = (event: object) => `data: ${JSON.stringify(event)}\n\n`
const input = {
  threadId: 't',
  runId: 'r1',
  messages: [],
  tools: [],
  context: [],
  state: {},
  forwardedProps: {},
}

/** A response streaming `parts` (strings) as they are, counting the bytes pulled from it. */
function streamed(parts: Iterable<string>, pulled = { bytes: 0 }): Response {
  const it = parts[Symbol.iterator]()
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = it.next()
      if (next.done) return controller.close()
      const bytes = encoder.encode(next.value)
      pulled.bytes += bytes.byteLength
      controller.enqueue(bytes)
    },
  })
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
}

/** Runs `agent`, reducing what it delivers; resolves with the snapshot and the error, if any. */
function run(agent: HttpAgent): Promise<{ s: AgentSnapshot; error?: AgentError }> {
  const pipeline = createEventPipeline()
  let s: AgentSnapshot = createSnapshot()
  return new Promise((resolve) => {
    agent.run(input as never).subscribe({
      next: (e: AgentEvent) => {
        s = pipeline.push(s, e)
      },
      error: (e: unknown) => {
        const error = e as AgentError
        resolve({ s: pipeline.fail(s, error), error })
      },
      complete: () => resolve({ s: pipeline.end(s) }),
    })
  })
}

const opening = [
  frame({ type: 'RUN_STARTED', threadId: 't', runId: 'r1' }),
  frame({ type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' }),
  frame({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'kept' }),
]

describe('a 10 MB single event', () => {
  /** A 10 MB TEXT_MESSAGE_CONTENT event, sent in 64 KiB pieces. */
  function* hugeEvent(): Generator<string> {
    yield* opening
    const head = `data: {"type":"TEXT_MESSAGE_CONTENT","messageId":"m","delta":"`
    yield head
    const piece = 'x'.repeat(64 * 1024)
    for (let sent = head.length; sent < 10e6; sent += piece.length) yield piece
    yield '"}\n\n'
  }

  it('fails the run with limit_exceeded naming the default limit, keeping what came before', async () => {
    const pulled = { bytes: 0 }
    const agent = new HttpAgent({
      url: 'http://x.invalid',
      fetch: async () => streamed(hugeEvent(), pulled),
    })
    const { s, error } = await run(agent)
    expect(error?.code).toBe('limit_exceeded')
    expect(error?.message).toContain('8388608 bytes (maxEventBytes)')
    expect(s.run.status).toBe('error')
    expect(s.messages).toEqual([{ id: 'm', role: 'assistant', content: 'kept' }])
    // it stops reading at the limit: it never holds the whole 10 MB
    expect(pulled.bytes).toBeLessThan(8388608 + 256 * 1024)
  })

  it('names a configured limit', async () => {
    const pulled = { bytes: 0 }
    const agent = new HttpAgent({
      url: 'http://x.invalid',
      maxEventBytes: 1_000_000,
      fetch: async () => streamed(hugeEvent(), pulled),
    })
    const { error } = await run(agent)
    expect(error?.code).toBe('limit_exceeded')
    expect(error?.message).toContain('1000000 bytes (maxEventBytes)')
    expect(pulled.bytes).toBeLessThan(1_000_000 + 256 * 1024)
  })
})

describe('100,000 events in one burst', () => {
  const N = 100_000
  const events = [
    { type: 'RUN_STARTED', threadId: 't', runId: 'r1' },
    { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
    ...Array.from({ length: N - 4 }, (_, i) => ({
      type: 'TEXT_MESSAGE_CONTENT',
      messageId: 'm',
      delta: String(i % 10),
    })),
    { type: 'TEXT_MESSAGE_END', messageId: 'm' },
    { type: 'RUN_FINISHED', threadId: 't', runId: 'r1' },
  ]
  const expected = Array.from({ length: N - 4 }, (_, i) => String(i % 10)).join('')

  it('arrives in one chunk and is read to the right snapshot, yielding to the event loop meanwhile', async () => {
    let turns = 0
    let reading = true
    const tick = () => {
      turns++
      if (reading) setTimeout(tick, 0)
    }
    setTimeout(tick, 0)
    const agent = new HttpAgent({
      url: 'http://x.invalid',
      fetch: async () => streamed([events.map(frame).join('')]),
    })
    const { s, error } = await run(agent)
    reading = false
    expect(error).toBeUndefined()
    expect(s.run.status).toBe('finished')
    expect(s.messages).toEqual([{ id: 'm', role: 'assistant', content: expected }])
    // timers ran while the burst was decoded: the chunk was not processed in one go
    expect(turns).toBeGreaterThan(2)
  })

  it('reduces with reduceEvents (validation included)', () => {
    const s = reduceEvents(events, {}, { parser: createEventParser() })
    expect(s.run.status).toBe('finished')
    expect(s.messages[0]).toMatchObject({ id: 'm', content: expected })
  })
})

describe('a state patch touching 10,000 paths', () => {
  it('applies through STATE_DELTA, sharing what it does not touch', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i, done: false }))
    const settings = { theme: 'dark' }
    const s = reduceEvents([
      { type: 'RUN_STARTED', threadId: 't', runId: 'r1' },
      { type: 'STATE_SNAPSHOT', snapshot: { rows, settings } },
      {
        type: 'STATE_DELTA',
        delta: rows.map((_, i) => ({ op: 'replace', path: `/rows/${i}/done`, value: true })),
      },
      { type: 'RUN_FINISHED', threadId: 't', runId: 'r1' },
    ])
    const state = s.state as { rows: typeof rows; settings: typeof settings }
    expect(s.diagnostics).toEqual([])
    expect(state.rows.every((r, i) => r.done && r.id === i)).toBe(true)
    expect(state.settings).toEqual(settings)
    expect(rows.every((r) => !r.done)).toBe(true)
  })

  it('is rejected whole when one of its 10,000 operations fails', () => {
    const s = reduceEvents([
      { type: 'RUN_STARTED', threadId: 't', runId: 'r1' },
      { type: 'STATE_SNAPSHOT', snapshot: { n: Array.from({ length: 10_000 }, () => 0) } },
      {
        type: 'STATE_DELTA',
        delta: [
          ...Array.from({ length: 9_999 }, (_, i) => ({
            op: 'replace',
            path: `/n/${i}`,
            value: 1,
          })),
          { op: 'remove', path: '/missing' },
        ],
      },
      { type: 'RUN_FINISHED', threadId: 't', runId: 'r1' },
    ])
    expect((s.state as { n: number[] }).n.every((v) => v === 0)).toBe(true)
    expect(s.diagnostics.at(-1)).toMatchObject({ code: 'state_patch_failed' })
  })
})
