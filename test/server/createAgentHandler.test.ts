import { afterEach, describe, expect, it } from 'vitest'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Observable } from 'rxjs'
import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'
import { createAgentHandler, type AgentHandlerFn } from '../../src/server/createAgentHandler'
import { listen, waitFor } from './httpServer'
import { postJson, readSSE, runInput } from './sseClient'

const ev = (e: Record<string, unknown>) => e as unknown as BaseEvent
const echo: AgentHandlerFn = async function* (input) {
  yield ev({ type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId })
  yield ev({ type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId })
}

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = await listen(handler)
  close = server.close
  return server.url
}

describe('createAgentHandler', () => {
  it('streams the agent events for a valid RunAgentInput and passes the input through', async () => {
    let seen: RunAgentInput | undefined
    const url = await serve(
      createAgentHandler(async function* (input, ctx) {
        seen = input
        yield* echo(input, ctx) as AsyncIterable<BaseEvent>
      }),
    )
    const res = await readSSE(
      await postJson(url, runInput('hi', { state: { a: 1 }, tools: undefined })),
    )
    expect(res.status).toBe(200)
    expect(res.events).toEqual([
      { type: 'RUN_STARTED', threadId: 'thread-1', runId: 'run-1' },
      { type: 'RUN_FINISHED', threadId: 'thread-1', runId: 'run-1' },
    ])
    expect(seen?.state).toEqual({ a: 1 })
    expect(seen?.tools).toEqual([])
    expect(seen?.messages).toEqual([{ id: 'user-1', role: 'user', content: 'hi' }])
  })

  it('accepts an Agent object whose run() returns an Observable, with the signal', async () => {
    let signal: AbortSignal | undefined
    const agent = {
      run: (input: RunAgentInput, options?: { signal?: AbortSignal }) => {
        signal = options?.signal
        return new Observable<BaseEvent>((s) => {
          s.next(ev({ type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId }))
          s.complete()
        })
      },
    }
    const url = await serve(createAgentHandler(agent))
    const res = await readSSE(await postJson(url, runInput('hi')))
    expect(res.events).toEqual([{ type: 'RUN_STARTED', threadId: 'thread-1', runId: 'run-1' }])
    expect(signal).toBeInstanceOf(AbortSignal)
  })

  it('answers 405 with Allow: POST for other methods', async () => {
    const url = await serve(createAgentHandler(echo))
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(url, { method })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('POST')
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'method_not_allowed',
      )
    }
  })

  it('answers 400 with a JSON error for a body that is not JSON', async () => {
    const url = await serve(createAgentHandler(echo))
    const res = await postJson(url, '{"threadId": ')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_json')
  })

  it('answers 400 for JSON that is not a RunAgentInput, naming the field', async () => {
    const url = await serve(createAgentHandler(echo))
    const cases: Array<[unknown, string]> = [
      [[1, 2], 'object'],
      [{ runId: 'r', messages: [] }, '/threadId'],
      [{ threadId: 't', runId: 'r', messages: 'hi' }, '/messages'],
      [{ threadId: 't', runId: 'r', messages: [{ role: 'user' }] }, '/messages/0/id'],
      [{ threadId: 't', runId: 'r', messages: [], tools: {} }, '/tools'],
    ]
    for (const [body, field] of cases) {
      const res = await postJson(url, body)
      expect(res.status).toBe(400)
      const json = (await res.json()) as { error: { code: string; message: string } }
      expect(json.error.code).toBe('invalid_input')
      expect(json.error.message).toContain(field)
    }
  })

  it('answers 413 for a body over the limit (declared or streamed)', async () => {
    const url = await serve(createAgentHandler(echo, { maxBodyBytes: 1024 }))
    const big = runInput('x'.repeat(2000))
    const declared = await postJson(url, big)
    expect(declared.status).toBe(413)
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe(
      'body_too_large',
    )
    // Chunked upload: no Content-Length, so the limit is enforced while reading.
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(JSON.stringify(big)))
        c.close()
      },
    })
    const streamed = await fetch(url, { method: 'POST', body, duplex: 'half' } as RequestInit)
    expect(streamed.status).toBe(413)
  })

  it('accepts the default 1 MiB limit and rejects just over it', async () => {
    const url = await serve(createAgentHandler(echo))
    expect((await postJson(url, runInput('x'.repeat(900_000)))).status).toBe(200)
    expect((await postJson(url, runInput('x'.repeat(1_100_000)))).status).toBe(413)
  })

  it('aborts ctx.signal when the client disconnects', async () => {
    let aborted = false
    const url = await serve(
      createAgentHandler(async function* (input, { signal }) {
        signal.addEventListener('abort', () => (aborted = true))
        yield ev({ type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId })
        while (!signal.aborted) await new Promise((r) => setTimeout(r, 5))
      }),
    )
    const client = new AbortController()
    await readSSE(await postJson(url, runInput('hi'), { signal: client.signal }), () =>
      client.abort(),
    )
    await waitFor(() => aborted)
  })

  describe('as connect-style middleware', () => {
    it('uses a body pre-parsed by a body parser (req.body)', async () => {
      const handler = createAgentHandler(echo)
      const url = await serve((req, res) => {
        Object.assign(req, { body: runInput('hi', { threadId: 'from-body' }) })
        req.resume()
        handler(req, res, () => res.end('next called'))
      })
      const res = await readSSE(await fetch(url, { method: 'POST', body: 'ignored, not JSON' }))
      expect(res.events[0]).toMatchObject({ type: 'RUN_STARTED', threadId: 'from-body' })
    })

    it('passes a synchronous agent failure to next(error) instead of answering', async () => {
      const failure = new Error('agent misconfigured')
      let received: unknown
      const handler = createAgentHandler(() => {
        throw failure
      })
      const url = await serve((req, res) =>
        handler(req, res, (error) => {
          received = error
          res.writeHead(502).end('handled by next')
        }),
      )
      const res = await postJson(url, runInput('hi'))
      expect(res.status).toBe(502)
      expect(await res.text()).toBe('handled by next')
      expect(received).toBe(failure)
    })

    it('answers 500 JSON for a synchronous agent failure without next', async () => {
      const url = await serve(
        createAgentHandler(() => {
          throw new Error('agent misconfigured')
        }),
      )
      const res = await postJson(url, runInput('hi'))
      expect(res.status).toBe(500)
      expect(await res.json()).toEqual({
        error: { code: 'internal_error', message: 'agent misconfigured' },
      })
    })
  })

  it('throws a TypeError for something that is not an agent', () => {
    expect(() => createAgentHandler({} as never)).toThrow(TypeError)
  })
})
