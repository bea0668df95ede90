/**
 * The targets of issue 7, shared by the benchmark table (`npm run bench`) and the budget
 * checks `npm test` runs (test/budgets). Timing targets in `npm test` are ratios measured in
 * one run; absolute times (events/s, ms, µs) are checked by the benchmark only.
 */
export const TARGETS = {
  /** Text: our rate, `TEXT_MESSAGE_CONTENT` per second (bench only). */
  textEventsPerSecond: 1_000_000,
  /** Text: our rate / `@ag-ui/client`'s, thread of 1,000 messages. */
  textVsAgui: 500,
  /** Text: our per-event cost with 10,000 prior messages / with 100. At most. */
  textCostRatio: 1.5,
  /** End to end: our rate / the rate of a bare `split` + `JSON.parse`. At least. */
  endToEndVsFloor: 0.5,
  /** Tool arguments: total ms for 4,000 deltas, parsed arguments read after each (bench only). */
  toolArgsMs: 20,
  /** Tool arguments (kit's own check): per-delta cost at 200 KB / at 20 KB. At most. */
  toolArgsScaling: 2,
  /** State: µs per small patch on a 1 MB state (bench only). */
  statePatchUs: 50,
  /** State (kit's own check): fast-json-patch's non-mutating cost / ours. At least. */
  stateVsFastJsonPatch: 50,
  /** Bundles, kB minified + gzip, React external. */
  bundleKb: { core: 20, hooks: 25, chat: 60 } as Record<string, number>,
}

/**
 * Where a target is not met yet, the level the `npm test` check holds the figure to instead
 * (what was measured when the check was written, plus a margin), so it cannot get worse
 * unnoticed. Lower (raise) these as the figures improve; delete an entry once its target is
 * met. The benchmark table always judges against {@link TARGETS}.
 */
export const HOLDS = {
  // The bench's median now meets the target (0.50-0.59, `node bench/run.mjs e2e`, load average
  // 6-10), but not with the margin the check asks before the hold goes; the check itself (its
  // fastest run, in vitest, next to other test files) measured 0.48-0.58: held at 0.4, a margin
  // for a loaded machine.
  endToEndVsFloor: 0.4 as number | undefined,
  // Every bundle budget is met (initial load, built as an app: bench/scenarios/bundle.ts).
  bundleKb: {} as Record<string, number | undefined>,
}
