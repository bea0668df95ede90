/**
 * Timing helpers of the benchmark suite (`npm run bench`) and the budget checks
 * (test/budgets). Runs are timed in CPU time of this process (`process.cpuUsage()`, user +
 * system, all threads), not wall time: other processes competing for the cores (a CI machine,
 * parallel test workers) then barely move the figures, and time spent idle (awaiting a stream
 * read) is not counted. Each run is a whole batch of events (2,000 tokens, 4,000 tool-argument
 * deltas, ...), far above the clock's resolution.
 */

/** CPU time used by this process so far, in ms. */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** One row of the benchmark table (also the shape of bench/results/*.json). */
export interface BenchRow {
  scenario: string
  /** Our figure, in `unit`. */
  ours: number
  /** The comparison figure in `unit` (`@ag-ui/client`, or the baseline the scenario names), if any. */
  agui: number | null
  unit: string
  /** How the two compare; what it means is in `target` (e.g. `ours / agui`). */
  ratio: number | null
  /** The issue's target, in words (e.g. `≥ 500× @ag-ui/client`); `—` when informational. */
  target: string
  /** Whether the target is met; `null` when informational. */
  pass: boolean | null
}

/** Options of {@link timeSync} and {@link timeAsync}. */
export interface TimingOptions {
  /** Untimed runs first (JIT warm-up). Default 3. */
  warmup?: number
  /** Timed runs. Default 20. */
  rounds?: number
}

/**
 * Times `run` (ms per call), calling `setup` before each call outside the timed section.
 * Returns every timed run, in order.
 */
export function timeSync<T>(
  setup: () => T,
  run: (input: T) => void,
  { warmup = 3, rounds = 20 }: TimingOptions = {},
): number[] {
  const times: number[] = []
  for (let i = 0; i < warmup + rounds; i++) {
    const input = setup()
    const t0 = cpuNow()
    run(input)
    const dt = cpuNow() - t0
    if (i >= warmup) times.push(dt)
  }
  return times
}

/** {@link timeSync} for asynchronous runs. */
export async function timeAsync<T>(
  setup: () => T | Promise<T>,
  run: (input: T) => Promise<void>,
  { warmup = 3, rounds = 20 }: TimingOptions = {},
): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < warmup + rounds; i++) {
    const input = await setup()
    const t0 = cpuNow()
    await run(input)
    const dt = cpuNow() - t0
    if (i >= warmup) times.push(dt)
  }
  return times
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The smallest of `values`: the run least disturbed by other processes and the GC. */
export function fastest(values: readonly number[]): number {
  return Math.min(...values)
}

/** `count` events in `ms` milliseconds, as events per second. */
export function perSecond(count: number, ms: number): number {
  return (count / ms) * 1000
}
