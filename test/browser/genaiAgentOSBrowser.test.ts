/**
 * GenAI AgentOS in a real browser (Chromium): the kit's source is served by Vite (middleware
 * mode) from the app's origin; the GenAI fake runs on another origin and, like the real backend,
 * allows CORS `*`, so the page calls it directly (no proxy). A bad token is refused with HTTP 403
 * on the WebSocket upgrade, which Chromium reports as 1006 only: the adapter checks the token
 * over REST and logs in again.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveFake, type ServedFake } from '../adapters/fakeHost/serveFake'
import { createGenAIFake, type GenAIFake } from '../adapters/genaiAgentOS/createGenAIFake'
import { startKitPage, type KitPage } from './startKitPage'

let kit: KitPage
let fake: GenAIFake
let served: ServedFake
let page: Page

type Core = typeof import('../../src/core')
type PageWindow = {
  __awrCore: Core
  __genai: InstanceType<Core['GenAIAgentOSAgent']>
  __store: ReturnType<Core['createAgentStore']>
}

beforeAll(async () => {
  fake = createGenAIFake()
  served = await serveFake(fake)
  kit = await startKitPage((_req, _res, next) => next())
  page = kit.page
})

afterAll(async () => {
  await kit?.close()
  await served?.close()
})

const send = (text: string) =>
  page.evaluate(async (message) => {
    const w = window as unknown as PageWindow
    const snap = await w.__store.run({ message })
    return {
      status: snap.run.status,
      error: snap.run.error && `${snap.run.error.code}: ${snap.run.error.message}`,
      roles: snap.messages.map((m) => m.role),
      steps: snap.steps.map((s) => `${s.stepName}:${s.status}`),
      last: String(snap.messages.at(-1)?.content),
    }
  }, text)

describe('GenAIAgentOSAgent in Chromium', () => {
  it('runs a turn (steps, tool call, result, answer), then logs in again after Chromium sees 1006', async () => {
    await page.evaluate((baseUrl) => {
      const w = window as unknown as PageWindow
      w.__genai = new w.__awrCore.GenAIAgentOSAgent({
        baseUrl, // another origin: GenAI allows CORS *
        credentials: { username: 'admin', password: 'admin-pass' },
        provider: 'openai',
        llmName: 'gpt-4o',
      })
      w.__store = w.__awrCore.createAgentStore({ agent: w.__genai, threadId: 'chromium-thread' })
    }, served.url)

    const first = await send('Weather in Paris?')
    expect(first.error).toBeUndefined()
    expect(first).toMatchObject({
      status: 'finished',
      roles: ['user', 'assistant', 'tool', 'assistant'],
      steps: ['master_agent:finished', 'get_weather:finished'],
      last: 'Sunny in Paris (you asked: Weather in Paris?)',
    })

    fake.expireTokens()
    await page.evaluate(() => (window as unknown as PageWindow).__genai.close())
    const second = await send('Again?')
    expect(second).toMatchObject({ status: 'finished', last: 'Sunny in Paris (you asked: Again?)' })
    expect(fake.requests.filter((r) => r === 'POST /api/login/access-token')).toHaveLength(2)
    expect(fake.requests).toContain('GET /api/agents/') // the token check after the refused upgrade
  })
})
