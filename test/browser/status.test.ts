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
  await page.goto(url)
  await page.evaluate(() => localStorage.clear())
  await page.reload()
})

afterEach(async () => {
  await page?.close()
})

describe('demo status and inspector tabs in Chromium', () => {
  it('the Status tab shows the run running, then finished with the steps and tool call the demo agent sends', async () => {
    const composer = page.getByRole('textbox', { name: 'Message' })
    await composer.waitFor()
    await composer.fill('Please add buy oat milk')
    await composer.press('Enter')
    await page.getByRole('tab', { name: 'Status' }).click()

    const status = page.locator('[data-awr="agent-status"]')
    await status.waitFor()
    expect(await status.getAttribute('aria-label')).toBe('Agent status: Demo agent')
    // Sample the page's state while the run goes on: it must be seen running, then finished.
    const seen: string[] = []
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      const state = (await status.getAttribute('data-state')) ?? ''
      if (seen.at(-1) !== state) seen.push(state)
      if (state === 'finished') break
      await page.waitForTimeout(25)
    }
    expect(seen).toContain('running')
    expect(seen.at(-1)).toBe('finished')
    expect(seen.indexOf('running')).toBeLessThan(seen.indexOf('finished'))

    // What the demo agent sends (src/server/demo/demoAddTaskFlow.ts): steps plan, act, respond,
    // the backend tool add_task in step act, reasoning in plan, a progress activity, and usage
    // on RUN_FINISHED (src/server/demo/demoUsage.ts).
    expect(await status.locator('[data-part="run-steps"]').textContent()).toBe('3')
    const rows = status.locator('[data-awr="status-timeline"] li')
    const kinds = await rows.evaluateAll((els) =>
      els.map(
        (el) =>
          `${el.getAttribute('data-kind')}:${el.querySelector('[data-part="label"]')?.textContent?.split(' ').slice(1).join(' ')}:${el.getAttribute('data-state')}`,
      ),
    )
    expect(kinds.filter((k) => k.startsWith('step:'))).toEqual([
      'step:plan:finished',
      'step:act:finished',
      'step:respond:finished',
    ])
    expect(kinds).toContain('tool:add_task:finished')
    expect(kinds).toContain('reasoning:reasoning:finished')
    expect(kinds.some((k) => k.startsWith('activity:progress'))).toBe(true)
    // Bars are laid out by receive time: every step has a positive duration and a bar.
    const bars = await status
      .locator('[data-awr="status-timeline"] li[data-kind="step"] [data-part="bar"]')
      .count()
    expect(bars).toBe(3)
    // Usage: one entry of model demo-scripted-1; this run and the thread agree (one run), input
    // = the system prompt (212) + tools + the message; output includes the reasoning tokens.
    const usage = status.locator('[data-awr="status-usage"]')
    const cells = async (key: string) =>
      (await usage.locator(`tr[data-usage="${key}"] td`).allTextContents()).map((t) =>
        Number(t.replace(/,/g, '')),
      )
    const [input, threadInput] = await cells('inputTokens')
    const [output] = await cells('outputTokens')
    const [runTotal, threadTotal] = await cells('totalTokens')
    const [reasoning] = await cells('reasoningTokens')
    expect(input).toBeGreaterThan(212)
    expect(threadInput).toBe(input)
    expect(reasoning).toBeGreaterThan(0)
    expect(output).toBeGreaterThan(reasoning)
    expect(runTotal).toBe(input + output)
    expect(threadTotal).toBe(runTotal)
    expect(await usage.locator('[data-part="models"]').textContent()).toBe('demo-scripted-1')
    expect(await status.locator('[data-awr="status-runs"] tbody tr td').nth(3).textContent()).toBe(
      String(runTotal),
    )
    expect(await status.locator('[data-awr="status-connection"]').getAttribute('data-health')).toBe(
      'ok',
    )
    expect(await status.locator('[data-awr="status-capabilities"]').textContent()).toContain(
      'tasks',
    )

    // The inspector lists the same run's events, virtualized.
    await page.getByRole('tab', { name: 'Inspector' }).click()
    const list = page.getByRole('listbox', { name: 'Events' })
    await list.waitFor()
    const count = await page.locator('[data-awr="event-inspector"] [role="status"]').textContent()
    const total = Number(/\/ (\d+)/.exec(count ?? '')?.[1])
    expect(total).toBeGreaterThan(50)
    const rendered = await list.getByRole('option').count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(total)
    await list.getByRole('option').first().click()
    expect(
      await page.getByRole('region', { name: /Snapshot after event #0/ }).textContent(),
    ).toContain('RUN_STARTED')
    expect(problems).toEqual([])
  })
})
