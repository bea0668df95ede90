import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { toNodeListener } from '../../src/server'

let server: Server | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

async function serve(handle: (request: Request) => Response | Promise<Response>) {
  server = createServer(toNodeListener(handle))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('toNodeListener', () => {
  it('passes method, path, headers and body as a web Request and streams the Response back', async () => {
    const url = await serve(async (request) =>
      Response.json({
        method: request.method,
        path: new URL(request.url).pathname,
        header: request.headers.get('x-test'),
        body: await request.text(),
      }),
    )
    const response = await fetch(`${url}/a/b`, {
      method: 'POST',
      headers: { 'x-test': 'yes' },
      body: 'hello',
    })
    expect(await response.json()).toEqual({
      method: 'POST',
      path: '/a/b',
      header: 'yes',
      body: 'hello',
    })
  })

  it('a handler that throws answers 500 instead of leaving the request hanging', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const url = await serve(() => {
      throw new Error('boom')
    })
    const response = await fetch(`${url}/x`)
    expect(response.status).toBe(500)
    expect(logged).toHaveBeenCalledOnce()
  })

  it('refuses a body over 4 MiB with 413', async () => {
    const url = await serve(() => new Response('ok'))
    const response = await fetch(`${url}/x`, {
      method: 'POST',
      body: new Uint8Array(4 * 1024 * 1024 + 1),
    }).catch((error: unknown) => error)
    if (response instanceof Response) expect(response.status).toBe(413)
    else expect(String(response)).toMatch(/fetch failed|socket|reset/i) // the socket was destroyed mid-upload
  })
})
