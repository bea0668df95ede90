import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createSameOriginProxy } from '../../../src/server/adapters/createSameOriginProxy'
import { listen } from '../httpServer'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = await listen(handler)
  closers.push(server.close)
  return server.url
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('createSameOriginProxy', () => {
  it('forwards method, path minus prefix, query, headers and body; adds configured headers', async () => {
    let seen: {
      method?: string
      url?: string
      headers?: IncomingMessage['headers']
      body?: string
    } = {}
    const upstream = await serve((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        seen = { method: req.method!, url: req.url!, headers: req.headers, body }
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Upstream': 'yes' })
        res.end('{"ok":true}')
      })
    })
    const proxy = createSameOriginProxy({
      target: `${upstream}/base`,
      pathPrefix: '/protolink',
      headers: { Authorization: 'Bearer server-secret' },
    })
    const front = await serve((req, res) => proxy(req, res))
    const response = await fetch(`${front}/protolink/tasks/stream?token=t1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Protolink-Request-ID': 'r1' },
      body: JSON.stringify({ hello: 'world' }),
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-upstream')).toBe('yes')
    expect(await response.json()).toEqual({ ok: true })
    expect(seen.method).toBe('POST')
    expect(seen.url).toBe('/base/tasks/stream?token=t1')
    expect(seen.body).toBe('{"hello":"world"}')
    expect(seen.headers?.['x-protolink-request-id']).toBe('r1')
    expect(seen.headers?.authorization).toBe('Bearer server-secret')
    expect(seen.headers?.['x-forwarded-host']).toMatch(/^127\.0\.0\.1:\d+$/)
  })

  it('streams SSE chunk by chunk: the first frame arrives while the upstream still holds the second', async () => {
    const release = deferred()
    const upstream = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.write('data: one\n\n')
      void release.promise.then(() => res.end('data: two\n\n'))
    })
    const proxy = createSameOriginProxy({ target: upstream })
    const front = await serve((req, res) => proxy(req, res))
    const response = await fetch(`${front}/events`)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('data: one\n\n')
    release.resolve()
    let rest = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      rest += new TextDecoder().decode(value)
    }
    expect(rest).toBe('data: two\n\n')
  })

  it('aborts the upstream request when the client goes away', async () => {
    const upstreamClosed = deferred()
    const upstream = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.write('data: live\n\n')
      res.on('close', () => upstreamClosed.resolve())
    })
    const proxy = createSameOriginProxy({ target: upstream })
    const front = await serve((req, res) => proxy(req, res))
    const controller = new AbortController()
    const response = await fetch(`${front}/stream`, { signal: controller.signal })
    const reader = response.body!.getReader()
    await reader.read()
    controller.abort()
    await upstreamClosed.promise // resolves only if the proxy aborted the upstream
  })

  it('passes upstream error statuses through and answers 502 when the upstream is unreachable', async () => {
    const upstream = await serve((_req, res) => {
      res.writeHead(429, { 'Retry-After': '3' })
      res.end('slow down')
    })
    const proxy = createSameOriginProxy({ target: upstream })
    const front = await serve((req, res) => proxy(req, res))
    const limited = await fetch(`${front}/chat`, { method: 'POST', body: '{}' })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(await limited.text()).toBe('slow down')

    const dead = createSameOriginProxy({ target: 'http://127.0.0.1:9' })
    const front2 = await serve((req, res) => dead(req, res))
    const response = await fetch(`${front2}/x`)
    expect(response.status).toBe(502)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_gateway')
  })

  it('leaves other paths to next(), or 404 without one; rejects bodies over maxBodyBytes', async () => {
    const upstream = await serve((_req, res) => res.end('upstream'))
    const proxy = createSameOriginProxy({ target: upstream, pathPrefix: '/p', maxBodyBytes: 4 })
    const front = await serve((req, res) => proxy(req, res, () => res.end('app')))
    expect(await (await fetch(`${front}/other`)).text()).toBe('app')
    expect(await (await fetch(`${front}/p/x`)).text()).toBe('upstream')
    expect(await (await fetch(`${front}/pp`)).text()).toBe('app')
    const big = await fetch(`${front}/p/x`, { method: 'POST', body: 'too large' })
    expect(big.status).toBe(413)
    const bare = await serve((req, res) => proxy(req, res))
    expect((await fetch(`${bare}/other`)).status).toBe(404)
  })
})
