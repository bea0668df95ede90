import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createAgentHandler } from '../../src/server/createAgentHandler'
import { createRunRegistry } from '../../src/server/createRunRegistry'
import type { WebSocketAgentServerOptions } from '../../src/server/createWebSocketAgentServer'
import { createGatedAgent } from './gatedAgent'
import { postJson, readSSE, runInput } from './sseClient'
import { connect, TestSocket } from './wsClient'
import { startWsServer, type WsTestServer } from './wsServer'

let server: WsTestServer | undefined
const sockets: TestSocket[] = []
afterEach(async () => {
  for (const s of sockets.splice(0)) s.ws.terminate()
  await server?.close()
  server = undefined
})

async function serve(options: Partial<WebSocketAgentServerOptions> = {}) {
  const gated = createGatedAgent(2)
  gated.releaseAll()
  server = await startWsServer({ agent: gated.agent, ...options })
  return server.url
}

async function open(url: string, protocols?: string[], options?: object) {
  const socket = await connect(url, protocols, options)
  sockets.push(socket)
  return socket
}

const authenticate = async (token: string) =>
  token === 'good'
    ? true
    : token === 'old'
      ? 'expired'
      : token === 'gone'
        ? 'invalid_session'
        : false

describe('createWebSocketAgentServer: auth', () => {
  it('accepts a good token in the first frame; later frames run', async () => {
    const url = await serve({ authenticate })
    const socket = await open(url)
    socket.send({ type: 'auth', token: 'good' })
    socket.send({ type: 'run', input: runInput('hi') }) // queued behind the async check
    expect((await socket.runToEnd('run-1')).length).toBe(8)
  })

  it('refuses a bad token in the first frame: error auth_failed, close 4003', async () => {
    const url = await serve({ authenticate })
    const socket = await open(url)
    socket.send({ type: 'auth', token: 'bad' })
    socket.send({ type: 'run', input: runInput('hi') })
    expect(await socket.closed).toEqual({ code: 4003, reason: 'auth_failed' })
    expect(socket.frames).toEqual([
      { type: 'error', code: 'auth_failed', message: 'The credentials were refused.' },
    ])
  })

  it('accepts a token in Sec-WebSocket-Protocol (awr.auth.<token>) and echoes only awr.v1', async () => {
    const url = await serve({ authenticate })
    const socket = await open(url, ['awr.v1', 'awr.auth.good'])
    expect(socket.ws.protocol).toBe('awr.v1')
    socket.send({ type: 'run', input: runInput('hi') })
    expect((await socket.runToEnd('run-1')).length).toBe(8)
    const refused = await open(url, ['awr.v1', 'awr.auth.bad'])
    expect((await refused.closed).code).toBe(4003)
  })

  it('closes 4002 for an expired token and 4001 for an invalid session', async () => {
    const url = await serve({ authenticate })
    expect((await (await open(url, ['awr.v1', 'awr.auth.old'])).closed).code).toBe(4002)
    const socket = await open(url)
    socket.send({ type: 'auth', token: 'gone' })
    expect((await socket.closed).code).toBe(4001)
  })

  it('closes 1008 when another frame comes before auth, or auth never comes', async () => {
    const url = await serve({ authenticate, authTimeoutMs: 40 })
    const early = await open(url)
    early.send({ type: 'run', input: runInput('hi') })
    expect(await early.closed).toEqual({ code: 1008, reason: 'auth_required' })
    const silent = await open(url)
    expect(await silent.closed).toEqual({ code: 1008, reason: 'auth_timeout' })
  })

  it('closes 1011 when authenticate throws', async () => {
    const url = await serve({
      authenticate: () => {
        throw new Error('auth backend down')
      },
    })
    const socket = await open(url)
    socket.send({ type: 'auth', token: 'good' })
    expect((await socket.closed).code).toBe(1011)
  })

  it('takes a query token only when queryToken names the parameter', async () => {
    const off = await serve({ authenticate, authTimeoutMs: 40 })
    expect((await (await open(`${off}?token=good`)).closed).reason).toBe('auth_timeout')
    await server!.close()
    const on = await serve({ authenticate, queryToken: 'token' })
    const socket = await open(`${on}?token=good`)
    socket.send({ type: 'run', input: runInput('hi') })
    expect((await socket.runToEnd('run-1')).length).toBe(8)
  })
})

