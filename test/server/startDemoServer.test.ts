import { afterEach, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../src/server/startDemoServer'
import { postJson, readSSE, runInput } from './sseClient'
import { connect } from './wsClient'

let server: DemoServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('startDemoServer', () => {
  it('serves the demo agent at POST /api/agent over SSE', async () => {
    server = await startDemoServer({ tokenDelayMs: 0 })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.agentUrl).toBe(`${server.url}/api/agent`)
    const res = await readSSE(await postJson(server.agentUrl, runInput('add test the server')))
    expect(res.status).toBe(200)
    expect(res.events[0]).toEqual({ type: 'RUN_STARTED', threadId: 'thread-1', runId: 'run-1' })
    expect(res.events.at(-1)).toMatchObject({
      type: 'RUN_FINISHED',
      threadId: 'thread-1',
      runId: 'run-1',
    })
    expect(res.events.some((e) => e.type === 'TOOL_CALL_RESULT')).toBe(true)
  })

  it('answers 404 elsewhere and 405 for GET on the endpoint', async () => {
    server = await startDemoServer({ tokenDelayMs: 0 })
    expect((await fetch(`${server.url}/nope`)).status).toBe(404)
    expect((await fetch(server.agentUrl)).status).toBe(405)
  })

  it('close() cuts streams in flight and frees the port', async () => {
    server = await startDemoServer({ tokenDelayMs: 50 })
    const { port } = server
    const response = await postJson(server.agentUrl, runInput('hi'))
    await server.close()
    server = undefined
    const res = await readSSE(response).catch(() => undefined)
    expect(res?.events.some((e) => e.type === 'RUN_FINISHED') ?? false).toBe(false)
    server = await startDemoServer({ port, tokenDelayMs: 0 })
    expect(server.port).toBe(port)
  })

  it('serves the same agent over WebSocket at /api/agent/ws, with the same events and ids', async () => {
    server = await startDemoServer({ tokenDelayMs: 0 })
    expect(server.wsUrl).toBe(`${server.url.replace('http', 'ws')}/api/agent/ws`)
    const sse = await readSSE(await postJson(server.agentUrl, runInput('add test ws')))
    expect(sse.headers.get('x-awr-resumable')).toBe('1')
    const socket = await connect(server.wsUrl)
    socket.send({ type: 'run', input: runInput('add test ws', { runId: 'run-2' }) })
    const frames = await socket.runToEnd('run-2')
    socket.close()
    expect(frames.map((f) => f.id)).toEqual(sse.ids.map(Number))
    expect(JSON.stringify(frames.map((f) => f.event)).replaceAll('run-2', 'run-1')).toBe(
      JSON.stringify(sse.events),
    )
  })

  it('resumes a cut SSE run of the demo agent from Last-Event-ID', async () => {
    server = await startDemoServer({ tokenDelayMs: 5 })
    const client = new AbortController()
    const cut = await readSSE(
      await postJson(server.agentUrl, runInput('hi'), { signal: client.signal }),
      (_e, i) => i === 9 && client.abort(),
    )
    const rest = await readSSE(
      await fetch(`${server.agentUrl}/runs/run-1/events`, { headers: { 'Last-Event-ID': '10' } }),
    )
    expect([...cut.ids, ...rest.ids].map(Number)).toEqual(
      Array.from({ length: cut.ids.length + rest.ids.length }, (_, i) => i + 1),
    )
    expect(rest.events.at(-1)).toMatchObject({ type: 'RUN_FINISHED' })
  })
})
