/**
 * HttpAgent resume (issue 6) against a real node:http server playing the contract: SSE `id:`
 * lines, `X-AWR-Resumable: 1`, `GET …/runs/<runId>/events` with `Last-Event-ID` (200 / 404 /
 * 409), `POST …/runs/<runId>/cancel`. Backoff is made instant with `reconnect.baseMs: 1`.
 */
import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import type { ConnectionState } from '../../../src/core/transport/ConnectionState'
import { HttpAgent, type HttpAgentOptions } from '../../../src/core/transport/HttpAgent'
import { createManualClock } from './manualClock'
import { collect, startTestServer, type ReceivedRequest, type TestServer } from './testServer'
import { replyEvents, until } from './wsTestServer'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const input: RunAgentInput = { threadId: 't1', runId: 'r1', messages: [], tools: [], context: [] }
const full = replyEvents('t1', 'r1') // 9 events, ids 1..9

const headers = (resumable = true) => ({
  'Content-Type': 'text/event-stream',
  'X-AWR-Run-Id': 'r1',
  ...(resumable && { 'X-AWR-Resumable': '1' }),
})
const frames = (events: unknown[], firstId: number) =>
  events.map((e, i) => `id: ${firstId + i}\ndata: ${JSON.stringify(e)}\n\n`).join('')

/** Writes `events` (ids from `firstId`), then ends, or cuts the TCP connection (`cut`). */
async function stream(
  res: ServerResponse,
  events: unknown[],
  firstId: number,
  end: 'end' | 'cut',
  resumable = true,
) {
  res.writeHead(200, headers(resumable))
  res.write(frames(events, firstId))
  await new Promise((r) => setTimeout(r, 5))
  if (end === 'end') res.end()
  else res.destroy()
}

interface Script {
  /** Answers the POST. Default: events 1..3, then a cut. */
  post?: (res: ServerResponse) => unknown
  /** Answers each GET resume with its Last-Event-ID. Default: the rest of `full`, then end. */
  resume?: (res: ServerResponse, lastEventId: number, req: ReceivedRequest) => unknown
}
function serve(script: Script = {}) {
  const resumes: Array<{ url: string; lastEventId: string | undefined }> = []
  server.handle((req, res) => {
    if (req.method === 'POST' && req.url === '/agent') {
      return void (script.post ?? ((r) => stream(r, full.slice(0, 3), 1, 'cut')))(res)
    }
    if (req.method === 'GET') {
      const lastEventId = req.headers['last-event-id'] as string | undefined
      resumes.push({ url: req.url, lastEventId })
      const last = Number(lastEventId ?? 0)
      return void (script.resume ?? ((r, l) => stream(r, full.slice(l), l + 1, 'end')))(
        res,
        last,
        req,
      )
    }
    res.writeHead(404).end()
  })
  return resumes
}

function makeAgent(options: Partial<HttpAgentOptions> = {}) {
  return new HttpAgent({ url: server.url, reconnect: { baseMs: 1 }, ...options })
}