describe('createWebSocketAgentServer: close codes and limits', () => {
  it('closes 4004 with retry-after when a connection exceeds maxRunsPerConnection', async () => {
    const gated = createGatedAgent(5)
    server = await startWsServer({
      agent: gated.agent,
      maxRunsPerConnection: 2,
      retryAfterSeconds: 7,
    })
    const socket = await open(server.url)
    for (const runId of ['a', 'b', 'c'])
      socket.send({ type: 'run', input: runInput('x', { runId }) })
    expect(await socket.closed).toEqual({ code: 4004, reason: 'retry-after=7' })
    expect(server.ws.registry.get('c')).toBeUndefined()
    expect(server.ws.registry.get('a')?.status).toBe('running') // detached, not cancelled
  })

  it('counts only runs still running against maxRunsPerConnection', async () => {
    const url = await serve({ maxRunsPerConnection: 1 })
    const socket = await open(url)
    for (const runId of ['a', 'b', 'c']) {
      socket.send({ type: 'run', input: runInput('x', { runId }) })
      await socket.runToEnd(runId)
    }
    expect(socket.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('closes 1009 for a frame over maxPayloadBytes', async () => {
    const url = await serve({ maxPayloadBytes: 1024 })
    const socket = await open(url)
    socket.send({ type: 'run', input: runInput('x'.repeat(2000)) })
    expect((await socket.closed).code).toBe(1009)
  })

  it('closes every connection with 1001 on close()', async () => {
    const url = await serve()
    const socket = await open(url)
    await server!.close()
    server = undefined
    expect((await socket.closed).code).toBe(1001)
  })

  it('pings with heartbeatMs and terminates a peer that stops answering', async () => {
    const url = await serve({ heartbeatMs: 20 })
    const healthy = await open(url)
    let pings = 0
    healthy.ws.on('ping', () => pings++)
    const silent = await open(url, ['awr.v1'], { autoPong: false })
    expect((await silent.closed).code).toBe(1006) // terminated, no closing handshake
    while (pings < 3) await new Promise((r) => setTimeout(r, 10))
    expect(healthy.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('refuses upgrades to another path when it is the only upgrade listener', async () => {
    const url = await serve()
    const other = new WebSocket(url.replace(/\/ws$/, '/elsewhere'))
    const status = await new Promise<number | undefined>((resolve) => {
      other.on('unexpected-response', (_req, res) => resolve(res.statusCode))
      other.on('error', () => resolve(undefined))
    })
    expect(status).toBe(404)
  })

  it('leaves other paths to other upgrade listeners (e.g. Vite HMR)', async () => {
    const url = await serve()
    let seen: string | undefined
    server!.http.on('upgrade', (req, socket) => {
      if (req.url !== '/ws') {
        seen = req.url
        socket.end('HTTP/1.1 418 I am a teapot\r\nContent-Length: 0\r\n\r\n')
      }
    })
    const other = new WebSocket(url.replace(/\/ws$/, '/hmr'))
    const status = await new Promise<number>((resolve) =>
      other.on('unexpected-response', (_req, res) => resolve(res.statusCode!)),
    )
    expect(status).toBe(418)
    expect(seen).toBe('/hmr')
    expect((await open(url)).ws.protocol).toBe('awr.v1') // ours still works
  })
})

describe('createWebSocketAgentServer with a registry shared with the SSE handler', () => {
  it('resumes over HTTP a run started over WebSocket, and the other way round', async () => {
    const gated = createGatedAgent(4)
    const registry = createRunRegistry()
    const handler = createAgentHandler(gated.agent, { resumable: registry, heartbeatMs: 0 })
    server = await startWsServer({ agent: gated.agent, resumable: registry }, handler)
    const socket = await open(server.url)
    socket.send({ type: 'run', input: runInput('hi', { runId: 'ws-run' }) })
    await socket.waitFor((f) => f.id === 3)
    socket.ws.terminate()
    const post = await postJson(`${server.httpUrl}/api/agent`, runInput('hi', { runId: 'sse-run' }))
    gated.releaseAll()
    const overHttp = await readSSE(
      await fetch(`${server.httpUrl}/api/agent/runs/ws-run/events`, {
        headers: { 'Last-Event-ID': '3' },
      }),
    )
    expect(overHttp.ids).toEqual(['4', '5', '6', '7', '8', '9', '10'])
    await readSSE(post)
    const ws2 = await open(server.url)
    ws2.send({ type: 'resume', threadId: 'thread-1', runId: 'sse-run', lastEventId: 8 })
    expect((await ws2.runToEnd('sse-run')).map((f) => f.id)).toEqual([9, 10])
    registry.close()
  })
})
