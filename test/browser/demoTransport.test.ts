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
  await page?.close()
})

describe('demo page transport switch (WebSocket on the Vite dev server)', () => {
  it('runs over WebSocket, then over SSE after switching, on one thread', async () => {
    const problems: string[] = []
    page = await browser.context.newPage()
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
    const sockets: string[] = []
    page.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname))
    await page.goto(`${url}?transport=websocket`)
    await page.evaluate(() => localStorage.clear())
    await page.reload()

    const runStatus = () => page!.getAttribute('[data-testid="run-status"]', 'data-status')
    const send = async (text: string) => {
      const composer = page!.getByRole('textbox', { name: 'Message' })
      await composer.fill(text)
      await composer.press('Enter')
    }
    const tasks = page.locator('[data-testid="task-list"] li')
    const picker = page.locator('fieldset[data-transport]')
    expect(await picker.getAttribute('data-transport')).toBe('websocket')

    await send('add ride the socket')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    await expect.poll(() => tasks.allTextContents()).toContain('ride the socket')
    expect(sockets).toContain('/api/agent/ws')
    await expect
      .poll(() => picker.locator('[data-connection]').getAttribute('data-connection'))
      .toBe('open')

    await page.getByRole('radio', { name: 'SSE' }).check()
    expect(await picker.getAttribute('data-transport')).toBe('sse')
    const posts: string[] = []
    page.on('request', (r) => r.method() === 'POST' && posts.push(new URL(r.url()).pathname))
    await send('add take the stream')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('running')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    await expect.poll(() => tasks.allTextContents()).toContain('take the stream')
    expect(await tasks.allTextContents()).toContain('ride the socket') // same thread
    expect(posts).toContain('/api/agent')
    expect(problems).toEqual([])
  })
})
