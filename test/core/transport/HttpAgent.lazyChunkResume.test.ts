/**
 * HttpAgent: a lazy chunk (the SSE reader, the event validator) that fails to load while the run
 * is resumable (issue 7; issue 6 "HTTP resume", fault-findings F5) is retried by the resume
 * loop like a network failure (the next response loads it again), within the resume's attempt
 * budget, instead of ending the run `load_failed`.
 */
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionState } from '../../../src/core/transport/ConnectionState'
import type { HttpAgentOptions } from '../../../src/core/transport/HttpAgentOptions'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import { gateChunk } from '../../setup/gateChunk'
import { collect } from './testServer'
import { replyEvents } from './wsTestServer'

const SSE_READER = resolve('src/core/transport/sseReaderChunk.ts')
const VALIDATOR = resolve('src/core/protocol/parseEvent.ts')
afterEach(() => {
  for (const chunk of [SSE_READER, VALIDATOR]) vi.doUnmock(chunk)
  vi.resetModules()
  vi.restoreAllMocks()
})

const input: RunAgentInput = { threadId: 't1', runId: 'r1', messages: [], tools: [], context: [] }
const events = replyEvents('t1', 'r1', 'Hi')

/** The run's events after `lastEventId`, with their ids, as the kit's resumable server answers. */
function resumable(lastEventId = 0): Response {
  const body = events
    .slice(lastEventId)
    .map((e, i) => `id: ${lastEventId + i + 1}\ndata: ${JSON.stringify(e)}\n\n`)
    .join('')
  return new Response(body, {
    headers: { 'content-type': 'text/event-stream', 'x-awr-resumable': '1' },
  })
}

type Answer = (init: RequestInit) => Response | Promise<Response>

/** An HttpAgent from fresh modules whose `fetch` answers request n with `answers[n]`. */
async function freshAgent(answers: Answer[], options: Partial<HttpAgentOptions> = {}) {
  const { HttpAgent } = await import('../../../src/core/transport/HttpAgent')
  const requests: string[] = []
  const agent = new HttpAgent({
    url: 'http://agent.invalid/run',
    reconnect: { baseMs: 1 },
    fetch: async (url, init = {}) => {
      const lastId = new Headers(init.headers).get('last-event-id')
      requests.push(`${init.method} ${String(url)}${lastId === null ? '' : ` @${lastId}`}`)
      const answer = answers.shift()
      if (!answer) throw new TypeError('no answer scripted')
      return answer(init)
    },
    ...options,
  })
  const states: ConnectionState[] = []
  agent.subscribeConnection((state) => states.push(state))
  return { agent, requests, states }
}

describe('HttpAgent: a chunk that fails to load on a resumable run is retried by the resume loop', () => {
  it('the SSE reader fails under the first answer: the run resumes from id 0 and ends whole', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // the preload logs the failure
    const { chunk, release } = gateChunk(SSE_READER)
    chunk.fail = true
    const { agent, requests, states } = await freshAgent([
      () => {
        release() // the load started with the run fails now
        return resumable()
      },
      () => {
        chunk.fail = false // the network is back for the resume
        return resumable()
      },
    ])
    const result = await collect(agent.run(input))
    expect(result).toMatchObject({ completed: true, events })
    expect(requests).toEqual([
      'POST http://agent.invalid/run',
      'GET http://agent.invalid/run/runs/r1/events @0',
    ])
    expect(chunk.imports).toBe(2)
    expect(states).toContainEqual(
      expect.objectContaining({
        status: 'reconnecting',
        attempt: 1,
        error: expect.objectContaining({ code: 'load_failed' }),
      }),
    )
  })

  it('F5: the POST is lost and the chunk fails while the network is down; the attach loop retries both', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { chunk, release } = gateChunk(SSE_READER)
    chunk.fail = true
    const { agent, requests } = await freshAgent(
      [
        () => {
          throw new TypeError('Failed to fetch') // the POST, before its answer's head
        },
        () => {
          release() // the attach is answered, but the chunk still fails
          return resumable()
        },
        () => {
          chunk.fail = false
          return resumable()
        },
      ],
      { resumable: true },
    )
    const result = await collect(agent.run(input))
    expect(result).toMatchObject({ completed: true, events })
    expect(requests).toEqual([
      'POST http://agent.invalid/run',
      'GET http://agent.invalid/run/runs/r1/events @0',
      'GET http://agent.invalid/run/runs/r1/events @0',
    ])
  })

  it('the event validator fails: the next response gets a fresh parser, which loads it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { chunk, release } = gateChunk(VALIDATOR)
    chunk.fail = true
    const { agent } = await freshAgent([
      () => {
        release()
        return resumable()
      },
      () => {
        chunk.fail = false
        return resumable()
      },
    ])
    expect(await collect(agent.run(input))).toMatchObject({ completed: true, events })
    expect(chunk.imports).toBe(2)
  })

  it('a chunk that keeps failing ends the run truncated once the attempts are used, cause load_failed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { chunk, release } = gateChunk(SSE_READER)
    chunk.fail = true
    release()
    const answers = Array.from({ length: 4 }, () => () => resumable())
    const { agent, requests } = await freshAgent(answers, {
      reconnect: { baseMs: 1, maxAttempts: 2 },
    })
    const { events: got, error } = await collect(agent.run(input))
    expect(got).toEqual([])
    expect(error).toMatchObject({
      code: 'truncated',
      cause: { code: 'load_failed', retryable: true },
    })
    expect(error?.message).toMatch(/Gave up resuming run r1 after 2 attempts/)
    expect(requests).toHaveLength(3) // the POST and 2 resumes
  })

  it('a run whose server does not keep it still ends load_failed (nothing to resume)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { chunk, release } = gateChunk(SSE_READER)
    chunk.fail = true
    release()
    const { agent, requests } = await freshAgent([
      () => new Response('data: {}\n\n', { headers: { 'content-type': 'text/event-stream' } }),
    ])
    const { error } = await collect(agent.run(input))
    expect(error).toMatchObject({ code: 'load_failed', retryable: true })
    expect(requests).toHaveLength(1)
  })
})
