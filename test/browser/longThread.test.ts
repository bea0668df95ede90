import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startRenderPageDev, type RenderPage } from '../../bench/render/startRenderPage'
import type { OpenReport } from '../../bench/render/page/renderBenchApi'
import { launchChromium, type LaunchedChromium } from './launchChromium'

// Long threads in a real browser (issue 4 "Long threads"): `<Chat />` over the bench page
// (bench/render/page), development React. Functional checks only; the timings are the bench's.

let browser: LaunchedChromium
let server: RenderPage
let page: Page
let problems: string[]

beforeAll(async () => {
  server = await startRenderPageDev()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

beforeEach(async () => {
  problems = []
  page = await browser.context.newPage()
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`)
  })
  await page.goto(server.url)
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
})

afterEach(async () => {
  await page?.close()
})

interface ListState {
  /** Distance from the end of the scroll range (px). */
  fromBottom: number
  scrollHeight: number
  articles: number
  ids: string[]
  jump: boolean
  virtualized: boolean
}

const listState = () =>
  page.evaluate((): ListState => {
    const log = document.querySelector<HTMLElement>('[role="log"]')!
    const articles = [...log.querySelectorAll<HTMLElement>('article')]
    return {
      fromBottom: log.scrollHeight - log.scrollTop - log.clientHeight,
      scrollHeight: log.scrollHeight,
      articles: articles.length,
      ids: articles.map((a) => a.dataset.messageId ?? ''),
      jump: document.querySelector('.awr-jump-to-latest') !== null,
      virtualized: log.hasAttribute('data-virtualized'),
    }
  })

/** The first article fully inside the log's viewport: its id and its top relative to the log. */
const anchor = (id?: string) =>
  page.evaluate((wanted) => {
    const log = document.querySelector<HTMLElement>('[role="log"]')!
    const box = log.getBoundingClientRect()
    for (const article of log.querySelectorAll<HTMLElement>('article')) {
      const top = article.getBoundingClientRect().top - box.top
      if (wanted ? article.dataset.messageId === wanted : top >= 0) {
        return { id: article.dataset.messageId!, top }
      }
    }
    return null
  }, id)

/** The largest gap (px) between rendered rows of consecutive indexes, where, and how many rows. */
const worstGap = () =>
  page.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('[role="log"] [data-index]')]
      .map((row) => {
        const box = row.getBoundingClientRect()
        return { index: Number(row.dataset.index), top: box.top, bottom: box.bottom }
      })
      .sort((a, b) => a.index - b.index)
    let worst = { index: -1, gap: 0, rows: rows.length }
    for (let i = 1; i < rows.length; i++) {
      if (rows[i].index !== rows[i - 1].index + 1) continue
      const gap = Math.abs(rows[i].top - rows[i - 1].bottom)
      if (gap > worst.gap) worst = { index: rows[i].index, gap, rows: rows.length }
    }
    return worst
  })

/** Starts streaming a reply; `finished()` resolves when it is done and painted. */
async function startStream(tokens: number, perSecond: number) {
  await page.evaluate(
    ({ tokens, perSecond }) => {
      ;(window as unknown as { streaming: Promise<unknown> }).streaming = window.renderBench.stream(
        { tokens, perSecond },
      )
    },
    { tokens, perSecond },
  )
  return {
    finished: () =>
      page.evaluate(() => (window as unknown as { streaming: Promise<unknown> }).streaming),
  }
}

const isStreaming = () => page.evaluate(() => window.renderBench.isStreaming())

/** The log's `scrollTop` now and two animation frames later (px). */
const scrollTopAcrossFrames = () =>
  page.evaluate(async () => {
    const log = document.querySelector<HTMLElement>('[role="log"]')!
    const before = log.scrollTop
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve))
    return { before, after: log.scrollTop }
  })

/**
 * Scrolls the log up by `px` as a user does (mouse wheel over it), and returns once the scroll
 * has come to rest (Chromium may apply a wheel over several frames: a position read while it
 * still moves is not where the reader ends up).
 */
async function wheelUp(px: number) {
  const box = (await page.locator('[role="log"]').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.wheel(0, -px)
  await expect.poll(async () => (await listState()).fromBottom).toBeGreaterThan(px / 2)
  await expect
    .poll(async () => {
      const { before, after } = await scrollTopAcrossFrames()
      return before === after
    })
    .toBe(true)
}

describe('a 10,000-message thread in <Chat />', () => {
  let opened: OpenReport
  beforeEach(async () => {
    opened = await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 10_000 }))
  })

  it('opens at the newest message and renders only a window of articles', async () => {
    // First paint: the virtualizer's chunk is still loading; only the thread's tail renders
    // (at most 50 rows), at the bottom. `open` then waits for the virtualizer.
    expect(opened.atFirstPaint).toEqual({ virtualizer: 'loading', lastId: 'm9999', fromBottom: 0 })
    expect(opened.articles).toBe(50)
    // Rows measured after the takeover may move the end for a frame or two on a loaded
    // machine; the list must settle at the bottom.
    await expect.poll(async () => (await listState()).fromBottom).toBeLessThanOrEqual(1)
    const state = await listState()
    expect(state.virtualized).toBe(true)
    expect(state.articles).toBeGreaterThan(0)
    expect(state.articles).toBeLessThan(200)
    expect(state.ids.at(-1)).toBe('m9999')
    expect(state.fromBottom).toBeLessThanOrEqual(1)
    expect(state.jump).toBe(false)
    // Screen readers learn each article's place in the whole thread.
    const positions = await page.$$eval('[role="log"] article', (articles) =>
      articles.map((a) => [
        a.getAttribute('data-message-id'),
        a.getAttribute('aria-posinset'),
        a.getAttribute('aria-setsize'),
      ]),
    )
    for (const [id, posinset, setsize] of positions) {
      expect(Number(posinset)).toBe(Number(id!.slice(1)) + 1)
      expect(setsize).toBe('10000')
    }
    expect(problems).toEqual([])
  })

  it('sticks to the bottom while a reply streams', async () => {
    const before = await listState()
    const stream = await startStream(600, 200)
    const samples: ListState[] = []
    await expect.poll(isStreaming).toBe(true)
    while (await isStreaming()) {
      samples.push(await listState())
      await page.waitForTimeout(50)
    }
    await stream.finished()
    const after = await listState()
    // The reply grew the list over several samples, and every sample was at the bottom.
    expect(new Set(samples.map((s) => s.scrollHeight)).size).toBeGreaterThan(3)
    expect(after.scrollHeight).toBeGreaterThan(before.scrollHeight + 500)
    for (const sample of samples) expect(sample.fromBottom).toBeLessThanOrEqual(48)
    expect(after.fromBottom).toBeLessThanOrEqual(1)
    expect(after.ids.at(-1)).toBe('reply-0')
    expect(after.articles).toBeLessThan(200)
    expect(after.jump).toBe(false)
    expect(problems).toEqual([])
  })

  it('keeps the reader in place while tokens arrive and messages above change', async () => {
    await wheelUp(2_500)
    const start = (await anchor())!
    expect(start).not.toBeNull()
    const stream = await startStream(400, 200)
    await expect.poll(isStreaming).toBe(true)
    const drift: number[] = []
    let grown = false
    while (await isStreaming()) {
      if (!grown) {
        // A message above the viewport gets longer (an edit, a late update).
        const above = Number(start.id.slice(1)) - 3
        await page.evaluate(
          (id) => window.renderBench.growMessage(id, '\n\nA late addition.\n\n'.repeat(8)),
          `m${above}`,
        )
        grown = true
      }
      const now = await anchor(start.id)
      expect(now, 'the anchored article stays rendered').not.toBeNull()
      drift.push(Math.abs(now!.top - start.top))
      await page.waitForTimeout(50)
    }
    await stream.finished()
    const end = (await anchor(start.id))!
    drift.push(Math.abs(end.top - start.top))
    expect(drift.length).toBeGreaterThan(3)
    expect(Math.max(...drift)).toBeLessThanOrEqual(2)
    const state = await listState()
    expect(state.jump).toBe(true)
    expect(state.fromBottom).toBeGreaterThan(1_000)
    expect(problems).toEqual([])
  })

  it('regenerating the last reply keeps the rows laid out one below the other, at the bottom', async () => {
    await (await startStream(100, 500)).finished()
    // Cuts the thread before the user message above reply-0 (that message, sent again, is then
    // the last row, in flow) and streams reply-1 (the user message rejoins the virtualized rows).
    await page.evaluate(() => window.renderBench.regenerate({ tokens: 100, perSecond: 500 }))
    await expect.poll(async () => (await listState()).fromBottom).toBeLessThanOrEqual(1)
    // Rows of consecutive indexes touch (within rounding: measured heights are whole pixels).
    await expect.poll(async () => (await worstGap()).gap).toBeLessThan(1)
    expect((await worstGap()).rows).toBeGreaterThan(3)
    const state = await listState()
    expect(state.ids.at(-1)).toBe('reply-1')
    expect(state.ids).not.toContain('reply-0')
    expect(problems).toEqual([])
  })

  it('a reply added at the bottom: the row it pushes up joins the virtualized rows in place', async () => {
    await expect.poll(async () => (await listState()).fromBottom).toBeLessThanOrEqual(1)
    // While the list follows the end (scrolling), the library measures a new row only on its
    // ResizeObserver's callback; the former last row (m9999) is measured as it joins instead.
    await (await startStream(200, 500)).finished()
    await expect.poll(async () => (await worstGap()).gap).toBeLessThan(1)
    expect((await worstGap()).rows).toBeGreaterThan(3)
    const state = await listState()
    expect(state.ids.slice(-2)).toEqual(['m9999', 'reply-0'])
    expect(state.fromBottom).toBeLessThanOrEqual(1)
    // No React warning either (e.g. a flushSync from the measurement, inside a commit).
    expect(problems).toEqual([])
  })

  it('shows "Jump to latest" when scrolled up; it returns to the newest message', async () => {
    expect((await listState()).jump).toBe(false)
    await wheelUp(5_000)
    const jump = page.getByRole('button', { name: 'Jump to latest' })
    await jump.waitFor()
    await jump.click()
    // At the bottom with the newest row rendered (the virtualizer renders the new window a frame
    // after the scroll, so both are polled together).
    await expect
      .poll(async () => {
        const { fromBottom, ids } = await listState()
        return { atBottom: fromBottom <= 1, last: ids.at(-1) }
      })
      .toEqual({ atBottom: true, last: 'm9999' })
    await expect.poll(async () => (await listState()).jump).toBe(false)
    // Focus stays in the conversation, not on a button that went away.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('log')
    // A reply streamed now is followed again.
    const stream = await startStream(200, 200)
    await stream.finished()
    expect((await listState()).fromBottom).toBeLessThanOrEqual(1)
    expect(problems).toEqual([])
  })

  it('scrolls by keyboard: Home reaches the first message, End the last', async () => {
    await page.locator('[role="log"]').focus()
    await page.keyboard.press('Home')
    await expect.poll(async () => (await listState()).ids[0]).toBe('m0')
    expect((await listState()).articles).toBeLessThan(200)
    await page.keyboard.press('End')
    await expect.poll(async () => (await listState()).ids.at(-1)).toBe('m9999')
    await expect.poll(async () => (await listState()).fromBottom).toBeLessThanOrEqual(1)
    expect(problems).toEqual([])
  })
})

describe('a thread crossing the virtualization threshold', () => {
  it('switches to the virtualized list without moving the reader', async () => {
    await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 99 }))
    expect((await listState()).virtualized).toBe(false)
    expect((await listState()).articles).toBe(99)
    await wheelUp(1_500)
    const start = (await anchor())!
    const stream = await startStream(100, 200)
    await stream.finished()
    // The virtualizer's chunk loads when the thread reaches 100 messages (not preloaded here).
    await expect.poll(async () => (await listState()).virtualized).toBe(true)
    const state = await listState()
    expect(state.articles).toBeLessThan(100)
    const end = (await anchor(start.id))!
    expect(Math.abs(end.top - start.top)).toBeLessThanOrEqual(2)
    expect(problems).toEqual([])
  })
})

describe('the virtualizer chunk arriving while the reader is scrolled up in the tail', () => {
  it('switches to the virtualized list without moving the reader', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/thread/VirtualizerHost.tsx*', async (route) => {
      await held
      await route.continue()
    })
    await page.evaluate(() =>
      window.renderBench.open({ impl: 'ours', messages: 10_000, waitForVirtualizer: false }),
    )
    const frame = page.locator('.awr-message-list-frame')
    expect(await frame.getAttribute('data-virtualizer')).toBe('loading')
    await wheelUp(1_500)
    const start = (await anchor())!
    expect(start).not.toBeNull()
    release()
    await expect.poll(async () => (await listState()).virtualized).toBe(true)
    await page.waitForTimeout(200)
    const end = (await anchor(start.id))!
    expect(end, 'the anchored article stays rendered').not.toBeNull()
    expect(Math.abs(end.top - start.top)).toBeLessThanOrEqual(2)
    const state = await listState()
    expect(state.articles).toBeLessThan(100)
    expect(state.jump).toBe(true)
    // And back to the newest message with the virtualizer.
    await page.getByRole('button', { name: 'Jump to latest' }).click()
    await expect
      .poll(async () => {
        const { fromBottom, ids } = await listState()
        return { atBottom: fromBottom <= 1, last: ids.at(-1) }
      })
      .toEqual({ atBottom: true, last: 'm9999' })
    expect(problems).toEqual([])
  })
})

describe('the virtualizer chunk failing to load', () => {
  it('keeps a readable, scrollable tail, then virtualizes when the next message retries', async () => {
    const blocked = '**/thread/VirtualizerHost.tsx*'
    await page.route(blocked, (route) => route.abort('connectionrefused'))
    const opened = await page.evaluate(() =>
      window.renderBench.open({ impl: 'ours', messages: 10_000 }),
    )
    expect(opened.atFirstPaint?.lastId).toBe('m9999')
    const frame = page.locator('.awr-message-list-frame')
    expect(await frame.getAttribute('data-virtualizer')).toBe('failed')
    let state = await listState()
    expect(state).toMatchObject({ articles: 50, virtualized: false, fromBottom: 0 })
    expect(state.ids.at(-1)).toBe('m9999')
    // The tail scrolls as any list does.
    await wheelUp(1_000)
    expect((await listState()).jump).toBe(true)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => p.includes('virtualizer') || p.includes('ERR_'))).toBe(true)
    problems = []

    // The chunk is reachable again: the next message (a reply) loads it, the list virtualizes.
    await page.unroute(blocked)
    await page.getByRole('button', { name: 'Jump to latest' }).click()
    const stream = await startStream(50, 200)
    await stream.finished()
    await expect.poll(async () => (await listState()).virtualized).toBe(true)
    expect(await frame.getAttribute('data-virtualizer')).toBeNull()
    await expect.poll(async () => (await listState()).fromBottom).toBeLessThanOrEqual(1)
    state = await listState()
    expect(state.ids.at(-1)).toBe('reply-0')
    expect(state.articles).toBeLessThan(100)
    expect(problems).toEqual([])
  })
})