describe('HttpAgent: resume after a drop (X-AWR-Resumable: 1)', () => {
  for (const end of ['cut', 'end'] as const) {
    it(`${end === 'cut' ? 'the connection breaks' : 'the body ends'} before the terminal event: GET …/events with Last-Event-ID, each event once`, async () => {
      const resumes = serve({ post: (res) => stream(res, full.slice(0, 3), 1, end) })
      const ids: number[] = []
      const result = await collect(makeAgent().run(input, { onEventId: (id) => ids.push(id) }))
      expect(result.completed).toBe(true)
      expect(result.events).toEqual(full)
      expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
      expect(resumes).toEqual([{ url: '/agent/runs/r1/events', lastEventId: '3' }])
      const get = server.requests.at(-1)!
      expect(get.headers.accept).toBe('text/event-stream')
    })
  }

  it('sends the configured headers (fresh per request) on the resume too', async () => {
    serve()
    let n = 0
    await collect(makeAgent({ headers: () => ({ Authorization: `Bearer ${++n}` }) }).run(input))
    expect(server.requests.slice(-2).map((r) => r.headers.authorization)).toEqual([
      'Bearer 1',
      'Bearer 2',
    ])
  })

  it('resumes again after each drop; the Last-Event-ID follows what was delivered', async () => {
    const resumes = serve({
      resume: (res, last) =>
        last < 6
          ? stream(res, full.slice(last, last + 2), last + 1, 'cut')
          : stream(res, full.slice(last), last + 1, 'end'),
    })
    const result = await collect(makeAgent().run(input))
    expect(result.events).toEqual(full)
    expect(resumes.map((r) => r.lastEventId)).toEqual(['3', '5', '7'])
  })

  it('a replay that goes back over delivered ids: duplicates dropped with diagnostics', async () => {
    serve({ resume: (res) => stream(res, full.slice(1), 2, 'end') })
    const diagnostics: Diagnostic[] = []
    const result = await collect(
      makeAgent().run(input, { onDiagnostic: (d) => diagnostics.push(d) }),
    )
    expect(result.events).toEqual(full)
    expect(diagnostics.map((d) => d.code)).toEqual([
      'duplicate_event_dropped',
      'duplicate_event_dropped',
    ])
  })

  it('404 (run unknown or expired) → truncated, cause run_not_found; what was received stays', async () => {
    serve({ resume: (res) => void res.writeHead(404).end('{"error":"run_not_found"}') })
    const { events, error } = await collect(makeAgent().run(input))
    expect(events).toEqual(full.slice(0, 3))
    expect(error).toMatchObject({
      code: 'truncated',
      cause: { code: 'run_not_found', status: 404 },
    })
  })

  it('409 replay_gap → asks again from firstId - 1; a replay without a snapshot → truncated (replay_gap)', async () => {
    const resumes = serve({
      resume: (res, last) =>
        last === 3
          ? void res
              .writeHead(409, { 'Content-Type': 'application/json' })
              .end('{"error":"replay_gap","firstId":6}')
          : stream(res, full.slice(last), last + 1, 'end'),
    })
    const { events, error } = await collect(makeAgent().run(input))
    expect(resumes.map((r) => r.lastEventId)).toEqual(['3', '5'])
    expect(events).toEqual(full.slice(0, 3))
    expect(error).toMatchObject({ code: 'truncated', cause: { code: 'replay_gap', firstId: 6 } })
  })

  it('409 then a replay that starts with MESSAGES_SNAPSHOT: re-synced, the run completes', async () => {
    const snapshot = {
      type: 'MESSAGES_SNAPSHOT',
      messages: [{ id: 'm-r1', role: 'assistant', content: 'Hello' }],
    }
    serve({
      resume: (res, last) =>
        last === 3
          ? void res.writeHead(409).end('{"error":"replay_gap","firstId":6}')
          : stream(res, [snapshot, full.at(-1)], 6, 'end'),
    })
    const diagnostics: Diagnostic[] = []
    const result = await collect(
      makeAgent().run(input, { onDiagnostic: (d) => diagnostics.push(d) }),
    )
    expect(result.completed).toBe(true)
    expect(result.events).toEqual([...full.slice(0, 3), snapshot, full.at(-1)])
    expect(diagnostics.map((d) => d.code)).toEqual(['replay_gap', 'replay_resynced'])
  })

  it('a 200 replay that starts after the gap → truncated (replay_gap)', async () => {
    serve({ resume: (res) => stream(res, full.slice(6), 7, 'end') })
    const { events, error } = await collect(makeAgent().run(input))
    expect(events).toHaveLength(3)
    expect(error).toMatchObject({ code: 'truncated', cause: { code: 'replay_gap', firstId: 7 } })
  })

  it('5xx and network failures are retried with backoff; Retry-After of a 429 is honoured', async () => {
    const clock = createManualClock()
    let calls = 0
    serve({
      resume: (res, last) => {
        calls++
        if (calls === 1) return void res.writeHead(503).end('busy')
        if (calls === 2) return void res.writeHead(429, { 'Retry-After': '7' }).end()
        if (calls === 3) return void res.destroy()
        return stream(res, full.slice(last), last + 1, 'end')
      },
    })
    const agent = makeAgent({ clock, random: () => 0.5, reconnect: { baseMs: 1000 } })
    const states: ConnectionState[] = []
    agent.subscribeConnection((s) => states.push(s))
    const done = collect(agent.run(input))
    const waits: number[] = []
    for (let i = 0; i < 4; i++) {
      await until(() => states.filter((s) => s.status === 'reconnecting').length === i + 1)
      const state = states.at(-1) as Extract<ConnectionState, { status: 'reconnecting' }>
      waits.push(state.nextRetryMs)
      clock.advance(state.nextRetryMs)
    }
    expect((await done).events).toEqual(full)
    expect(waits).toEqual([500, 1000, 7000, 4000]) // 0.5 × 1000 × 2^(n-1); 429: Retry-After 7 s
    const errors = states.flatMap((s) => (s.status === 'reconnecting' ? [s.error?.code] : []))
    expect(errors).toEqual(['truncated', 'http_error', 'rate_limited', 'network'])
    expect(states.at(-1)).toEqual({ status: 'idle' })
  })

  it('gives up after reconnect.maxAttempts → truncated, cause the last failure', async () => {
    serve({ resume: (res) => void res.writeHead(500).end('down') })
    const { error } = await collect(
      makeAgent({ reconnect: { baseMs: 1, maxAttempts: 3 } }).run(input),
    )
    expect(error).toMatchObject({ code: 'truncated', cause: { code: 'http_error', status: 500 } })
    expect(error.message).toContain('3 attempts')
  })

  it('another 4xx on resume (401) → truncated with that http_error as cause', async () => {
    serve({ resume: (res) => void res.writeHead(401).end('login') })
    const { error } = await collect(makeAgent().run(input))
    expect(error).toMatchObject({ code: 'truncated', cause: { code: 'http_error', status: 401 } })
  })

  it('aborting while waiting to resume → aborted, and the run is cancelled on the server', async () => {
    const clock = createManualClock()
    const cancels: string[] = []
    server.handle((req, res) => {
      if (req.method === 'POST' && req.url === '/agent')
        return stream(res, full.slice(0, 3), 1, 'cut')
      if (req.method === 'POST') cancels.push(req.url)
      res.writeHead(202).end('{}')
    })
    const agent = makeAgent({ clock })
    const controller = new AbortController()
    const done = collect(agent.run(input, { signal: controller.signal }))
    await until(() => agent.getConnectionState().status === 'reconnecting')
    controller.abort()
    expect((await done).error).toMatchObject({ code: 'aborted' })
    await until(() => cancels.length === 1)
    expect(cancels).toEqual(['/agent/runs/r1/cancel'])
  })
})

