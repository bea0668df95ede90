import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { launchChromium, type LaunchedChromium } from './launchChromium'
import { startDemoVite } from './startDemoVite'

let browser: LaunchedChromium
let vite: ViteDevServer
let url: string
let page: Page
let problems: string[]

beforeAll(async () => {
  ;({ url, server: vite } = await startDemoVite())
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await vite?.close()
})

beforeEach(async () => {
  problems = []
  page = await browser.context.newPage()
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`)
  })
  // The demo keeps its thread in localStorage, shared by the pages of this browser: each test's
  // page starts empty, cleared before the app's code runs on its first load (reloads keep it).
  await page.addInitScript(() => {
    if (sessionStorage.getItem('awr-test-page')) return
    sessionStorage.setItem('awr-test-page', '1')
    localStorage.clear()
  })
  await page.goto(url)
})

afterEach(async () => {
  await page?.close()
})

// Articles sit in per-row wrappers (MessageList virtualization): take the last match, not :last-of-type.
const lastAssistant = () => page.locator('[role="log"] article[data-role="assistant"]').last()

type Sample = [id: string, status: string, length: number]

/** Samples [message id, data-status, text length] of the last assistant article until `until()` holds. */
async function sampleAnswer(until: () => Promise<boolean>): Promise<Sample[]> {
  const samples: Sample[] = []
  const deadline = Date.now() + 30_000
  while (!(await until())) {
    if (Date.now() > deadline)
      throw new Error(`timed out; samples: ${JSON.stringify(samples.slice(-5))}`)
    const sample = await page.evaluate(() => {
      const articles = document.querySelectorAll('[role="log"] article[data-role="assistant"]')
      const last = articles[articles.length - 1]
      return last
        ? ([
            last.getAttribute('data-message-id') ?? '',
            last.getAttribute('data-status') ?? '',
            last.textContent?.length ?? 0,
          ] as Sample)
        : null
    })
    if (sample) samples.push(sample)
    await page.waitForTimeout(30)
  }
  return samples
}

const runStatus = () => page.getAttribute('[data-testid="run-status"]', 'data-status')

async function send(text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.fill(text)
  await composer.press('Enter')
}

describe('demo page (npm start) in Chromium', () => {
  it('streams a reply, shows the tool call and the updated task list, without errors', async () => {
    await page.getByRole('textbox', { name: 'Message' }).waitFor()
    await send('Please add buy oat milk')

    const samples = await sampleAnswer(async () => (await runStatus()) === 'finished')
    // The final answer is the last assistant message; follow it while it streams.
    const answerId = samples.at(-1)?.[0]
    const streaming = samples
      .filter(([id, status]) => id === answerId && status === 'streaming')
      .map(([, , length]) => length)
    expect(
      new Set(streaming).size,
      `streaming samples: ${JSON.stringify(samples)}`,
    ).toBeGreaterThanOrEqual(3)
    // Markdown may shrink the text a little (`**bold` → bold), but it grows over the stream.
    expect(streaming.at(-1)).toBeGreaterThan(streaming[0] + 50)

    const answer = lastAssistant()
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete')
    const answerText = (await answer.textContent()) ?? ''
    expect(answerText).toContain('Done')
    expect(answerText).toContain('buy oat milk')
    expect(await answer.locator('h3').count()).toBe(1)
    expect(await answer.locator('pre code').count()).toBeGreaterThanOrEqual(1)
    expect(await answer.locator('a[href="https://docs.ag-ui.com"]').count()).toBe(1)

    const user = page.locator('[role="log"] article[data-role="user"]')
    expect(await user.textContent()).toContain('Please add buy oat milk')

    const card = page.locator('[data-awr="tool-call"][data-tool-name="add_task"]')
    await card.waitFor()
    expect(await card.textContent()).toContain('buy oat milk')

    const tasks = page.locator('[data-testid="task-list"] li')
    await expect
      .poll(() => tasks.allTextContents())
      .toEqual(['Read the AG-UI event list', 'Try the demo chat', 'buy oat milk'])

    // A second turn: the state travels back as RunAgentInput.state and gains one task.
    await send('add water the plants')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('running')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    await expect.poll(() => tasks.count()).toBe(4)
    expect(await page.locator('[data-awr="tool-call"][data-tool-name="add_task"]').count()).toBe(2)

    expect(problems).toEqual([])
  })

  it('Stop mid-stream cancels the run and keeps the partial reply', async () => {
    await page.getByRole('textbox', { name: 'Message' }).waitFor()
    await send('add something long')
    const answer = lastAssistant()
    // Wait until the final answer (the second assistant message) is streaming some text.
    await expect
      .poll(
        async () => {
          const count = await page.locator('[role="log"] article[data-role="assistant"]').count()
          const status = await answer.getAttribute('data-status').catch(() => null)
          const length = ((await answer.textContent().catch(() => '')) ?? '').length
          return count >= 2 && status === 'streaming' && length > 20
        },
        { timeout: 30_000, interval: 20 },
      )
      .toBe(true)

    await page.getByRole('button', { name: 'Stop' }).click()
    await expect.poll(runStatus).toBe('cancelled')
    const partial = (await answer.textContent()) ?? ''
    expect(partial.length).toBeGreaterThan(20)
    expect(partial).not.toContain('AG-UI docs')
    await page.waitForTimeout(400)
    expect(await answer.textContent()).toBe(partial)
    await expect.poll(() => answer.getAttribute('data-status')).not.toBe('streaming')
    expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('a reload mid-run re-joins the run (store.toPersisted + attach): the reply ends whole, nothing repeated', async () => {
    await page.getByRole('textbox', { name: 'Message' }).waitFor()
    // The reference: the same request, uncut, on a fresh thread.
    await send('add something long')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    const expected = (await lastAssistant().textContent()) ?? ''
    await page.getByRole('button', { name: 'New thread' }).click()

    await send('add something long')
    await expect
      .poll(
        async () => {
          const count = await page.locator('[role="log"] article[data-role="assistant"]').count()
          const length = (
            (await lastAssistant()
              .textContent()
              .catch(() => '')) ?? ''
          ).length
          return count >= 2 && length > 20
        },
        { timeout: 30_000, interval: 20 },
      )
      .toBe(true)
    await page.reload()
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    expect(await lastAssistant().textContent()).toBe(expected)
    expect(await page.locator('[role="log"] article[data-role="user"]').count()).toBe(1)
    expect(problems).toEqual([])
  })
})
