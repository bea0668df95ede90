import { describe, expect, it } from 'vitest'
import { attribute, hotFunctions, type TraceEvent } from '../../../bench/render/attributeTrace'

const MAIN = { pid: 1, tid: 7 }
const meta: TraceEvent = {
  name: 'thread_name',
  cat: '__metadata',
  ph: 'M',
  ts: 0,
  ...MAIN,
  args: { name: 'CrRendererMain' },
}
/** A complete event on the main thread (times in ms, stored in µs as Chrome does). */
const x = (name: string, ts: number, dur: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ts: ts * 1000,
  dur: dur * 1000,
  ...MAIN,
  ...extra,
})

describe('attribute', () => {
  it('reports a task over 50 ms with its CPU time and the self time of what ran in it', () => {
    const events = [
      meta,
      // A 60 ms task the thread had the CPU for 12 ms of: a script calling a forced layout.
      x('ThreadControllerImpl::RunTask', 0, 60, { tdur: 12_000 }),
      x('RunTask', 0, 60, { tdur: 12_000 }),
      x('FunctionCall', 1, 40, {
        args: { data: { functionName: 'onScroll', url: 'http://h/a/index.js', lineNumber: 3 } },
      }),
      x('Layout', 10, 15),
      x('MinorGC', 45, 5),
      // A short task, and one on another thread (ignored).
      x('RunTask', 70, 4, { tdur: 4000 }),
      x('RunTask', 0, 500, { tid: 8, tdur: 500_000 }),
    ]
    const result = attribute('s', events)
    expect(result.tasks).toBe(2)
    expect(result.taskWallMs).toBe(64)
    expect(result.taskCpuMs).toBe(16)
    expect(result.longTasks).toHaveLength(1)
    const [task] = result.longTasks
    expect(task.wallMs).toBe(60)
    expect(task.cpuMs).toBe(12)
    expect(Object.fromEntries(task.breakdown)).toEqual({
      'Script: onScroll (index.js:3)': 25,
      Layout: 15,
      GC: 5,
      '(task, other)': 15,
    })
    expect(result.longest.map((t) => t.wallMs)).toEqual([60, 4])
  })

  it('finds no long task when every task is under 50 ms, and none without the main thread', () => {
    expect(attribute('s', [meta, x('RunTask', 0, 50, { tdur: 50_000 })]).longTasks).toEqual([])
    expect(attribute('s', [x('RunTask', 0, 80)]).tasks).toBe(0)
  })
})

describe('hotFunctions', () => {
  it('sums each function’s sampled self time', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 9 })
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3] },
        { id: 2, callFrame: frame('parse', 'http://h/assets/md.js') },
        { id: 3, callFrame: frame('(idle)') },
      ],
      samples: [2, 2, 3, 2],
      // µs since the previous sample: each sample's time is the next delta.
      timeDeltas: [0, 1000, 3000, 500, 250],
    }
    // parse: 1 + 3 + 0.25 ms (rounded to 0.1), idle: 0.5 ms; largest first.
    expect(hotFunctions(profile)).toEqual([
      ['parse md.js:10', 4.3],
      ['(idle)', 0.5],
    ])
  })

  it('keeps only the samples in a time window, and sums by script file', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 })
    const profile = {
      startTime: 1_000,
      nodes: [
        { id: 1, callFrame: frame('(root)') },
        { id: 2, callFrame: frame('parse', 'http://h/assets/MarkdownBlocks-CMn9vvgz.js') },
        { id: 3, callFrame: frame('render', 'http://h/assets/index-CYYsY2fq.js') },
        { id: 4, callFrame: frame('emit', 'http://h/assets/MarkdownBlocks-CMn9vvgz.js') },
      ],
      // Samples at 2,000, 3,000, 4,000 and 5,000 µs; each lasts 1,000 µs.
      samples: [2, 3, 4, 2],
      timeDeltas: [1_000, 1_000, 1_000, 1_000, 1_000],
    }
    expect(hotFunctions(profile, 5, { from: 2_500, to: 4_500 })).toEqual([
      ['render index-CYYsY2fq.js:1', 1],
      ['emit MarkdownBlocks-CMn9vvgz.js:1', 1],
    ])
    expect(hotFunctions(profile, 5, { byFile: true })).toEqual([
      ['MarkdownBlocks.js', 3],
      ['index.js', 1],
    ])
  })
})
