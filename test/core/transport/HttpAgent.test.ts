import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpAgent } from '../../../src/core/transport/HttpAgent'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import { collect, sse, startTestServer, writeChunks, type TestServer } from './testServer'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const input: RunAgentInput = {
  threadId: 't1',
  runId: 'r1',
  messages: [{ id: 'u', role: 'user', content: 'hi' }],
  tools: [],
  context: [],
}
const started = { type: 'RUN_STARTED', threadId: 't1', runId: 'r1' }
const finished = { type: 'RUN_FINISHED', threadId: 't1', runId: 'r1' }
const text = (delta: string) => ({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta })
const run = [
  started,
  { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
  text('Hel'),
  text('lo'),
  { type: 'TEXT_MESSAGE_END', messageId: 'm' },
  finished,
]

describe('HttpAgent: request', () => {
  it('POSTs the input as JSON with the SSE headers, static and per-request headers, and declares the protocol version', async () => {
    server.handle((_req, res) => writeChunks(res, [sse(run)]))
    let n = 0
    const agent = new HttpAgent({
      url: server.url,
      headers: async () => ({ Authorization: `Bearer token-${++n}` }),
    })
    expect(agent.validatesEvents).toBe(true)
    const { events, completed } = await collect(agent.run(input))
    expect(completed).toBe(true)
    expect(events).toEqual(run)
    const req = server.requests.at(-1)!
    expect(req.method).toBe('POST')
    expect(req.headers['content-type']).toBe('application/json')
    expect(req.headers.accept).toBe('text/event-stream')
    expect(req.headers.authorization).toBe('Bearer token-1')
    expect(JSON.parse(req.body)).toEqual({ ...input, protocolVersion: '1.1' })
    await collect(agent.run(input))
    expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer token-2')
  })

  it('shapes the request and the events for an older peer (maxProtocolVersion)', async () => {
    server.handle((_req, res) =>
      writeChunks(res, [
        sse([started, { type: 'SUBAGENT_STARTED', subagentRunId: 's', name: 'n' }, finished]),
      ]),
    )
    const diagnostics: Diagnostic[] = []
    const agent = new HttpAgent({ url: server.url, maxProtocolVersion: '0.0.57' })
    const { events } = await collect(
      agent.run({ ...input, protocolVersion: '1.1' }, { onDiagnostic: (d) => diagnostics.push(d) }),
    )
    expect(events.map((e) => e.type)).toEqual(['RUN_STARTED', 'RUN_FINISHED'])
    expect(diagnostics.map((d) => d.message).join()).toContain('dropping SUBAGENT_STARTED')
    expect('protocolVersion' in JSON.parse(server.requests.at(-1)!.body)).toBe(false)
  })
})

describe('HttpAgent: stream', () => {
  it('delivers events of several runs in one stream and a late RUN_ERROR, completing at the end', async () => {
    const second = { ...started, runId: 'r2' }
    const stream = [
      started,
      finished,
      second,
      { type: 'RUN_ERROR', message: 'x' },
      { type: 'RUN_ERROR', message: 'late' },
    ]
    server.handle((_req, res) => writeChunks(res, [sse(stream)]))
    const { events, completed } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(completed).toBe(true)
    expect(events).toEqual(stream)
  })

  it('drops unknown events, reports diagnostics to onDiagnostic only, and strips unknown fields', async () => {
    server.handle((_req, res) =>
      writeChunks(res, [sse([started, { type: 'FUTURE_EVENT' }, { ...finished, extra: 1 }])]),
    )
    const diagnostics: Diagnostic[] = []
    const agent = new HttpAgent({ url: server.url, onDiagnostic: (d) => diagnostics.push(d) })
    const { events } = await collect(agent.run(input))
    expect(events).toEqual([started, finished])
    expect(diagnostics.map((d) => d.code)).toEqual([
      'unknown_event_dropped',
      'unknown_field_stripped',
    ])
  })

  it('translates retired THINKING_* events', async () => {
    server.handle((_req, res) =>
      writeChunks(res, [
        sse([started, { type: 'THINKING_START' }, { type: 'THINKING_END' }, finished]),
      ]),
    )
    const { events } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(events.map((e) => e.type)).toEqual([
      'RUN_STARTED',
      'REASONING_START',
      'REASONING_END',
      'RUN_FINISHED',
    ])
  })

  it('completes after terminalGraceMs when the server keeps the connection open after RUN_FINISHED, and closes it', async () => {
    server.handle((_req, res) => writeChunks(res, [sse(run)], true))
    const agent = new HttpAgent({ url: server.url, terminalGraceMs: 30 })
    const { events, completed } = await collect(agent.run(input))
    expect(completed).toBe(true)
    expect(events).toHaveLength(run.length)
    await server.requests.at(-1)!.clientGone
  })
})

describe('HttpAgent: failures', () => {
  it('non-2xx → http_error with status and body (first 4 096 chars)', async () => {
    server.handle(
      (_req, res) =>
        void res
          .writeHead(500, { 'Content-Type': 'text/plain' })
          .end(`upstream exploded ${'x'.repeat(5000)}`),
    )
    const { error, events } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(events).toEqual([])
    expect(error).toMatchObject({
      name: 'AgentError',
      code: 'http_error',
      status: 500,
      retryable: true,
    })
    expect(error.message).toContain('500')
    expect(error.message).toContain('upstream exploded')
    expect(error.body).toHaveLength(4096)
  })

  it('401 is not retryable', async () => {
    server.handle((_req, res) => void res.writeHead(401).end('no'))
    const { error } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(error).toMatchObject({ code: 'http_error', status: 401, retryable: false, body: 'no' })
  })

  it('a 2xx HTML page → invalid_response', async () => {
    server.handle(
      (_req, res) =>
        void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>login</p>'),
    )
    const { error } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(error).toMatchObject({
      code: 'invalid_response',
      status: 200,
      body: '<!doctype html><p>login</p>',
    })
    expect(error.message).toContain('text/html')
  })

  it('fetch rejects (nothing listening) → network', async () => {
    const closed = await startTestServer()
    const url = closed.url
    await closed.close()
    const { error } = await collect(new HttpAgent({ url }).run(input))
    expect(error).toMatchObject({ code: 'network', retryable: true })
  })

  it('a frame that is not JSON → invalid_json after the earlier events', async () => {
    server.handle((_req, res) =>
      writeChunks(res, [sse([started]), 'data: not valid json\n\n', sse([finished])]),
    )
    const { error, events } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(events).toEqual([started])
    expect(error).toMatchObject({ code: 'invalid_json', event: 'not valid json' })
  })

  it('a frame that fails the schema → invalid_event naming the type and field', async () => {
    server.handle((_req, res) => writeChunks(res, [sse([started, text(42 as never), finished])]))
    const { error, events } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(events).toEqual([started])
    expect(error.code).toBe('invalid_event')
    expect(error.message).toContain('TEXT_MESSAGE_CONTENT')
    expect(error.message).toContain('/delta')
  })

  it('an event over maxEventBytes → limit_exceeded', async () => {
    server.handle((_req, res) =>
      writeChunks(res, [sse([started, text('x'.repeat(2000)), finished])]),
    )
    const { error, events } = await collect(
      new HttpAgent({ url: server.url, maxEventBytes: 1000 }).run(input),
    )
    expect(events).toEqual([started])
    expect(error.code).toBe('limit_exceeded')
  })

  it('the stream ends mid-run → truncated, after delivering what came', async () => {
    server.handle((_req, res) =>
      writeChunks(res, [sse(run.slice(0, 3)), 'data: {"type":"TEXT_MES']),
    )
    const { error, events } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(events).toEqual(run.slice(0, 3))
    expect(error).toMatchObject({ code: 'truncated', retryable: true })
    expect(error.message).toContain('ended without a terminal event')
  })

  it('the connection breaks mid-run → truncated, after delivering what came', async () => {
    server.handle(async (_req, res) => {
      await writeChunks(res, [sse(run.slice(0, 2))], true)
      res.destroy()
    })
    const { error, events } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(events).toEqual(run.slice(0, 2))
    expect(error.code).toBe('truncated')
  })

  it('an event stream with no event at all → truncated', async () => {
    server.handle((_req, res) => writeChunks(res, [': just a heartbeat\n\n']))
    const { error } = await collect(new HttpAgent({ url: server.url }).run(input))
    expect(error).toMatchObject({ code: 'truncated' })
  })
})

describe('HttpAgent: cancellation', () => {
  const endless = () =>
    server.handle(async (_req, res) => {
      await writeChunks(res, [sse(run.slice(0, 2))], true)
      const id = setInterval(() => res.write(': ping\n\n'), 5)
      res.on('close', () => clearInterval(id))
    })

  it('aborting the signal mid-stream → aborted, and the server sees the connection close', async () => {
    endless()
    const controller = new AbortController()
    const agent = new HttpAgent({ url: server.url })
    const seen: unknown[] = []
    const result = new Promise<unknown>((resolve) =>
      agent.run(input, { signal: controller.signal }).subscribe({
        next: (e) => {
          seen.push(e)
          if (seen.length === 2) controller.abort()
        },
        error: resolve,
      }),
    )
    expect(await result).toMatchObject({ code: 'aborted' })
    expect(seen).toHaveLength(2)
    await server.requests.at(-1)!.clientGone
  })

  it('an already-aborted signal errors at once, without a request', async () => {
    const before = server.requests.length
    const { error } = await collect(
      new HttpAgent({ url: server.url }).run(input, { signal: AbortSignal.abort() }),
    )
    expect(error).toMatchObject({ code: 'aborted' })
    expect(server.requests.length).toBe(before)
  })

  it('unsubscribe cancels the request silently: the server sees the connection close', async () => {
    endless()
    const calls: string[] = []
    let subscription: { unsubscribe(): void } | undefined = undefined
    await new Promise<void>((resolve) => {
      subscription = new HttpAgent({ url: server.url }).run(input).subscribe({
        next: () => {
          calls.push('next')
          if (calls.length === 2) resolve()
        },
        error: () => calls.push('error'),
        complete: () => calls.push('complete'),
      })
    })
    subscription!.unsubscribe()
    await server.requests.at(-1)!.clientGone
    await new Promise((r) => setTimeout(r, 20))
    expect(calls).toEqual(['next', 'next'])
  })

  it('abortRun() aborts the runs in flight', async () => {
    endless()
    const agent = new HttpAgent({ url: server.url })
    const done = collect(agent.run(input))
    await new Promise((r) => setTimeout(r, 30))
    agent.abortRun()
    expect((await done).error).toMatchObject({ code: 'aborted' })
  })
})
