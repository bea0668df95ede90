import { afterEach, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../src/server/startDemoServer'
import { postJson, readSSE, runInput } from './sseClient'

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
})
