/**
 * Attribution of the rendering benchmark's long tasks (issue 7): runs the bench page's scenarios
 * (ours only) under a Chromium performance trace (CDP `Tracing`) and prints, for every main-thread
 * task over 50 ms, its wall time, the CPU time the thread actually got (`tdur`) and what ran in it
 * (script by function/URL, style, layout, paint, GC, compile). A task whose CPU time is far below
 * its wall time was descheduled (machine load), not busy with our code. An idle baseline (the same
 * page, a requestAnimationFrame loop and nothing else, for as long as the stream) is traced the
 * same way, so long tasks can be compared with what this machine produces under the same load.
 * Entry: `node bench/render/profile.mjs [--seconds 10]`.
 */
import type { CDPSession, Page } from 'playwright-core'
import { launchChromium, type LaunchedChromium } from '../../test/browser/launchChromium'
import {
  attribute,
  hotFunctions,
  type CpuProfile,
  type TracedScenario,
  type TraceEvent,
} from './attributeTrace'
import { startRenderPageBuilt } from './startRenderPage'

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
]

async function traced<T>(page: Page, body: () => Promise<T>): Promise<TraceEvent[]> {
  const client: CDPSession = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  client.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  )
  const complete = new Promise<void>((resolve) =>
    client.once('Tracing.tracingComplete', () => resolve()),
  )
  await client.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  })
  await body()
  await client.send('Tracing.end')
  await complete
  await client.detach()
  return events
}

async function freshPage(browser: LaunchedChromium, url: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(url)
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  return page
}

/** Options of {@link profileLongTasks}. */
export interface ProfileOptions {
  /** Stream length and idle baseline length (s). Default 10. */
  seconds: number
  /** Tokens per second. Default 500. */
  perSecond: number
  /** Build the page unminified, so functions keep their names. Default false. */
  names: boolean
}

/** Traces the idle baseline, the stream into 1,000 messages and the 10,000-message scroll. */
export async function profileLongTasks(overrides: Partial<ProfileOptions> = {}): Promise<{
  scenarios: TracedScenario[]
  hot: Array<[string, number]>
  hotScroll: Array<[string, number]>
  commitsPerFrame: Record<string, number>
}> {
  const { seconds, perSecond, names } = { seconds: 10, perSecond: 500, names: false, ...overrides }
  const served = await startRenderPageBuilt({ minify: !names })
  const browser = await launchChromium()
  const out: TracedScenario[] = []
  let hot: Array<[string, number]>
  let hotScroll: Array<[string, number]>
  let commitsPerFrame: Record<string, number> = {}
  try {
    // Idle baseline: the bench page, a 1,000-message <Chat /> open, nothing streaming; a
    // requestAnimationFrame loop keeps frames coming as during the stream.
    let page = await freshPage(browser, served.url)
    await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 1_000 }))
    out.push(
      attribute(
        `idle baseline, ${seconds} s, 1,000-message <Chat /> open, rAF loop`,
        await traced(page, () =>
          page.evaluate(
            (s) =>
              new Promise<void>((resolve) => {
                const end = performance.now() + s * 1000
                const frame = () =>
                  performance.now() < end ? requestAnimationFrame(frame) : resolve()
                requestAnimationFrame(frame)
              }),
            seconds,
          ),
        ),
      ),
    )
    await page.close()

    page = await freshPage(browser, served.url)
    await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 1_000 }))
    let reported: number[] = []
    const streamEvents = await traced(page, async () => {
      const report = await page.evaluate(
        async (o) => {
          // Animation frames during the stream, to count the commits in each.
          const frames: number[] = []
          const rows: number[] = []
          let on = true
          const frame = (t: number) => {
            frames.push(t)
            rows.push(document.querySelectorAll('[role="log"] article').length)
            if (on) requestAnimationFrame(frame)
          }
          requestAnimationFrame(frame)
          const result = await window.renderBench.stream(o)
          on = false
          return { ...result, frames, rows, commitTimes: window.renderBench.commitTimes() }
        },
        { tokens: perSecond * seconds, perSecond },
      )
      reported = report.longTasks
      commitsPerFrame = histogram(report.frames, report.commitTimes, report.rows)
    })
    out.push({
      ...attribute(
        `stream ${perSecond} tokens/s × ${seconds} s into 1,000 messages (page saw long tasks: ${reported.join(', ') || 'none'})`,
        streamEvents,
      ),
    })
    await page.close()

    page = await freshPage(browser, served.url)
    await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 10_000 }))
    const scrollEvents = await traced(page, async () => {
      const report = await page.evaluate(() =>
        window.renderBench.scrollThrough({ frames: 120, stepPx: 400 }),
      )
      reported = report.longTasks
    })
    out.push(
      attribute(
        `scroll 10,000 messages, 400 px × 120 frames (page saw long tasks: ${reported.join(', ') || 'none'})`,
        scrollEvents,
      ),
    )
    await page.close()

    // The stream again under the sampling CPU profiler: where the main thread's time goes.
    page = await freshPage(browser, served.url)
    await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 1_000 }))
    const client = await page.context().newCDPSession(page)
    await client.send('Profiler.enable')
    await client.send('Profiler.setSamplingInterval', { interval: 200 })
    await client.send('Profiler.start')
    await page.evaluate((o) => window.renderBench.stream(o), {
      tokens: perSecond * seconds,
      perSecond,
    })
    const { profile } = await client.send('Profiler.stop')
    hot = hotFunctions(profile as CpuProfile)
    await client.detach()
    await page.close()

    // The 10,000-message scroll under the profiler.
    page = await freshPage(browser, served.url)
    await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 10_000 }))
    const scrollClient = await page.context().newCDPSession(page)
    await scrollClient.send('Profiler.enable')
    await scrollClient.send('Profiler.setSamplingInterval', { interval: 200 })
    await scrollClient.send('Profiler.start')
    await page.evaluate(() => window.renderBench.scrollThrough({ frames: 120, stepPx: 400 }))
    const scrolled = await scrollClient.send('Profiler.stop')
    hotScroll = hotFunctions(scrolled.profile as CpuProfile)
    await scrollClient.detach()
    await page.close()
  } finally {
    await browser.close()
    await served.close()
  }
  return { scenarios: out, hot, hotScroll, commitsPerFrame }
}

