/**
 * The commit diagnostics behind bench/render/commits.mjs: runs the streaming scenario of the
 * rendering bench in headless Chromium with the page's animation frames recorded next to React's
 * commits, and groups the commits by frame.
 */
import { launchChromium } from '../../test/browser/launchChromium'
import { streamRecordingFrames } from './pageProbes'
import { startRenderPageBuilt } from './startRenderPage'

/** One streaming run. */
export interface CommitsReport {
  commitsPerSecond: number
  durationMs: number
  frames: number
  commits: number
  /** Frames by the number of commits in them. */
  histogram: Record<number, number>
  /** Frames with more than one commit: when (ms after the first frame), and what rendered. */
  extra: Array<{ atMs: number; rows: number; commits: string[] }>
}

/** Runs the stream `runs` times (a fresh tab each) for `seconds` at 500 tokens/s. */
export async function commitsPerFrame({
  seconds,
  runs,
  names,
  hz,
}: {
  seconds: number
  runs: number
  names: boolean
  /** Refresh rate to emulate (`renderBench.emulateDisplay`); Chromium's own 60 Hz if absent. */
  hz?: number
}): Promise<CommitsReport[]> {
  const served = await startRenderPageBuilt({ minify: !names })
  const browser = await launchChromium()
  const reports: CommitsReport[] = []
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.context.newPage()
      await page.goto(served.url)
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
      if (hz !== undefined) await page.evaluate((h) => window.renderBench.emulateDisplay(h), hz)
      await page.evaluate(() => window.renderBench.open({ impl: 'ours', messages: 1_000 }))
      const report = await page.evaluate(streamRecordingFrames, {
        tokens: 500 * seconds,
        perSecond: 500,
        traceNames: names,
      })
      const { result, frames, rows, commitTimes: times } = report
      const histogram: Record<number, number> = {}
      const extra: CommitsReport['extra'] = []
      let c = 0
      for (let f = 1; f < frames.length; f++) {
        const inFrame: string[] = []
        while (c < times.length && times[c] < frames[f]) {
          if (times[c] >= frames[f - 1]) {
            inFrame.push(
              `${Math.round(times[c] - frames[f - 1])} ms: ${(report.commitNames[c] ?? []).slice(0, 12).join(' ') || '?'}`,
            )
          }
          c++
        }
        histogram[inFrame.length] = (histogram[inFrame.length] ?? 0) + 1
        if (inFrame.length > 1) {
          extra.push({
            atMs: Math.round(frames[f - 1] - frames[0]),
            rows: rows[f],
            commits: inFrame,
          })
        }
      }
      reports.push({
        commitsPerSecond: Math.round((result.commits / (result.durationMs / 1000)) * 10) / 10,
        durationMs: Math.round(result.durationMs),
        frames: frames.length,
        commits: result.commits,
        histogram,
        extra,
      })
      await page.close()
    }
  } finally {
    await browser.close()
    await served.close()
  }
  return reports
}

/** The reports as text. */
export function formatCommits(reports: CommitsReport[]): string {
  return reports
    .map((r, i) =>
      [
        `## run ${i + 1}: ${r.commitsPerSecond} commits/s (${r.commits} commits, ${r.frames} frames, ${r.durationMs} ms)`,
        `frames by commits in them: ${JSON.stringify(r.histogram)}`,
        ...r.extra.map(
          (e) => `- frame at ${e.atMs} ms (${e.rows} rows):\n    ${e.commits.join('\n    ')}`,
        ),
      ].join('\n'),
    )
    .join('\n\n')
}
