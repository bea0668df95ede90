import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket as NodeWebSocket } from 'ws'
import { createInBrowserFake } from './createInBrowserFake'
import { json, sseResponse, type FakeSystem } from './FakeSystem'
import { serveFake, type ServedFake } from './serveFake'

/** An echo system: GET /hello, POST /echo, SSE /events (3 chunks), WS /ws?token=ok echoes. */
function echoSystem(log: string[]): FakeSystem {
  return {
    async http(request) {
      const url = new URL(request.url)
      if (url.pathname === '/hello') return json({ hello: 'world' })
      if (url.pathname === '/echo') return json({ got: await request.text() }, 201)
      if (url.pathname === '/events')
        return sseResponse(({ send, end, signal }) => {
          let n = 0
          const timer = setInterval(() => {
            send(`data: ${++n}\n\n`)
            if (n === 3) {
              clearInterval(timer)
              end()
            }
          }, 5)
          signal.addEventListener('abort', () => {
            clearInterval(timer)
            log.push('aborted')
          })
        })
      return json({ detail: 'Not Found' }, 404)
    },
    upgrade(request) {
      const url = new URL(request.url)
      if (url.searchParams.get('token') !== 'ok') return { reject: 403 }
      return {
        accept(socket) {
          socket.onMessage((data) =>
            data === 'bye' ? socket.close(4000, 'bye') : socket.send(`echo:${data}`),
          )
          socket.onClose((code) => log.push(`server closed ${code}`))
        },
      }
    },
  }
}

async function readAll(response: Response): Promise<string> {
  return await response.text()
}

let served: ServedFake | undefined
afterEach(async () => {
  await served?.close()
  served = undefined
})

describe('fake hosts', () => {
  it('Node host: JSON, request bodies, streamed SSE, 404', async () => {
    served = await serveFake(echoSystem([]))
    expect(await (await fetch(`${served.url}/hello`)).json()).toEqual({ hello: 'world' })
    const echo = await fetch(`${served.url}/echo`, { method: 'POST', body: 'ping' })
    expect(echo.status).toBe(201)
    expect(await echo.json()).toEqual({ got: 'ping' })
    const events = await fetch(`${served.url}/events`)
    expect(events.headers.get('content-type')).toBe('text/event-stream')
    expect(await readAll(events)).toBe('data: 1\n\ndata: 2\n\ndata: 3\n\n')
    expect((await fetch(`${served.url}/nope`)).status).toBe(404)
  })

  it('Node host: a rejected upgrade is an HTTP 403 (the client sees 1006); an accepted one echoes', async () => {
    const log: string[] = []
    served = await serveFake(echoSystem(log))
    const rejected = new NodeWebSocket(`${served.url.replace('http', 'ws')}/ws?token=bad`)
    const status = await new Promise<number>((resolve) =>
      rejected.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    )
    expect(status).toBe(403)
    const ws = new NodeWebSocket(`${served.url.replace('http', 'ws')}/ws?token=ok`)
    await new Promise((resolve) => ws.on('open', resolve))
    const reply = new Promise((resolve) => ws.once('message', (d) => resolve(String(d))))
    ws.send('hi')
    expect(await reply).toBe('echo:hi')
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.send('bye')
    expect(await closed).toBe(4000)
  })

  it('Node host: a client that goes away aborts the stream on the server', async () => {
    const log: string[] = []
    served = await serveFake(echoSystem(log))
    const controller = new AbortController()
    const response = await fetch(`${served.url}/events`, { signal: controller.signal })
    const reader = response.body!.getReader()
    await reader.read()
    controller.abort()
    await expect.poll(() => log).toContain('aborted')
  })

  it('in-browser host: fetch, streaming, abort; WebSocket reject → error + close 1006, echo, close codes', async () => {
    const log: string[] = []
    const fake = createInBrowserFake(echoSystem(log))
    expect(await (await fake.fetch('/hello')).json()).toEqual({ hello: 'world' })
    expect(await (await fake.fetch('/events')).text()).toBe('data: 1\n\ndata: 2\n\ndata: 3\n\n')
    const controller = new AbortController()
    const streaming = await fake.fetch('/events', { signal: controller.signal })
    const reader = streaming.body!.getReader()
    controller.abort()
    await expect(reader.read()).rejects.toThrow(/abort/i)
    await expect(fake.fetch('/hello', { signal: controller.signal })).rejects.toThrow(/abort/i)

    const seen: string[] = []
    const rejected = new fake.WebSocket('/ws?token=bad')
    rejected.onerror = () => seen.push('error')
    const code = await new Promise<number>((resolve) => (rejected.onclose = (e) => resolve(e.code)))
    expect(seen).toEqual(['error'])
    expect(code).toBe(1006)

    const ws = new fake.WebSocket('/ws?token=ok', ['v1'])
    await new Promise((resolve) => ws.addEventListener('open', resolve))
    expect(ws.readyState).toBe(fake.WebSocket.OPEN)
    expect(ws.protocol).toBe('v1')
    const reply = new Promise((resolve) => (ws.onmessage = (e) => resolve(e.data)))
    ws.send('hi')
    expect(await reply).toBe('echo:hi')
    const closed = new Promise<CloseEvent>((resolve) => (ws.onclose = resolve))
    ws.send('bye')
    const event = await closed
    expect([event.code, event.reason, event.wasClean]).toEqual([4000, 'bye', true])
    expect(log).toContain('server closed 4000')
  })
})
