/**
 * AgentConnect in a real browser (Chromium): the page's origin is the app's Node server, which
 * serves `createAgentConnectProxy` and (through Vite in middleware mode) the kit's own source.
 * The AgentConnect fake allows CORS only for http://localhost:5173, so Chromium refuses a direct
 * call; REST goes through the proxy, the WebSocket straight to the fake. A rejected handshake is
 * an HTTP 403, which Chromium reports as close 1006 only: the adapter tells an expired token
 * (re-login) from a vanished session (new session) over REST.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgentConnectProxy } from '../../src/server/adapters/agentConnect'
import { serveFake, type ServedFake } from '../adapters/fakeHost/serveFake'
import {
  createAgentConnectFake,
  type AgentConnectFake,
} from '../adapters/agentConnect/createAgentConnectFake'
import { startKitPage, type KitPage } from './startKitPage'

let kit: KitPage
let fake: AgentConnectFake
let served: ServedFake
let page: Page

type Core = typeof import('../../src/core')
type PageWindow = {
  __awrCore: Core
  __ac: InstanceType<Core['AgentConnectAgent']>
  __store: ReturnType<Core['createAgentStore']>
  __states: string[]
}

beforeAll(async () => {
  fake = createAgentConnectFake({ pingMs: 50 })
  served = await serveFake(fake)
  const proxy = createAgentConnectProxy({ target: served.url })
  kit = await startKitPage((req, res, next) => proxy(req, res, next))
  page = kit.page
})

afterAll(async () => {
  await kit?.close()
  await served?.close()
})

/** Runs one message through the page's store; returns the status, error code and last reply. */
const send = (text: string) =>
  page.evaluate(async (message) => {
    const w = window as unknown as PageWindow
    const snap = await w.__store.run({ message })
    return {
      status: snap.run.status,
      error: snap.run.error?.code,
      last: String(snap.messages.at(-1)?.content),
      sessionId: w.__ac.sessionId,
    }
  }, text)

describe('AgentConnectAgent in Chromium', () => {
  it('a direct cross-origin login is blocked by CORS; through the proxy it answers', async () => {
    const results = await page.evaluate(async (direct) => {
      const login = (url: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'username=demo&password=demo123',
        }).then(
          (r) => `status ${r.status}`,
          (e: Error) => e.name,
        )
      return [await login(`${direct}/api/auth/login`), await login('/agentconnect/api/auth/login')]
    }, served.url)
    expect(results).toEqual(['TypeError', 'status 200'])
  })

  it('chats, then survives an expired token and a vanished session (1006 diagnosed over REST)', async () => {
    await page.evaluate(
      (wsUrl) => {
        const w = window as unknown as PageWindow
        w.__ac = new w.__awrCore.AgentConnectAgent({
          baseUrl: '/agentconnect',
          wsUrl,
          credentials: { username: 'demo', password: 'demo123' },
          session: { agents: { ai_agent: { provider: 'openai', model: 'gpt-4o' } } },
          reconnect: { baseMs: 20, capMs: 100 },
        })
        w.__states = []
        w.__ac.subscribeConnection((s) => w.__states.push(s.status))
        w.__store = w.__awrCore.createAgentStore({ agent: w.__ac, threadId: 'chromium' })
      },
      served.url.replace('http', 'ws'),
    )

    const first = await send('hello from chromium')
    expect(first).toMatchObject({ status: 'finished', last: 'You said: hello from chromium' })

    // Expired token: Chromium sees 1006 on the handshake; the session check answers 401.
    fake.expireTokens()
    await page.evaluate(() => (window as unknown as PageWindow).__ac.close())
    const second = await send('after expiry')
    expect(second).toMatchObject({ status: 'finished', last: 'You said: after expiry' })
    expect(second.sessionId).toBe(first.sessionId)
    // the CORS test's two logins (a simple request reaches the server; Chromium hides the answer),
    // the first run's, and one re-login
    expect(fake.requests.filter((r) => r === 'POST /api/auth/login')).toHaveLength(4)
    expect(fake.requests).toContain(`GET /api/chat/sessions/${first.sessionId}`)

    // Vanished session: the server closes (4000), the reconnect's handshake is refused, GET 404 → create.
    fake.dropSessions()
    await expect
      .poll(() => page.evaluate(() => (window as unknown as PageWindow).__ac.sessionId), {
        timeout: 10_000,
      })
      .not.toBe(first.sessionId)
    const third = await send('new session')
    expect(third).toMatchObject({ status: 'finished', last: 'You said: new session' })
    const states = await page.evaluate(() => (window as unknown as PageWindow).__states)
    expect(states).toContain('reconnecting')
    expect(states.at(-1)).toBe('open')
  })
})
