/**
 * Tool arguments: 4,000 `TOOL_CALL_ARGS` building 200 KB of JSON, with the partially parsed
 * arguments available to the UI after every delta (every delta its own frame: the worst case),
 * in ≤ 20 ms total (issue 7).
 *
 * Ours: the reducer (`createEventPipeline()`) plus `toToolCallState` (what
 * `useToolCall`/`useToolCalls` return: `parsedArgs`) read after each delta.
 * `@ag-ui/client`: `defaultApplyEvents` with a subscriber reading `partialToolCallArgs` in
 * `onToolCallArgsEvent` (its way to show arguments while they stream).
 */
import { createEventPipeline, createSnapshot, type AgentSnapshot } from '../../src/core'
import { toToolCallState } from '../../src/react/toToolCallState'
import { aguiApply, asProduction } from '../agui'
import { fileToolArgs, recordsToolArgs, runInput, toolCallEvents } from '../fixtures'
import { TARGETS } from '../budgets'
import { fastest, median, timeAsync, timeSync, type BenchRow } from '../measure'

/** Options of {@link oursToolArgsMs}. */
export interface ToolArgsOptions {
  /** The complete arguments text. */
  args: string
  /** Deltas it streams in. Default 4,000. */
  deltas?: number
  rounds?: number
  pick?: 'median' | 'fastest'
}

/** Our total time (ms) to reduce every delta and read the parsed arguments after each. */
export function oursToolArgsMs({
  args,
  deltas = 4000,
  rounds = 20,
  pick = 'median',
}: ToolArgsOptions) {
  const [start, ...argEvents] = toolCallEvents(args, deltas)
  let last: unknown
  const times = timeSync(
    () => {
      const pipeline = createEventPipeline()
      let s: AgentSnapshot = createSnapshot({ threadId: 't' })
      s = pipeline.push(s, { type: 'RUN_STARTED', threadId: 't', runId: 'r1' })
      s = pipeline.push(s, start)
      return { pipeline, s }
    },
    ({ pipeline, s }) => {
      for (const e of argEvents) {
        s = pipeline.push(s, e)
        last = toToolCallState(s.toolCalls['call-1']).parsedArgs
      }
    },
    { rounds, warmup: 3 },
  )
  if (JSON.stringify(last) !== JSON.stringify(JSON.parse(args)))
    throw new Error('bench: the parsed arguments differ from JSON.parse of the whole text')
  return pick === 'median' ? median(times) : fastest(times)
}

/** `@ag-ui/client`'s total time (ms), its subscriber reading `partialToolCallArgs` per delta. */
export async function aguiToolArgsMs({ args, deltas = 4000, rounds = 1 }: ToolArgsOptions) {
  const events = toolCallEvents(args, deltas)
  let seen = 0
  const times = await asProduction(() =>
    timeAsync(
      () => undefined,
      () =>
        aguiApply([], runInput(), events, {
          onToolCallArgsEvent: ({ partialToolCallArgs }) => {
            if (partialToolCallArgs) seen++
          },
        }),
      { rounds, warmup: 0 },
    ),
  )
  if (seen === 0) throw new Error('bench: @ag-ui/client gave no partial arguments')
  return median(times)
}

/**
 * How the per-delta cost grows with the arguments (kit's own check of incrementality): ms per
 * delta for 200 KB in 4,000 deltas over ms per delta for 20 KB in 400 deltas (same delta
 * size), arguments read after every delta. About 1 when each delta costs O(delta); 10 if each
 * read re-parsed the text.
 */
export function toolArgsScaling(options: { rounds?: number; pick?: 'median' | 'fastest' } = {}) {
  const big = oursToolArgsMs({ args: fileToolArgs(200_000), deltas: 4000, ...options })
  const small = oursToolArgsMs({ args: fileToolArgs(20_000), deltas: 400, ...options })
  return big / 4000 / (small / 400)
}

/** The tool-argument rows of the table (a 200 KB file body, and 200 KB of records). */
export async function toolArgsRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const [label, args] of [
    ['one 200 KB string (a file body)', fileToolArgs(200_000)],
    ['200 KB of records (an array of objects)', recordsToolArgs(200_000)],
  ] as const) {
    const ours = oursToolArgsMs({ args })
    const agui = await aguiToolArgsMs({ args })
    rows.push({
      scenario: `Tool arguments: 4,000 TOOL_CALL_ARGS, ${label}, parsed args read after each`,
      ours,
      agui,
      unit: 'ms total',
      ratio: agui / ours,
      target: `≤ ${TARGETS.toolArgsMs} ms (ratio: times faster)`,
      pass: ours <= TARGETS.toolArgsMs,
    })
  }
  const scaling = toolArgsScaling()
  rows.push({
    scenario: 'Tool arguments: per-delta cost, 200 KB vs 20 KB of arguments (one string)',
    ours: scaling,
    agui: null,
    unit: 'ratio',
    ratio: scaling,
    target: `≤ ${TARGETS.toolArgsScaling}× (O(delta) per delta; kit's own check)`,
    pass: scaling <= TARGETS.toolArgsScaling,
  })
  return rows
}
