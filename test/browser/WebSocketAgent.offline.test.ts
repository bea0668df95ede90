/**
 * WebSocketAgent in a real browser (Chromium, the demo page over WebSocket): the browser goes
 * offline in the middle of a run (Playwright's network emulation fires `offline`), the agent
 * drops the socket and waits for `online` instead of burning reconnect attempts, then resumes
 * the run: it finishes with each message and the new task exactly once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { launchChromium, type LaunchedChromium } from './launchChromium'
import { startDemoVite } from './startDemoVite'

let browser: LaunchedChromium
let vite: ViteDevServer
let url: string
let page: Page | undefined

beforeAll(async () => {
  ;({ url, server: vite } = await startDemoVite())
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await vite?.close()
})

afterEach(async () => {
  await page?.context().setOffline(false)
  await page?.close()
})

describe('WebSocketAgent in Chromium: offline then online mid-run', () => {
  it('waits for online, resumes, and the run finishes with nothing lost or repeated', async () => {
    const problems: string[] = []
    page = await browser.context.newPage()
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    const frames: string[] = []
    page.on('websocket', (ws) => ws.on('framesent', (f) => frames.push(String(f.payload))))
    await page.goto(`${url}?transport=websocket`)
    await page.evaluate(() => localStorage.clear())
    await page.reload()

    const runStatus = () => page!.getAttribute('[data-testid="run-status"]', 'data-status')
    const connection = () => page!.getAttribute('[data-connection]', 'data-connection')
    const composer = page.getByRole('textbox', { name: 'Message' })
    await composer.fill('add weather the storm')
    await composer.press('Enter')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('running')
    // the first upgrade on the Vite dev server can take a while (the endpoint loads lazily)
    await expect
      .poll(() => frames.some((f) => f.includes('"type":"run"')), { timeout: 15_000 })
      .toBe(true)
    await page.waitForTimeout(200)

    await page.context().setOffline(true)
    await expect.poll(connection, { timeout: 10_000 }).toBe('reconnecting')
    await page.waitForTimeout(300) // the run goes on on the server meanwhile
    expect(await connection()).toBe('reconnecting') // waiting for `online`, no attempt burnt
    await page.context().setOffline(false)

    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    await expect.poll(connection).toBe('open')
    const resume = frames.map((f) => JSON.parse(f)).find((f) => f.type === 'resume')
    expect(resume?.lastEventId).toBeGreaterThan(0)
    const tasks = await page.locator('[data-testid="task-list"] li').allTextContents()
    expect(tasks.filter((t) => t.includes('weather the storm'))).toHaveLength(1)
    const ids = await page
      .locator('[role="log"] article')
      .evaluateAll((articles) => articles.map((a) => a.getAttribute('data-message-id')))
    expect(new Set(ids).size).toBe(ids.length)
    expect(problems).toEqual([])
  })
})
