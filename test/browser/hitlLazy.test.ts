import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page, Request, Route } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { launchChromium, type LaunchedChromium } from './launchChromium'
import { startDemoVite } from './startDemoVite'

/**
 * The human-in-the-loop cards load on first use (issue 7): on the real demo page in Chromium,
 * with the cards' chunk (`humanInTheLoopCards`) failing to load, an approval shows a readable
 * alert with Retry instead of its card, nothing crashes and the approval stays pending; once the
 * chunk can be fetched again, Retry brings the card and approving it works.
 */

let browser: LaunchedChromium
let vite: ViteDevServer
let url: string
let page: Page
let pageErrors: string[]
let requests: Array<Record<string, any>>
let blocked: string[]

beforeAll(async () => {
  ;({ url, server: vite } = await startDemoVite())
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await vite?.close()
})

beforeEach(async () => {
  pageErrors = []
  requests = []
  blocked = []
  page = await browser.context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/agent'))
      requests.push(request.postDataJSON() as Record<string, any>)
  })
  await page.addInitScript(() => {
    if (sessionStorage.getItem('awr-test-page')) return
    sessionStorage.setItem('awr-test-page', '1')
    localStorage.clear()
  })
})

afterEach(async () => {
  await page?.close()
})

const CHUNK = /humanInTheLoopCards/
const composer = () => page.getByRole('textbox', { name: 'Message' })
const runStatus = () => page.getAttribute('[data-testid="run-status"]', 'data-status')
const card = (tool: string) => page.locator(`[data-awr="tool-approval"][data-tool-name="${tool}"]`)
const placeholder = () => page.locator('[data-awr="hitl-placeholder"]')

async function blockChunk(route: Route) {
  blocked.push(route.request().url())
  await route.abort('internetdisconnected')
}

describe('human-in-the-loop cards load on first use (Chromium, demo page)', () => {
  it('a failed chunk load shows an alert with Retry, the approval stays pending; Retry loads the card', async () => {
    await page.route(CHUNK, blockChunk)
    await page.goto(url)
    await composer().waitFor()
    expect(blocked).toEqual([]) // not part of the first load

    await composer().fill('delete the done tasks')
    await composer().press('Enter')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('interrupted')
    const held = placeholder()
    await held.waitFor({ timeout: 30_000 })
    await expect
      .poll(() => held.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('This part of the chat could not be loaded.')
    expect(await held.textContent()).toContain('Approval needed: delete_task')
    expect(blocked.length).toBeGreaterThan(0)
    expect(await card('delete_task').count()).toBe(0)
    expect(pageErrors).toEqual([])

    await page.unroute(CHUNK, blockChunk)
    await held.getByRole('button', { name: 'Retry' }).click()
    await expect
      .poll(() => card('delete_task').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('pending')
    expect(await placeholder().count()).toBe(0)
    await card('delete_task').getByRole('button', { name: 'Approve' }).click()
    await expect.poll(() => requests.length, { timeout: 10_000 }).toBe(2)
    expect(requests[1].resume).toEqual([
      {
        interruptId: expect.stringMatching(/-approval$/),
        status: 'resolved',
        payload: { approved: true },
      },
    ])
    expect(pageErrors).toEqual([])
  })

  it('the first load does not fetch the chunk; a tool call in the thread does', async () => {
    const fetched: string[] = []
    page.on('request', (request: Request) => {
      if (CHUNK.test(request.url())) fetched.push(request.url())
    })
    await page.goto(url)
    await composer().waitFor()
    expect(fetched).toEqual([])
    await composer().fill('delete the done tasks')
    await composer().press('Enter')
    await expect
      .poll(() => card('delete_task').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('pending')
    expect(fetched.length).toBeGreaterThan(0)
    expect(pageErrors).toEqual([])
  })
})
