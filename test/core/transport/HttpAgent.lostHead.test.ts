/**
 * HttpAgent: a `POST` dropped before its answer's head on a resumable endpoint (issue 6;
 * fault-findings F5) re-joins the run the server started anyway, against a real node:http server.
 */
import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import { HttpAgent, type HttpAgentOptions } from '../../../src/core/transport/HttpAgent'
import { collect, startTestServer, type ReceivedRequest, type TestServer } from './testServer'
import { replyEvents } from './wsTestServer'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const input = (runId: string): RunAgentInput => ({
  threadId: 't1',
  runId,
  messages: [],
  tools: [],
  context: [],
})

/** Writes run `runId`'s events after `lastEventId` with their ids, as the kit's server does. */
function streamFrom(res: ServerResponse, runId: string, lastEventId: number) {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'X-AWR-Resumable': '1',
    'X-AWR-Run-Id': runId,
  })
  const events = replyEvents('t1', runId).slice(lastEventId)
  res.end(
    events.map((e, i) => `id: ${lastEventId + i + 1}\ndata: ${JSON.stringify(e)}\n\n`).join(''),
  )
}

/**
 * A resumable server whose `POST`s for runIds in `lost` start the run but drop the connection
 * before the answer's head; `neverArrived` runs are not started at all (the resume answers 404).
 */
function serve(lost: Set<string>, neverArrived = new Set<string>(), cutGets = 0) {
  const started = new Set<string>()
  const gets: string[] = []
  let toCut = cutGets
  server.handle((req: ReceivedRequest, res) => {
    if (req.method === 'POST') {
      const { runId } = JSON.parse(req.body) as RunAgentInput
      if (!neverArrived.has(runId)) started.add(runId)
      if (lost.has(runId) || neverArrived.has(runId)) return void res.socket?.destroy()
      return streamFrom(res, runId, 0)
    }
    const match = /runs\/([^/]+)\/events$/.exec(req.url)
    if (req.method === 'GET' && match) {
      gets.push(`${match[1]}@${String(req.headers['last-event-id'])}`)
      if (toCut-- > 0) return void res.socket?.destroy()
      if (!started.has(match[1])) return void res.writeHead(404).end('{"error":"run_not_found"}')
      return streamFrom(res, match[1], Number(req.headers['last-event-id'] ?? 0))
    }
    res.writeHead(404).end()
  })
  return gets
}

const makeAgent = (options: Partial<HttpAgentOptions> = {}) =>
  new HttpAgent({ url: server.url, reconnect: { baseMs: 1 }, ...options })

it('after an answer said X-AWR-Resumable: 1, a later POST dropped before its head attaches (Last-Event-ID 0) and the run ends whole', async () => {
  const gets = serve(new Set(['r2']))
  const agent = makeAgent()
  expect((await collect(agent.run(input('r1')))).completed).toBe(true)
  const diagnostics: Diagnostic[] = []
  const ids: number[] = []
  const result = await collect(
    agent.run(input('r2'), {
      onDiagnostic: (d) => diagnostics.push(d),
      onEventId: (id) => ids.push(id),
    }),
  )
  expect(result.error).toBeUndefined()
  expect(result.events).toEqual(replyEvents('t1', 'r2'))
  expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  expect(gets).toEqual(['r2@0'])
  expect(diagnostics.map((d) => d.code)).toContain('attach_after_lost_request')
})

it("`resumable: true` attaches after a lost head even on the agent's first run", async () => {
  const gets = serve(new Set(['r3']))
  const result = await collect(makeAgent({ resumable: true }).run(input('r3')))
  expect(result.events).toEqual(replyEvents('t1', 'r3'))
  expect(gets).toEqual(['r3@0'])
})

it('the POST never arrived (resume answers 404): the run fails with `network`, as before', async () => {
  const gets = serve(new Set(), new Set(['r4']))
  const result = await collect(makeAgent({ resumable: true }).run(input('r4')))
  expect(result.events).toEqual([])
  expect(result.error?.code).toBe('network')
  expect(gets).toEqual(['r4@0'])
})

it('an endpoint never known resumable (and `resume: false`) does not attach: `network` at once', async () => {
  const gets = serve(new Set(['r5', 'r6']))
  expect((await collect(makeAgent().run(input('r5')))).error?.code).toBe('network')
  const agent = makeAgent({ resumable: true, resume: false })
  expect((await collect(agent.run(input('r6')))).error?.code).toBe('network')
  expect(gets).toEqual([])
})

it('the attach is tried up to 3 times: two attach requests dropped too, the third re-joins the run', async () => {
  const gets = serve(new Set(['r7']), new Set(), 2)
  const result = await collect(makeAgent({ resumable: true }).run(input('r7')))
  expect(result.events).toEqual(replyEvents('t1', 'r7'))
  expect(gets).toEqual(['r7@0', 'r7@0', 'r7@0'])
})

it("three attach requests dropped: the run fails with the POST's `network` error", async () => {
  const gets = serve(new Set(['r8']), new Set(), 3)
  const result = await collect(makeAgent({ resumable: true }).run(input('r8')))
  expect(result.error?.code).toBe('network')
  expect(result.error?.message).toContain('/agent failed')
  expect(gets).toEqual(['r8@0', 'r8@0', 'r8@0'])
})
