import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createProtolinkApprovalBroker,
  createProtolinkApprovalRoutes,
  type ProtolinkApprovalRoutesOptions,
} from '../../../src/server/adapters/protolink'

const closers: (() => void)[] = []
afterEach(() => closers.splice(0).forEach((c) => c()))

async function serve(options: ProtolinkApprovalRoutesOptions = {}) {
  const routes = createProtolinkApprovalRoutes(options)
  const server = createServer((req, res) => routes(req, res))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  closers.push(() => {
    server.closeAllConnections()
    server.close()
  })
  return { routes, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('createProtolinkApprovalRoutes', () => {
  it('POST wakes the Protolink side waiting in process; the same decision again is 200, another 409', async () => {
    const { routes, url } = await serve({ pathPrefix: '/pl' })
    const waiting = routes.broker.waitForDecision('req 1')
    expect(routes.broker.pending()).toEqual(['req 1'])
    const first = await post(`${url}/pl/approvals/req%201`, { approved: true, reason: 'ok' })
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ approved: true, request_id: 'req 1', reason: 'ok' })
    expect(await waiting).toEqual({ approved: true, request_id: 'req 1', reason: 'ok' })
    expect((await post(`${url}/pl/approvals/req%201`, { approved: true })).status).toBe(200)
    const conflict = await post(`${url}/pl/approvals/req%201`, { approved: false })
    expect(conflict.status).toBe(409)
    expect(routes.broker.pending()).toEqual([])
  })

  it('a decision posted before anyone waits is kept for the late waiter; GET long poll returns it', async () => {
    const { url } = await serve()
    expect((await post(`${url}/approvals/early`, { approved: false, reason: 'no' })).status).toBe(
      200,
    )
    const got = await fetch(`${url}/approvals/early?waitMs=1000`)
    expect(got.status).toBe(200)
    expect(await got.json()).toEqual({ approved: false, request_id: 'early', reason: 'no' })
    const none = await fetch(`${url}/approvals/unknown?waitMs=0`)
    expect(none.status).toBe(204)
  })

  it('a GET long poll is answered by a POST that arrives while it waits', async () => {
    const { routes, url } = await serve()
    const polled = fetch(`${url}/approvals/later?waitMs=10000`)
    await until(() => routes.broker.pending().includes('later'))
    await post(`${url}/approvals/later`, { approved: true })
    const answer = await polled
    expect(answer.status).toBe(200)
    expect(await answer.json()).toMatchObject({ approved: true, request_id: 'later' })
  })

  it('rejects bad bodies (400), other methods (405), big bodies (413), unauthorized callers (403)', async () => {
    const { url } = await serve({
      maxBodyBytes: 64,
      authorize: (req) => req.headers['x-user'] === 'ann',
    })
    const as = (init: RequestInit = {}) => ({
      ...init,
      headers: { 'x-user': 'ann', ...init.headers },
    })
    expect((await fetch(`${url}/approvals/a`, { method: 'POST', body: '{}' })).status).toBe(403)
    const bad = await fetch(
      `${url}/approvals/a`,
      as({ method: 'POST', body: '{"approved":"yes"}' }),
    )
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_decision')
    expect((await fetch(`${url}/approvals/a`, as({ method: 'POST', body: 'nope' }))).status).toBe(
      400,
    )
    const mismatch = await fetch(
      `${url}/approvals/a`,
      as({ method: 'POST', body: JSON.stringify({ approved: true, request_id: 'b' }) }),
    )
    expect(mismatch.status).toBe(400)
    expect((await fetch(`${url}/approvals/a`, as({ method: 'DELETE' }))).status).toBe(405)
    const big = await fetch(`${url}/approvals/a`, as({ method: 'POST', body: 'x'.repeat(100) }))
    expect(big.status).toBe(413)
    expect((await fetch(`${url}/other`, as())).status).toBe(404)
  })

  it('the broker drops decisions after ttlMs and keeps at most maxDecisions', async () => {
    let now = 0
    const broker = createProtolinkApprovalBroker({ ttlMs: 100, maxDecisions: 2, now: () => now })
    broker.decide({ approved: true, request_id: 'a' })
    now = 101
    expect(await broker.waitForDecision('a', { timeoutMs: 0 })).toBeUndefined()
    broker.decide({ approved: true, request_id: 'b' })
    broker.decide({ approved: true, request_id: 'c' })
    broker.decide({ approved: true, request_id: 'd' })
    expect(await broker.waitForDecision('b', { timeoutMs: 0 })).toBeUndefined()
    expect(await broker.waitForDecision('d', { timeoutMs: 0 })).toMatchObject({ request_id: 'd' })
    const controller = new AbortController()
    const aborted = broker.waitForDecision('z', { signal: controller.signal })
    controller.abort(new Error('gone'))
    await expect(aborted).rejects.toThrow('gone')
    expect(broker.pending()).toEqual([])
  })
})

async function until(predicate: () => boolean) {
  while (!predicate()) await new Promise((r) => setTimeout(r, 5))
}
