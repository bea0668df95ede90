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
import { calibrate, framesWithWork, histogram, streamRecordingFrames } from './pageProbes'
import { startRenderPageBuilt } from './startRenderPage'

export { formatProfile } from './formatProfile'

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
]

/** Traces `body`; with `profile`, also samples it with the CPU profiler (same clock). */
async function traced<T>(page: Page, body: () => Promise<T>): Promise<TraceEvent[]>
async function traced<T>(
  page: Page,
  body: () => Promise<T>,
  profile: true,
): Promise<{ events: TraceEvent[]; profile: CpuProfile }>
async function traced<T>(
  page: Page,
  body: () => Promise<T>,
  profile = false,
): Promise<TraceEvent[] | { events: TraceEvent[]; profile: CpuProfile }> {
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
  if (profile) {
    await client.send('Profiler.enable')
    await client.send('Profiler.setSamplingInterval', { interval: 200 })
    await client.send('Profiler.start')
  }
  await body()
  const sampled = profile ? (await client.send('Profiler.stop')).profile : undefined
  await client.send('Tracing.end')
  await complete
  await client.detach()
  return sampled ? { events, profile: sampled as CpuProfile } : events
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
  hotOpen: Array<[string, number]>
  hotScroll: Array<[string, number]>
  commitsPerFrame: Record<string, number>
}> {
  const { seconds, perSecond, names } = { seconds: 10, perSecond: 500, names: false, ...overrides }
  const served = await startRenderPageBuilt({ minify: !names })
  const browser = await launchChromium()
  const out: TracedScenario[] = []
  let hot: Array<[string, number]>
  let hotScroll: Array<[string, number]>
  let hotOpen: Array<[string, number]>
  let commitsPerFrame: Record<string, number> = {}
  try {
    // Baselines: the bench page, a 1,000-message <Chat /> open, nothing streaming; a
    // requestAnimationFrame loop keeps frames coming as during the stream, each frame doing a
    // fixed amount of synthetic CPU work (0: idle; 5 and 15 ms: about our stream's and scroll's
    // largest per-frame tasks, calibrated before tracing). Under the same machine load, these
    // show how often a task of that size becomes a long task with no code of ours in it.
    let page: Page
    for (const workMs of [0, 5, 15]) {
      page = await freshPage(browser, served.url)
      await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 1_000 }))
      const iterations = await page.evaluate(calibrate, workMs)
      let seen: number[] = []
      const events = await traced(page, async () => {
        seen = await page.evaluate(framesWithWork, { seconds, iterations })
      })
      out.push(
        attribute(
          `baseline, ${seconds} s, rAF loop, ${workMs} ms of synthetic work per frame (page saw long tasks: ${seen.join(', ') || 'none'})`,
          events,
        ),
      )
      await page.close()
    }

    page = await freshPage(browser, served.url)
    await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 1_000 }))
    let reported: number[] = []
    let lateChunks: string[] = []
    const streamEvents = await traced(page, async () => {
      const report = await page.evaluate(streamRecordingFrames, {
        tokens: perSecond * seconds,
        perSecond,
        traceNames: false,
      })
      // Script chunks (the lazy markdown and virtualizer ones) that arrived during the stream.
      const late = await page.evaluate(
        (t0) =>
          performance
            .getEntriesByType('resource')
            .filter(
              (e) => e.name.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd > t0,
            )
            .map((e) => e.name.replace(/^.*\//, '')),
        report.t0,
      )
      reported = report.result.longTasks
      lateChunks = late
      commitsPerFrame = histogram(report.frames, report.commitTimes, report.rows)
    })
    out.push({
      ...attribute(
        `stream ${perSecond} tokens/s × ${seconds} s into 1,000 messages (page saw long tasks: ${reported.join(', ') || 'none'}; chunks arriving meanwhile: ${lateChunks.join(', ') || 'none'})`,
        streamEvents,
      ),
    })
    await page.close()

    // Opening the 10,000-message thread: first render, then the lazy virtualizer chunk's
    // arrival (load, compile, evaluate) and the switch to the virtualized list.
    page = await freshPage(browser, served.url)
    let opened = ''
    const openTrace = await traced(
      page,
      async () => {
        const report = await page.evaluate(async () => {
          const t0 = performance.now()
          const result = await window.renderBench.open({ impl: 'ours', messages: 10_000 })
          // When each script chunk arrived (ms after open started).
          const chunks = performance
            .getEntriesByType('resource')
            .filter(
              (e) => e.name.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd > t0,
            )
            .map(
              (e) =>
                `${e.name.replace(/^.*\//, '')} at ${Math.round((e as PerformanceResourceTiming).responseEnd - t0)} ms`,
            )
          return { ...result, chunks }
        })
        opened = `first paint ${Math.round(report.firstPaintMs)} ms, virtualizer ${Math.round(report.virtualizerMs ?? 0)} ms after; ${report.chunks.join(', ')}`
      },
      true,
    )
    out.push(attribute(`open 10,000 messages (${opened})`, openTrace.events, openTrace.profile))
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
    const sampled = profile as CpuProfile & { startTime: number; endTime: number }
    // Each half of the stream by script file: the reply is 3× longer on average in the second
    // half, so work that grows with its length shows up there.
    const mid = (sampled.startTime + sampled.endTime) / 2
    const half = (from: number, to: number) =>
      hotFunctions(sampled, 4, { byFile: true, from, to })
        .filter(([file]) => !file.startsWith('(native)'))
        .map(([file, t]): [string, number] => [`${file}, half ${from === mid ? 2 : 1}`, t])
    hot = [
      ...hotFunctions(sampled, 8, { byFile: true }),
      ...half(sampled.startTime, mid),
      ...half(mid, sampled.endTime),
      ...hotFunctions(sampled),
    ]
    await client.detach()
    await page.close()

    // Opening the 10,000-message thread, then its scroll, under the profiler.
    page = await freshPage(browser, served.url)
    const scrollClient = await page.context().newCDPSession(page)
    await scrollClient.send('Profiler.enable')
    await scrollClient.send('Profiler.setSamplingInterval', { interval: 200 })
    await scrollClient.send('Profiler.start')
    await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 10_000 }))
    const openedProfile = await scrollClient.send('Profiler.stop')
    hotOpen = [
      ...hotFunctions(openedProfile.profile as CpuProfile, 8, { byFile: true }),
      ...hotFunctions(openedProfile.profile as CpuProfile),
    ]
    await scrollClient.send('Profiler.start')
    await page.evaluate(() => window.renderBench.scrollThrough({ frames: 120, stepPx: 400 }))
    const scrolled = await scrollClient.send('Profiler.stop')
    hotScroll = [
      ...hotFunctions(scrolled.profile as CpuProfile, 8, { byFile: true }),
      ...hotFunctions(scrolled.profile as CpuProfile),
    ]
    await scrollClient.detach()
    await page.close()
  } finally {
    await browser.close()
    await served.close()
  }
  return { scenarios: out, hot, hotOpen, hotScroll, commitsPerFrame }
}
