/**
 * HttpAgent resume against the kit's real resumable SSE endpoint (`createAgentHandler({
 * resumable })`, demo agent): the response body is cut on the client side at chosen byte
 * offsets (a `fetch` wrapper errors the stream and drops the connection, so the server sees
 * the client go away and detaches). The agent resumes with `Last-Event-ID`; the result must
 * equal an uncut run, with no event lost or repeated.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'
import { reduceEvents } from '../../src/core/reducer/reduceEvents'
import { HttpAgent } from '../../src/core/transport/HttpAgent'
import { createAgentHandler } from '../../src/server/createAgentHandler'
import { createRunRegistry, type RunRegistry } from '../../src/server/createRunRegistry'
import { createDemoAgent } from '../../src/server/demo/createDemoAgent'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function startEndpoint(tokenDelayMs = 1): Promise<{ url: string; registry: RunRegistry }> {
  const registry = createRunRegistry({})
  const handler = createAgentHandler(createDemoAgent({ tokenDelayMs }), { resumable: registry })
  const http: Server = createServer((req, res) => void handler(req, res))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  cleanups.push(async () => {
    registry.close()
    http.closeAllConnections()
    await new Promise<void>((resolve) => http.close(() => resolve()))
  })
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/agent`, registry }
}

/**
 * A `fetch` whose n-th response body breaks after `cuts[n]` bytes (a network error; the
 * connection is dropped). `undefined`: that response is not cut.
 */
function cuttingFetch(cuts: Array<number | undefined>) {
  let request = 0
  const fn = async (url: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(url, init)
    const limit = cuts[request++]
    if (limit === undefined || !response.body) return response
    const reader = response.body.getReader()
    let seen = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read()
        if (done) return controller.close()
        if (seen + value.byteLength >= limit) {
          controller.enqueue(value.subarray(0, limit - seen))
          void reader.cancel()
          controller.error(new TypeError('network error (cut by the test)'))
          return
        }
        seen += value.byteLength
        controller.enqueue(value)
      },
      cancel: () => reader.cancel(),
    })
    return new Response(body, { status: response.status, headers: response.headers })
  }
  return Object.assign(fn, { requests: () => request })
}

let n = 0
const input = (text = 'add ship the demo'): RunAgentInput => ({
  threadId: `thread-${++n}`,
  runId: `run-${n}`,
  messages: [{ id: `user-${n}`, role: 'user', content: text }],
  tools: [],
  context: [],
})

async function reference(run: RunAgentInput): Promise<BaseEvent[]> {
  const events: BaseEvent[] = []
  const source = createDemoAgent({ tokenDelayMs: 0 })(run, { signal: new AbortController().signal })
  for await (const e of source as AsyncIterable<BaseEvent>) events.push(e)
  return events
}

function collect(observable: ReturnType<HttpAgent['run']>) {
  return new Promise<{ events: BaseEvent[]; error?: any; completed: boolean }>((resolve) => {
    const events: BaseEvent[] = []
    observable.subscribe({
      next: (e) => events.push(e),
      error: (error) => resolve({ events, error, completed: false }),
      complete: () => resolve({ events, completed: true }),
    })
  })
}

describe('HttpAgent resume against createAgentHandler({ resumable })', () => {
  it('cuts of the POST and of a resume: the final result equals an uncut run, 0 lost, 0 duplicated', async () => {
    const server = await startEndpoint()
    const doFetch = cuttingFetch([2500, 1500])
    const agent = new HttpAgent({ url: server.url, fetch: doFetch, reconnect: { baseMs: 5 } })
    const run = input()
    const ids: number[] = []
    const result = await collect(agent.run(run, { onEventId: (id) => ids.push(id) }))
    const expected = await reference(run)
    expect(result.completed).toBe(true)
    expect(result.events).toEqual(expected)
    expect(ids).toEqual(expected.map((_, i) => i + 1))
    expect(doFetch.requests()).toBe(3)
    const [got, want] = [reduceEvents(result.events), reduceEvents(expected)]
    expect(got.messages).toEqual(want.messages)
    expect(got.state).toEqual(want.state)
  })

  it('20 runs cut at pseudo-random offsets (seeded): each equals its uncut run', async () => {
    const server = await startEndpoint(0)
    let seed = 42
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 20; i++) {
      const cuts = [Math.floor(random() * 6000) + 1, Math.floor(random() * 4000) + 1]
      const agent = new HttpAgent({
        url: server.url,
        fetch: cuttingFetch(cuts),
        reconnect: { baseMs: 1 },
      })
      const run = input(i % 2 ? 'hello' : 'add ship the demo')
      const result = await collect(agent.run(run))
      expect(result.error, `cuts ${cuts}`).toBeUndefined()
      expect(result.events, `cuts ${cuts}`).toEqual(await reference(run))
    }
  })

  it('stopping a resumable run cancels it on the server', async () => {
    const server = await startEndpoint(20)
    const agent = new HttpAgent({ url: server.url })
    const run = input('hello there, tell me a long story')
    const controller = new AbortController()
    let count = 0
    const error = await new Promise((resolve) =>
      agent.run(run, { signal: controller.signal }).subscribe({
        next: () => ++count === 3 && controller.abort(),
        error: resolve,
      }),
    )
    expect(error).toMatchObject({ code: 'aborted' })
    const managed = server.registry.get(run.runId)!
    await managed.done
    expect(managed.status).toBe('cancelled')
  })

  it('unsubscribe detaches (the run goes on); attach from the last id gets the rest', async () => {
    const server = await startEndpoint(2)
    const agent = new HttpAgent({ url: server.url })
    const run = input()
    const first: BaseEvent[] = []
    let lastEventId = 0
    await new Promise<void>((resolve) => {
      const sub = agent.run(run, { onEventId: (id) => (lastEventId = id) }).subscribe((e) => {
        first.push(e)
        if (first.length === 6) {
          sub.unsubscribe()
          resolve()
        }
      })
    })
    expect(lastEventId).toBe(6)
    const rest = await collect(
      agent.attach({ threadId: run.threadId, runId: run.runId, lastEventId }),
    )
    expect(rest.completed).toBe(true)
    expect([...first, ...rest.events]).toEqual(await reference(run))
  })

  it('cancelRun: 202 from the cancel endpoint; the run ends cancelled', async () => {
    const server = await startEndpoint(20)
    const agent = new HttpAgent({ url: server.url })
    const run = input('hello there, tell me a long story')
    const events: BaseEvent[] = []
    const done = new Promise<void>((resolve) =>
      agent.run(run).subscribe({
        next: (e) => {
          events.push(e)
          if (events.length === 2) void agent.cancelRun(run.runId)
        },
        complete: resolve,
      }),
    )
    await done
    expect(events.at(-1)).toMatchObject({ type: 'RUN_FINISHED', outcome: { type: 'cancelled' } })
  })
})