describe('HttpAgent: servers without resume keep today’s behaviour', () => {
  it('no X-AWR-Resumable header: a cut → truncated, no resume request', async () => {
    const resumes = serve({ post: (res) => stream(res, full.slice(0, 3), 1, 'cut', false) })
    const { events, error } = await collect(makeAgent().run(input))
    expect(events).toEqual(full.slice(0, 3))
    expect(error).toMatchObject({ code: 'truncated' })
    expect(resumes).toEqual([])
  })

  it('no header: ids are not used for de-duplication (a repeated id is delivered)', async () => {
    serve({
      post: async (res) => {
        res.writeHead(200, headers(false))
        res.end(frames(full.slice(0, 2), 1) + frames(full.slice(2), 1))
      },
    })
    const { events, completed } = await collect(makeAgent().run(input))
    expect(completed).toBe(true)
    expect(events).toEqual(full)
  })

  it('resume: false turns resuming off', async () => {
    const resumes = serve()
    const { error } = await collect(makeAgent({ resume: false }).run(input))
    expect(error).toMatchObject({ code: 'truncated' })
    expect(resumes).toEqual([])
  })

  it('aborting a non-resumable run sends no cancel request', async () => {
    server.handle((req, res) => {
      res.writeHead(200, headers(false))
      res.write(frames(full.slice(0, 2), 1))
    })
    const controller = new AbortController()
    const before = server.requests.length
    const agent = makeAgent()
    const done = collect(agent.run(input, { signal: controller.signal }))
    await until(() => agent.getConnectionState().status === 'open')
    await new Promise((r) => setTimeout(r, 10))
    controller.abort()
    expect((await done).error).toMatchObject({ code: 'aborted' })
    await new Promise((r) => setTimeout(r, 20))
    expect(server.requests.length - before).toBe(1)
  })
})

