import { afterEach, describe, expect, it } from 'vitest'
import { createAgentHandler, type AgentHandlerOptions } from '../../src/server/createAgentHandler'
import { createGatedAgent } from './gatedAgent'
import { listen } from './httpServer'
import { postJson, readSSE, runInput } from './sseClient'

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

async function serve(options: AgentHandlerOptions) {
  const gated = createGatedAgent(1)
  gated.releaseAll()
  const server = await listen(createAgentHandler(gated.agent, { heartbeatMs: 0, ...options }))
  close = server.close
  return server.url
}

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type, last-event-id',
    },
  })

describe('createAgentHandler({ cors })', () => {
  it('answers the preflight with 204 and the allowed methods and headers', async () => {
    const url = await serve({ cors: { origin: 'https://app.example' }, resumable: true })
    const res = await preflight(url, 'https://app.example')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(res.headers.get('vary')).toBe('Origin')
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS')
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Last-Event-ID/)
    expect(res.headers.get('access-control-max-age')).toBe('600')
  })

  it('exposes X-AWR-Run-Id and X-AWR-Resumable on the stream and on error answers', async () => {
    const url = await serve({ cors: { origin: '*' }, resumable: true })
    const init = {
      headers: { Origin: 'https://other.example', 'Content-Type': 'application/json' },
    }
    const res = await readSSE(await postJson(url, runInput('hi'), init))
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'X-AWR-Run-Id, X-AWR-Resumable, X-AWR-Resync',
    )
    const missing = await fetch(`${url}/runs/nope/events`, { headers: init.headers })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('access-control-allow-origin')).toBe('*')
    const bad = await postJson(url, '{', init)
    expect(bad.status).toBe(400)
    expect(bad.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('sends no CORS headers to an origin that is not allowed', async () => {
    const url = await serve({
      cors: { origin: ['https://a.example', 'https://b.example'], credentials: true },
    })
    const denied = await preflight(url, 'https://evil.example')
    expect(denied.headers.get('access-control-allow-origin')).toBeNull()
    const allowed = await preflight(url, 'https://b.example')
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://b.example')
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('echoes the origin for "*" with credentials, and accepts a predicate', async () => {
    const url = await serve({ cors: { origin: (o) => o.endsWith('.example'), credentials: true } })
    const res = await preflight(url, 'https://x.example')
    expect(res.headers.get('access-control-allow-origin')).toBe('https://x.example')
    expect(
      (await preflight(url, 'https://x.test')).headers.get('access-control-allow-origin'),
    ).toBeNull()
  })

  it('without cors, OPTIONS is 405 as before', async () => {
    const url = await serve({})
    expect((await preflight(url, 'https://app.example')).status).toBe(405)
  })
})