/** How many animation frames saw 0, 1, 2, ... React commits (commits between two frames). */
function histogram(frames: number[], commits: number[], rows: number[]): Record<string, number> {
  const out: Record<string, number> = {}
  let c = 0
  for (let f = 1; f < frames.length; f++) {
    let n = 0
    while (c < commits.length && commits[c] < frames[f]) {
      if (commits[c] >= frames[f - 1]) n++
      c++
    }
    out[n] = (out[n] ?? 0) + 1
    // Where the frames with more than one commit fall (ms after the first frame).
    // and the rows (articles) mounted then: a change means the virtualizer's window moved.
    if (n > 1) out[`${n} at ${Math.round(frames[f] - frames[0])} ms, rows`] = rows[f]
    if (rows[f] !== rows[f - 1]) {
      out[`rows ${rows[f - 1]}→${rows[f]} at ${Math.round(frames[f] - frames[0])} ms, commits`] = n
    }
  }
  out.frames = frames.length
  out.commits = commits.length
  return out
}

/** Prints the scenarios as text. */
export function formatProfile({
  scenarios,
  hot,
  hotScroll,
  commitsPerFrame,
}: {
  scenarios: readonly TracedScenario[]
  hot: ReadonlyArray<[string, number]>
  hotScroll: ReadonlyArray<[string, number]>
  commitsPerFrame: Record<string, number>
}): string {
  const lines: string[] = []
  lines.push(
    `stream: animation frames by React commits in them: ${JSON.stringify(commitsPerFrame)}`,
  )
  for (const s of scenarios) {
    lines.push(`\n## ${s.scenario}`)
    lines.push(
      `main-thread tasks: ${s.tasks}, wall ${s.taskWallMs} ms, CPU ${s.taskCpuMs} ms; tasks > 50 ms: ${s.longTasks.length}`,
    )
    for (const t of s.longTasks) {
      lines.push(
        `- ${t.wallMs} ms wall, ${t.cpuMs} ms CPU: ${t.breakdown.map(([k, v]) => `${k} ${v}`).join('; ')}`,
      )
    }
    lines.push('longest tasks:')
    for (const t of s.longest) {
      lines.push(
        `  ${t.wallMs} ms wall, ${t.cpuMs} ms CPU: ${t.breakdown.map(([k, v]) => `${k} ${v}`).join('; ')}`,
      )
    }
    lines.push(`self time by activity (ms): ${s.totals.map(([k, v]) => `${k} ${v}`).join('; ')}`)
  }
  lines.push('\n## CPU profile of the stream: self time by function (ms)')
  for (const [fn, t] of hot) lines.push(`- ${t} ${fn}`)
  lines.push('\n## CPU profile of the 10,000-message scroll: self time by function (ms)')
  for (const [fn, t] of hotScroll) lines.push(`- ${t} ${fn}`)
  return lines.join('\n')
}
