/**
 * Helpers of the long-task profile (bench/render/profileLongTasks.ts): functions run in the bench
 * page (`page.evaluate`) for the synthetic-work baselines, and the commits-per-frame count.
 */
/** In the page: loop iterations of the busy loop that take `ms` (0: none), measured now. */
export function calibrate(ms: number): number {
  if (ms === 0) return 0
  const spin = (n: number) => {
    let x = 0
    for (let i = 0; i < n; i++) x = (x * 31 + i) | 0
    return x
  }
  let n = 1_000
  for (;;) {
    const t0 = performance.now()
    spin(n)
    const took = performance.now() - t0
    if (took > 20) return Math.round((n * ms) / took)
    n *= 2
  }
}

/**
 * In the page: a requestAnimationFrame loop for `seconds`, each frame running `iterations` of
 * the same loop as {@link calibrate}; resolves with the long tasks (ms) the page observed.
 */
export function framesWithWork({
  seconds,
  iterations,
}: {
  seconds: number
  iterations: number
}): Promise<number[]> {
  const long: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) long.push(Math.round(entry.duration))
  })
  observer.observe({ type: 'longtask' })
  return new Promise((resolve) => {
    const end = performance.now() + seconds * 1000
    let sink = 0
    const spin = (n: number) => {
      let x = 0
      for (let i = 0; i < n; i++) x = (x * 31 + i) | 0
      return x
    }
    const frame = () => {
      sink ^= spin(iterations)
      if (performance.now() < end) requestAnimationFrame(frame)
      else {
        observer.disconnect()
        resolve(sink === 0.5 ? [] : long)
      }
    }
    requestAnimationFrame(frame)
  })
}

/** How many animation frames saw 0, 1, 2, ... React commits (commits between two frames). */
export function histogram(
  frames: number[],
  commits: number[],
  rows: number[],
): Record<string, number> {
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

/**
 * In the page: streams one reply (`renderBench.stream`) while recording every animation frame
 * (its time, and the articles in the log then); resolves with the stream's report, the frames,
 * the commits (times, and what rendered in each while `traceNames`) and when the stream started.
 */
export async function streamRecordingFrames({
  tokens,
  perSecond,
  traceNames,
}: {
  tokens: number
  perSecond: number
  traceNames: boolean
}) {
  window.renderBench.traceCommitNames(traceNames)
  const frames: number[] = []
  const rows: number[] = []
  let on = true
  const frame = (t: number) => {
    frames.push(t)
    rows.push(document.querySelectorAll('[role="log"] article').length)
    if (on) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
  const t0 = performance.now()
  const result = await window.renderBench.stream({ tokens, perSecond })
  on = false
  return {
    result,
    t0,
    frames,
    rows,
    commitTimes: window.renderBench.commitTimes(),
    commitNames: window.renderBench.commitNames(),
  }
}
