import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page, Request, Route } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { launchChromium, type LaunchedChromium } from './launchChromium'
import { startDemoVite } from './startDemoVite'

/**
 * Human in the loop on the real demo (issue 3): the demo page (`npm start`) in Chromium, talking
 * to the demo agent over SSE. Cards follow the DOM contract: `[data-awr="tool-approval"]`
 * (`data-state`, `data-tool-name`; buttons "Approve", "Deny", …) and `[data-awr="interrupt"]`
 * (`data-state`; "Submit", "Cancel").
 */

let browser: LaunchedChromium
let vite: ViteDevServer
let url: string
let page: Page
let problems: string[]
let requests: Array<Record<string, any>>
/** URLs of the human-in-the-loop cards' chunk fetched by the page (it loads on first use). */
let chunkFetches: string[]

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
  requests = []
  chunkFetches = []
  page = await browser.context.newPage()
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`)
  })
  page.on('request', (request: Request) => {
    if (CHUNK.test(request.url())) chunkFetches.push(request.url())
    if (request.method() === 'POST' && request.url().endsWith('/api/agent'))
      requests.push(request.postDataJSON() as Record<string, any>)
  })
  // The demo keeps its thread in localStorage, shared by the pages of this browser: each test's
  // page starts empty, cleared before the app's code runs on its first load (reloads keep it).
  await page.addInitScript(() => {
    if (sessionStorage.getItem('awr-test-page')) return
    sessionStorage.setItem('awr-test-page', '1')
    localStorage.clear()
  })
  await page.goto(url)
  await composer().waitFor()
})

afterEach(async () => {
  await page?.close()
})

const CHUNK = /humanInTheLoopCards/
const composer = () => page.getByRole('textbox', { name: 'Message' })
const runStatus = () => page.getAttribute('[data-testid="run-status"]', 'data-status')
const tasks = () => page.locator('[data-testid="task-list"] li').allTextContents()
const card = (tool: string) => page.locator(`[data-awr="tool-approval"][data-tool-name="${tool}"]`)
const interrupt = () => page.locator('[data-awr="interrupt"]')
const assistantTexts = () =>
  page.locator('[role="log"] article[data-role="assistant"]').allTextContents()

async function send(text: string) {
  await composer().fill(text)
  await composer().press('Enter')
}

/** Waits until an assistant message contains `text` (whitespace collapsed). */
async function reply(text: string, timeout = 30_000) {
  await expect
    .poll(async () => (await assistantTexts()).some((t) => t.replace(/\s+/g, ' ').includes(text)), {
      timeout,
    })
    .toBe(true)
}

describe('human in the loop on the demo page (Chromium)', () => {
  it('approves one gated call and denies another with a reason; the agent acts on both answers', async () => {
    await send('delete all done tasks and email the report')
    await card('delete_task').waitFor({ timeout: 30_000 })
    await expect.poll(() => card('delete_task').getAttribute('data-state')).toBe('pending')
    await expect.poll(() => card('send_report').getAttribute('data-state')).toBe('pending')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('interrupted')
    expect(await card('delete_task').textContent()).toContain('Read the AG-UI event list')
    expect(await card('send_report').textContent()).toContain('team@example.com')

    await card('delete_task').getByRole('button', { name: 'Approve' }).click()
    // One answer is not enough: the resume run waits for the other (spec: every open interrupt).
    await page.waitForTimeout(300)
    expect(requests).toHaveLength(1)

    const report = card('send_report')
    await report.getByRole('button', { name: 'Deny' }).click()
    const reason = report.getByRole('textbox', { name: 'Reason' })
    if (await reason.count()) {
      await reason.fill('not before Friday')
      await report.getByRole('button', { name: 'Deny' }).click()
    }
    await expect.poll(() => requests.length, { timeout: 10_000 }).toBe(2)
    const resume = requests[1]
    expect(resume.threadId).toBe(requests[0].threadId)
    const entries = [...(resume.resume as Array<{ interruptId: string }>)].sort((a, b) =>
      a.interruptId.localeCompare(b.interruptId),
    )
    expect(entries).toEqual([
      {
        interruptId: expect.stringMatching(/-delete-task-1-approval$/),
        status: 'resolved',
        payload: { approved: true },
      },
      {
        interruptId: expect.stringMatching(/-send-report-approval$/),
        status: 'resolved',
        payload: { approved: false, reason: 'not before Friday' },
      },
    ])

    await reply('Deleted Read the AG-UI event list.')
    await reply(
      'I did not send the report to team@example.com: you denied it (“not before Friday”).',
    )
    await expect.poll(tasks).toEqual(['Try the demo chat'])
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    for (const tool of ['delete_task', 'send_report']) {
      await expect.poll(() => card(tool).getAttribute('data-state')).not.toBe('pending')
      expect(await card(tool).getByRole('button', { name: 'Approve' }).count()).toBe(0)
    }
    expect(await page.locator('[data-testid="report-list"]').count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('runs the frontend tool set_theme in the page, then the follow-up reply arrives', async () => {
    await send('switch to dark mode')
    await expect
      .poll(() => page.getAttribute('html', 'data-theme'), { timeout: 30_000 })
      .toBe('dark')
    expect(await page.getAttribute('[data-awr="chat"]', 'data-theme')).toBe('dark')
    await reply('Thanks: I asked your page to switch to dark mode.')
    await reply('"theme":"dark"')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')

    // The page offered its tools as JSON Schema; the follow-up run carried the tool message.
    const tools = requests[0].tools as Array<{ name: string; parameters: any }>
    const setTheme = tools.find((t) => t.name === 'set_theme')
    expect(setTheme?.parameters.properties.theme.enum).toEqual(['light', 'dark'])
    expect(tools.map((t) => t.name)).not.toContain('delete_task')
    expect(requests).toHaveLength(2)
    const toolMessage = (requests[1].messages as Array<Record<string, any>>).at(-1)
    expect(toolMessage).toMatchObject({
      role: 'tool',
      toolCallId: expect.stringMatching(/-set-theme$/),
    })
    expect(JSON.parse(toolMessage!.content)).toEqual({ ok: true, theme: 'dark' })

    await send('light theme, and notify me that the demo works')
    await expect
      .poll(() => page.getAttribute('html', 'data-theme'), { timeout: 30_000 })
      .toBe('light')
    await expect
      .poll(() => page.locator('[data-testid="notification"]').allTextContents(), {
        timeout: 30_000,
      })
      .toContain('the demo works')
    await reply('→ your page answered {"ok":true,"shown":"the demo works"}')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    // set_theme and show_notification ran in one run; one follow-up run answered both.
    expect(requests).toHaveLength(4)
    expect(
      (requests[3].messages as Array<Record<string, any>>).slice(-2).map((m) => m.role),
    ).toEqual(['tool', 'tool'])
    expect(problems).toEqual([])
  })

  it('keeps a pending approval across a reload; answering it after the reload works', async () => {
    await send('delete the done tasks')
    await expect
      .poll(() => card('delete_task').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('pending')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('interrupted')

    await page.reload()
    await composer().waitFor()
    await expect.poll(() => card('delete_task').getAttribute('data-state')).toBe('pending')
    expect(await card('delete_task').textContent()).toContain('Read the AG-UI event list')
    await expect.poll(tasks).toEqual(['Read the AG-UI event list', 'Try the demo chat'])

    await card('delete_task').getByRole('button', { name: 'Approve' }).click()
    await reply('Deleted Read the AG-UI event list.')
    await expect.poll(tasks).toEqual(['Try the demo chat'])
    const resume = requests.at(-1)!
    expect(resume.resume).toEqual([
      {
        interruptId: expect.stringMatching(/-approval$/),
        status: 'resolved',
        payload: { approved: true },
      },
    ])
    expect(problems).toEqual([])
  })

  it('submits the structured interrupt form (string, integer, boolean, enum)', async () => {
    await send('book a meeting')
    const prompt = interrupt()
    await prompt.waitFor({ timeout: 30_000 })
    await expect.poll(() => prompt.getAttribute('data-state')).toBe('open')
    await prompt.getByLabel('Title').fill('Team sync')
    await prompt.getByLabel('Duration (minutes)').fill('45')
    await prompt.getByLabel('Online').check()
    await prompt.getByLabel('Room').selectOption('Cosmos')
    await prompt.getByRole('button', { name: 'Submit' }).click()

    await reply('Booked Team sync: 45 minutes in Cosmos, online.')
    await expect
      .poll(() => page.locator('[data-testid="meeting-list"] li').allTextContents())
      .toEqual(['Team sync: 45 min, Cosmos, online'])
    const resume = requests.at(-1)!.resume
    expect(resume).toEqual([
      {
        interruptId: expect.stringMatching(/-meeting$/),
        status: 'resolved',
        payload: { title: 'Team sync', durationMinutes: 45, online: true, room: 'Cosmos' },
      },
    ])
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    expect(problems).toEqual([])
  })

  it('an expired interrupt offers only Cancel, and cancelling it resumes the run', async () => {
    await send('book a meeting that expires in 2 seconds')
    const prompt = interrupt()
    await prompt.waitFor({ timeout: 30_000 })
    await expect.poll(() => prompt.getAttribute('data-state'), { timeout: 10_000 }).toBe('expired')
    expect(await prompt.getByRole('button', { name: 'Submit' }).count()).toBe(0)
    await prompt.getByRole('button', { name: 'Cancel' }).click()

    await reply('Okay, I did not book the meeting.')
    expect(requests.at(-1)!.resume).toEqual([
      { interruptId: expect.stringMatching(/-meeting$/), status: 'cancelled' },
    ])
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('finished')
    expect(await page.locator('[data-testid="meeting-list"]').count()).toBe(0)
    expect(problems).toEqual([])
  })
})

describe('the cards load on first use (issue 7)', () => {
  it('not in the first load; fetched once the thread has a tool call', async () => {
    expect(chunkFetches).toEqual([])
    await send('delete the done tasks')
    await expect
      .poll(() => card('delete_task').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('pending')
    expect(chunkFetches.length).toBeGreaterThan(0)
    expect(problems).toEqual([])
  })

  it('a failed fetch shows an alert with Retry and the approval stays pending; Retry brings the card', async () => {
    const refuse = (route: Route) => route.abort('internetdisconnected')
    await page.route(CHUNK, refuse)
    await send('delete the done tasks')
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('interrupted')
    const held = page.locator('[data-awr="hitl-placeholder"]')
    await expect
      .poll(() => held.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('This part of the chat could not be loaded.')
    expect(await held.textContent()).toContain('Approval needed: delete_task')
    expect(await card('delete_task').count()).toBe(0)
    expect(chunkFetches.length).toBeGreaterThan(0)
    // Only the failed fetch is reported (the browser's and the kit's log), no page error.
    expect(problems.length).toBeGreaterThan(0)
    for (const problem of problems)
      expect(problem).toMatch(/^console\.error: .*(could not be loaded|Failed to load resource)/)

    await page.unroute(CHUNK, refuse)
    await held.getByRole('button', { name: 'Retry' }).click()
    await expect
      .poll(() => card('delete_task').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('pending')
    expect(await held.count()).toBe(0)
    await card('delete_task').getByRole('button', { name: 'Approve' }).click()
    await reply('Deleted Read the AG-UI event list.')
    expect(requests.at(-1)!.resume).toEqual([
      {
        interruptId: expect.stringMatching(/-approval$/),
        status: 'resolved',
        payload: { approved: true },
      },
    ])
  })
})