describe('HttpAgent: onEventId', () => {
  it('unsubscribing inside a chunk: later frames of that chunk are neither delivered nor counted', async () => {
    serve({
      post: (res) => {
        res.writeHead(200, headers())
        res.write(frames(full, 1)) // one chunk
      },
    })
    const ids: number[] = []
    const got: unknown[] = []
    await new Promise<void>((resolve) => {
      const sub = makeAgent()
        .run(input, { onEventId: (id) => ids.push(id) })
        .subscribe((e) => {
          got.push(e)
          if (got.length === 4) {
            sub.unsubscribe()
            resolve()
          }
        })
    })
    await new Promise((r) => setTimeout(r, 10))
    expect(got).toHaveLength(4)
    expect(ids).toEqual([1, 2, 3, 4])
  })
})

describe('HttpAgent: attach and cancelRun', () => {
  it('attach GETs the resume endpoint from lastEventId and delivers the rest', async () => {
    const resumes = serve()
    const { events, completed } = await collect(
      makeAgent().attach({ threadId: 't1', runId: 'r1', lastEventId: 4 }),
    )
    expect(completed).toBe(true)
    expect(events).toEqual(full.slice(4))
    expect(resumes).toEqual([{ url: '/agent/runs/r1/events', lastEventId: '4' }])
  })

  it('attach to an unknown run → run_not_found', async () => {
    serve({ resume: (res) => void res.writeHead(404).end('{"error":"run_not_found"}') })
    const { events, error } = await collect(makeAgent().attach({ threadId: 't1', runId: 'r1' }))
    expect(events).toEqual([])
    expect(error).toMatchObject({ code: 'run_not_found' })
  })

  it('resumeUrl and cancelUrl can be configured; the URL query is kept by default', async () => {
    const resumes = serve()
    await collect(makeAgent({ resumeUrl: (id) => `${server.url}/custom/${id}` }).run(input))
    expect(resumes.map((r) => r.url)).toEqual(['/agent/custom/r1'])

    server.handle((_req, res) => void res.writeHead(202).end('{"cancelled":true}'))
    await makeAgent({ url: `${server.url}?key=1` }).cancelRun('r 1')
    expect(server.requests.at(-1)).toMatchObject({
      method: 'POST',
      url: '/agent/runs/r%201/cancel?key=1',
    })
    await makeAgent({ cancelUrl: (id) => `${server.url}/stop/${id}` }).cancelRun('r1')
    expect(server.requests.at(-1)!.url).toBe('/agent/stop/r1')
  })

  it('cancelRun: non-2xx → http_error; cancelUrl false → rejects without a request', async () => {
    server.handle((_req, res) => void res.writeHead(404).end('{"error":"run_not_found"}'))
    await expect(makeAgent().cancelRun('r1')).rejects.toMatchObject({
      code: 'http_error',
      status: 404,
    })
    const before = server.requests.length
    await expect(makeAgent({ cancelUrl: false }).cancelRun('r1')).rejects.toMatchObject({
      code: 'invalid_response',
    })
    expect(server.requests.length).toBe(before)
  })
})

describe('HttpAgent: connection state', () => {
  it('idle → connecting → open → reconnecting → connecting → open → idle', async () => {
    serve()
    const agent = makeAgent()
    const states: ConnectionState[] = []
    expect(agent.getConnectionState()).toEqual({ status: 'idle' })
    agent.subscribeConnection((s) => states.push(s))
    await collect(agent.run(input))
    expect(states.map((s) => s.status)).toEqual([
      'connecting',
      'open',
      'reconnecting',
      'connecting',
      'open',
      'idle',
    ])
  })

  it('a failed run leaves closed (with its error), or auth_required after 401', async () => {
    server.handle((_req, res) => void res.writeHead(503).end('x'))
    const agent = makeAgent()
    await collect(agent.run(input))
    expect(agent.getConnectionState()).toMatchObject({ status: 'closed', error: { status: 503 } })
    server.handle((_req, res) => void res.writeHead(401).end('x'))
    await collect(agent.run(input))
    expect(agent.getConnectionState()).toMatchObject({
      status: 'auth_required',
      error: { status: 401 },
    })
  })
})
