/**
 * HttpAgent with the SSE reader (decoder + frame JSON, `sseReaderChunk.ts`) not loaded yet
 * (issue 7: a lazy chunk, loaded with the run's request like the event validator): the body is
 * read ahead meanwhile, so nothing that arrived is lost, even when the connection breaks before
 * the chunk is there; a chunk that fails ends the run with `load_failed`, and the next run loads
 * it again.
 */
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import { gateChunk } from '../../setup/gateChunk'
import { turns } from '../protocol/gateEventParser'
import { controlledResponse, sseBytes as sse } from './controlledResponse'
import { collect } from './testServer'

const CHUNK = resolve('src/core/transport/sseReaderChunk.ts')
afterEach(() => {
  vi.doUnmock(CHUNK)
  vi.resetModules()
  vi.restoreAllMocks()
})

const input: RunAgentInput = { threadId: 't1', runId: 'r1', messages: [], tools: [], context: [] }
const events = [
  { type: 'RUN_STARTED', threadId: 't1', runId: 'r1' },
  { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
  { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'Hi' },
]
const finished = { type: 'RUN_FINISHED', threadId: 't1', runId: 'r1' }
/**
 * An HttpAgent from fresh modules, answering each request with the next of `responses` (no
 * answer at all once they are used up).
 */
async function freshAgent(...responses: Response[]) {
  const { HttpAgent } = await import('../../../src/core/transport/HttpAgent')
  const answer = () => responses.shift() ?? new Promise<Response>(() => undefined)
  return new HttpAgent({
    url: 'http://agent.invalid/run',
    fetch: async () => answer(),
    maxEventBytes: 4096,
  })
}

describe('HttpAgent: the SSE reader loads in parallel with the request', () => {
  it('starts the load with the run, before the answer', async () => {
    const { chunk } = gateChunk(CHUNK)
    const agent = await freshAgent() // the request is never answered
    const sub = agent.run(input).subscribe({ error: () => undefined })
    await turns(1)
    expect(chunk.imports).toBe(1)
    sub.unsubscribe()
  })

  it('bytes that arrived before a connection break are read ahead, then decoded and delivered in order', async () => {
    const { release } = gateChunk(CHUNK)
    const { response, body } = controlledResponse()
    const agent = await freshAgent(response)
    const result = collect(agent.run(input))
    body().enqueue(sse(events.slice(0, 2)))
    body().enqueue(sse(events.slice(2)))
    await turns()
    // A stream that errors discards what it queues: only reading ahead keeps these events.
    body().error(new TypeError('network connection was lost'))
    await turns()
    release()
    const { events: got, error } = await result
    expect(got).toEqual(events)
    expect(error).toMatchObject({ code: 'truncated' })
  })

  it('a stream that ends normally while loading completes once the reader is there', async () => {
    const { release } = gateChunk(CHUNK)
    const { response, body } = controlledResponse()
    const agent = await freshAgent(response)
    const result = collect(agent.run(input))
    body().enqueue(sse([events[0], finished]))
    body().close()
    await turns()
    release()
    expect(await result).toMatchObject({
      completed: true,
      events: [{ type: 'RUN_STARTED' }, { type: 'RUN_FINISHED' }],
    })
  })

  it('holds at most maxEventBytes while loading: the rest waits in the stream, nothing is lost', async () => {
    const { release } = gateChunk(CHUNK)
    const deltas = Array.from({ length: 40 }, (_, i) => ({
      ...events[2],
      delta: `${i}`.repeat(500),
    }))
    const frames = [events[0], events[1], ...deltas, finished].map((e) => sse([e]))
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          const next = frames.shift()
          if (!next) return controller.close()
          pulled += next.byteLength
          controller.enqueue(next)
        },
      },
      { highWaterMark: 0 },
    )
    const response = new Response(stream, { headers: { 'content-type': 'text/event-stream' } })
    const agent = await freshAgent(response)
    const result = collect(agent.run(input))
    await turns(10)
    expect(pulled).toBeGreaterThan(4096) // it does read ahead…
    expect(pulled).toBeLessThan(4096 + 2 * 1100) // …up to the limit (and one frame in flight)
    release()
    expect(await result).toMatchObject({
      completed: true,
      events: [events[0], events[1], ...deltas, finished],
    })
  })

  it('a chunk that fails to load ends the run with load_failed; the next run loads it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // the preload logs the failure
    const { chunk, release } = gateChunk(CHUNK)
    chunk.fail = true
    const first = controlledResponse()
    const second = controlledResponse()
    const agent = await freshAgent(first.response, second.response)
    const failed = collect(agent.run(input))
    first.body().enqueue(sse(events))
    release()
    const { events: none, error } = await failed
    expect(none).toEqual([])
    expect(error).toMatchObject({ name: 'AgentError', code: 'load_failed', retryable: true })
    expect(error?.message).toMatch(/Server-Sent Events reader could not be loaded/)

    chunk.fail = false
    const served = collect(agent.run(input))
    second.body().enqueue(sse([...events, finished]))
    second.body().close()
    expect(await served).toMatchObject({ completed: true, events: [...events, finished] })
    expect(chunk.imports).toBe(2)
  })

  it('an abort while the reader loads ends the run aborted at once, with or without a body', async () => {
    gateChunk(CHUNK) // never released
    const { response, body } = controlledResponse()
    const bodiless = new Response(null, { headers: { 'content-type': 'text/event-stream' } })
    const agent = await freshAgent(response, bodiless)
    for (const _ of ['body', 'no body']) {
      const controller = new AbortController()
      const result = collect(agent.run(input, { signal: controller.signal }))
      await turns()
      controller.abort()
      expect(await result).toMatchObject({ events: [], error: { code: 'aborted' } })
    }
    expect(() => body().enqueue(sse(events))).toThrow() // the first body was cancelled
  })

  it('preloadSseReader never rejects: a failed load is logged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { chunk, release } = gateChunk(CHUNK)
    chunk.fail = true
    release()
    const { preloadSseReader } = await import('../../../src/core/transport/loadSseReader')
    await expect(preloadSseReader()).resolves.toBeUndefined()
    expect(log).toHaveBeenCalledWith(
      '[agent-wire-react]',
      expect.stringMatching(/Server-Sent Events reader could not be loaded/),
    )
  })
})
