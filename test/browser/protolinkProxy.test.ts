/**
 * Protolink in a real browser (Chromium): the page's origin is the app's Node server, which
 * serves the kit's Protolink approval routes, the same-origin proxy and (through Vite in
 * middleware mode) the kit's own source. Protolink (the Node fake) sends no CORS headers, so
 * Chromium refuses a direct cross-origin call; through the proxy, `ProtolinkAgent` streams the
 * JSON-RPC SSE into `createAgentStore`, an approval is answered and the same task goes on.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSameOriginProxy } from '../../src/server/adapters/createSameOriginProxy'
import { createProtolinkApprovalRoutes } from '../../src/server/adapters/protolink'
import { serveFake, type ServedFake } from '../adapters/fakeHost/serveFake'
import { createProtolinkFake, type ProtolinkFake } from '../adapters/protolink/createProtolinkFake'
import { startKitPage, type KitPage } from './startKitPage'

let fake: ProtolinkFake
let served: ServedFake
let kit: KitPage
let page: Page

beforeAll(async () => {
  const approvals = createProtolinkApprovalRoutes({ pathPrefix: '/protolink' })
  fake = createProtolinkFake({ broker: approvals.broker, frameDelayMs: 10 })
  served = await serveFake(fake)
  const proxy = createSameOriginProxy({ target: served.url, pathPrefix: '/protolink' })
  kit = await startKitPage((req, res, next) => approvals(req, res, () => proxy(req, res, next)))
  page = kit.page
})

afterAll(async () => {
  await kit?.close()
  await served?.close()
})

describe('ProtolinkAgent in Chromium through the same-origin proxy', () => {
  it('a direct cross-origin call is blocked (no CORS); through the proxy the card loads', async () => {
    const results = await page.evaluate(async (direct) => {
      const tryFetch = (url: string) =>
        fetch(url).then(
          (r) => `status ${r.status}`,
          (e: Error) => e.name,
        )
      return [
        await tryFetch(`${direct}/.well-known/agent.json`),
        await tryFetch('/protolink/.well-known/agent.json'),
      ]
    }, served.url)
    expect(results).toEqual(['TypeError', 'status 200'])
  })

  it('streams a run, then an approval: the card answer goes to /approvals and the task goes on', async () => {
    const outcome = await page.evaluate(async () => {
      const core = (window as unknown as { __awrCore: typeof import('../../src/core') }).__awrCore
      const agent = new core.ProtolinkAgent({ baseUrl: '/protolink' })
      const store = core.createAgentStore({ agent, threadId: 'browser-thread' })
      const tokens: number[] = []
      store.onEvent((e) => void (e.type === 'TEXT_MESSAGE_CONTENT' && tokens.push(1)))
      const first = await store.run({ message: 'hello from chromium' })
      const paused = await store.run({ message: 'fetch https://chromium.test' })
      const approval = paused.approvals['act-1']
      store.approve('act-1')
      const deadline = Date.now() + 10_000
      while (store.getSnapshot().run.status !== 'finished' && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20))
      const done = store.getSnapshot()
      const health = (await agent.statusSource.load()).health?.state
      return {
        first: first.messages.map((m) => `${m.role}: ${String(m.content)}`),
        tokens: tokens.length,
        pausedStatus: paused.run.status,
        approval: approval && { state: approval.state, toolName: approval.toolName },
        finalStatus: done.run.status,
        last: String(done.messages.at(-1)?.content),
        health,
      }
    })
    expect(outcome.first).toEqual([
      'user: hello from chromium',
      'assistant: You said: hello from chromium',
    ])
    expect(outcome.tokens).toBeGreaterThan(3) // one TEXT_MESSAGE_CONTENT per llm_chunk frame
    expect(outcome.pausedStatus).toBe('interrupted')
    expect(outcome.approval).toEqual({ state: 'pending', toolName: 'fetch_url' })
    expect(outcome.finalStatus).toBe('finished')
    expect(outcome.last).toBe('The page at https://chromium.test is titled "Page".')
    expect(outcome.health).toBe('ok')
    expect(fake.log).toContain('decision req-1 true')
  })
})
