/**
 * Reading a Chromium performance trace (CDP `Tracing`) and a V8 CPU profile (CDP `Profiler`) for
 * the rendering benchmark's long-task attribution (bench/render/profileLongTasks.ts): each
 * main-thread task's wall and CPU time and what ran in it, and the hottest functions.
 */
/** One Chrome trace event (the fields used here). */
export interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  tdur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: Record<string, unknown> }
}

/** A main-thread task over 50 ms and what ran in it. */
export interface LongTaskAttribution {
  /** Wall time (ms). */
  wallMs: number
  /** CPU time of the main thread during the task (ms). */
  cpuMs: number
  /** Self wall time (ms) by activity, largest first: `Script: fn (url)`, `Layout`, `GC`, ... */
  breakdown: Array<[string, number]>
  /** With a CPU profile taken during the trace: sampled self time (ms) by function in the task. */
  functions?: Array<[string, number]>
}

/** What one traced scenario gave. */
export interface TracedScenario {
  scenario: string
  /** Main-thread tasks traced, and their total wall and CPU time (ms). */
  tasks: number
  taskWallMs: number
  taskCpuMs: number
  longTasks: LongTaskAttribution[]
  /** The five longest tasks, whatever their length. */
  longest: LongTaskAttribution[]
  /** Self wall time (ms) by activity over the whole scenario, top 12. */
  totals: Array<[string, number]>
}

/** What an event stands for in the breakdown. */
function label(event: TraceEvent): string {
  const data = event.args?.data ?? {}
  const url = typeof data.url === 'string' ? data.url.replace(/^.*\//, '') : ''
  switch (event.name) {
    case 'FunctionCall': {
      const fn =
        typeof data.functionName === 'string' && data.functionName
          ? data.functionName
          : '(anonymous)'
      return `Script: ${fn}${url ? ` (${url}:${String(data.lineNumber ?? '?')})` : ''}`
    }
    case 'EvaluateScript':
    case 'v8.evaluateModule':
      return `Evaluate script ${url}`
    case 'v8.compile':
    case 'v8.compileModule':
    case 'V8.CompileCode':
    case 'v8.produceModuleCache':
      return 'Compile'
    case 'MinorGC':
    case 'MajorGC':
    case 'V8.GC_SCAVENGER':
    case 'BlinkGC.AtomicPhase':
      return 'GC'
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
      return 'Style'
    default:
      return event.name
  }
}

/** Self time of each complete event nested in `root` (same thread), by label. */
function selfTimes(root: TraceEvent, inside: TraceEvent[], into: Map<string, number>): void {
  // inside: the complete events of the thread within root, sorted by ts, longest first on ties.
  const stack: Array<{ event: TraceEvent; end: number; childTime: number }> = []
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const top = stack.pop()!
      const self = (top.event.dur ?? 0) - top.childTime
      const key = top.event === root ? '(task, other)' : label(top.event)
      into.set(key, (into.get(key) ?? 0) + self / 1000)
      if (stack.length) stack[stack.length - 1].childTime += top.event.dur ?? 0
    }
  }
  for (const event of [root, ...inside]) {
    close(event.ts)
    stack.push({ event, end: event.ts + (event.dur ?? 0), childTime: 0 })
  }
  close(Infinity)
}

const ms = (us: number | undefined) => Math.round((us ?? 0) / 100) / 10
const top = (map: Map<string, number>, n: number): Array<[string, number]> =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => [k, Math.round(v * 10) / 10])

/** Attributes the renderer main thread's tasks of a trace. */
export function attribute(
  scenario: string,
  events: TraceEvent[],
  profile?: CpuProfile,
): TracedScenario {
  // The traced page's renderer: of the renderer main threads in the trace (a closed page's
  // renderer may still be there), the one with the most task time.
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const busy = new Map<string, number>()
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`
    if (e.name === 'RunTask' && mains.has(key)) busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0))
  }
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0]
  const onMain = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  // Outermost tasks only (`ThreadControllerImpl::RunTask` wraps `RunTask`).
  const tasks: TraceEvent[] = []
  const taskNames = new Set<TraceEvent>()
  let lastEnd = -Infinity
  for (const e of onMain) {
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue
    taskNames.add(e)
    if (e.ts < lastEnd) continue
    tasks.push(e)
    lastEnd = e.ts + (e.dur ?? 0)
  }
  const totals = new Map<string, number>()
  const longTasks: LongTaskAttribution[] = []
  const all: Array<{ task: TraceEvent; own: Map<string, number> }> = []
  let taskWall = 0
  let taskCpu = 0
  let i = 0
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0)
    while (i < onMain.length && onMain[i].ts < task.ts) i++
    const inside: TraceEvent[] = []
    for (let j = i; j < onMain.length && onMain[j].ts < end; j++) {
      if (!taskNames.has(onMain[j])) inside.push(onMain[j])
    }
    const own = new Map<string, number>()
    selfTimes(task, inside, own)
    for (const [k, v] of own) totals.set(k, (totals.get(k) ?? 0) + v)
    taskWall += task.dur ?? 0
    taskCpu += task.tdur ?? 0
    if ((task.dur ?? 0) > 50_000) {
      longTasks.push({
        wallMs: ms(task.dur),
        cpuMs: ms(task.tdur),
        breakdown: top(own, 6),
        functions: profile
          ? hotFunctions(profile, 8, { from: task.ts, to: task.ts + (task.dur ?? 0) })
          : undefined,
      })
    }
    all.push({ task, own })
    all.sort((a, b) => (b.task.dur ?? 0) - (a.task.dur ?? 0))
    all.length = Math.min(all.length, 5)
  }
  return {
    scenario,
    tasks: tasks.length,
    taskWallMs: ms(taskWall),
    taskCpuMs: ms(taskCpu),
    longTasks,
    longest: all.map(({ task, own }) => ({
      wallMs: ms(task.dur),
      cpuMs: ms(task.tdur),
      breakdown: top(own, 4),
    })),
    totals: top(totals, 12),
  }
}

/** A V8 CPU profile (CDP `Profiler.Profile`, the fields used here). */
export interface CpuProfile {
  nodes: Array<{
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
    children?: number[]
  }>
  samples: number[]
  timeDeltas: number[]
  /** When the profile started (µs, the trace's clock). */
  startTime?: number
}

/**
 * Self time (ms) of a CPU profile (optionally only its samples from `from` to `to`, µs on the
 * trace's clock) by function (`fn file:line`), or by script file with
 * `byFile` (`(native)`: samples outside any script: `(program)`, `(idle)`, GC), top `n`.
 */
export function hotFunctions(
  profile: CpuProfile,
  n = 25,
  { byFile = false, from, to }: { byFile?: boolean; from?: number; to?: number } = {},
): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<string, number>()
  let at = profile.startTime ?? 0
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0
    // Only the samples in [from, to] (µs, the trace's clock) when given.
    if ((from !== undefined && at < from) || (to !== undefined && at > to)) return
    const frame = byId.get(id)!.callFrame
    const file = frame.url.replace(/^.*\//, '')
    const key = byFile
      ? file.replace(/-[\w-]{8}\.js$/, '.js') || `(native) ${frame.functionName}`
      : `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
  })
  return top(self, n)
}
