/**
 * Timing budgets of issue 7 as ratios measured in one run (never absolute times): our figure
 * against `@ag-ui/client`'s or a baseline, each side timed in CPU time and taken from its
 * least disturbed run. Targets and holds: bench/budgets.ts. Absolute targets (events/s, ms,
 * µs) are the benchmark's (`npm run bench`).
 */
import { describe, expect, it } from 'vitest'
import { HOLDS, TARGETS } from '../../bench/budgets'
import { endToEndRates } from '../../bench/scenarios/endToEnd'
import { fastJsonPatchCost, oursStateCost } from '../../bench/scenarios/state'
import { aguiTextRate, oursTextRate, textCostRatio } from '../../bench/scenarios/text'
import { toolArgsScaling } from '../../bench/scenarios/toolArgs'

describe('timing budgets (ratios in one run)', () => {
  it(`Text: ≥ ${TARGETS.textVsAgui}× @ag-ui/client's rate into a 1,000-message thread`, async () => {
    const ours = oursTextRate({ prior: 1000, rounds: 10, pick: 'fastest' })
    const agui = await aguiTextRate({ prior: 1000, events: 200, rounds: 2, pick: 'fastest' })
    expect(
      ours / agui,
      `${Math.round(ours)} vs ${Math.round(agui)} events/s`,
    ).toBeGreaterThanOrEqual(TARGETS.textVsAgui)
  }, 60_000)

  it(`Text: per-event cost with 10,000 prior messages ≤ ${TARGETS.textCostRatio}× with 100`, () => {
    const { ratio } = textCostRatio({ pairs: 3, rounds: 8 })
    expect(ratio).toBeLessThanOrEqual(TARGETS.textCostRatio)
  }, 60_000)

  it(`End to end: ≥ ${HOLDS.endToEndVsFloor ?? TARGETS.endToEndVsFloor} of a bare split + JSON.parse (target ${TARGETS.endToEndVsFloor})`, async () => {
    // The best of up to three measurements (as the tool-argument check takes the best of three):
    // a burst of load from the test files running beside this one can slow one measurement's
    // runs of ours more than the floor's (0.37 seen once in a full npm test, 0.57-0.72 alone).
    let r = await endToEndRates({ messages: 20, rounds: 10, pick: 'fastest' })
    const required = HOLDS.endToEndVsFloor ?? TARGETS.endToEndVsFloor
    for (let i = 0; i < 2 && r.ours / r.floor < required; i++) {
      const next = await endToEndRates({ messages: 20, rounds: 10, pick: 'fastest' })
      if (next.ours / next.floor > r.ours / r.floor) r = next
    }
    const ratio = r.ours / r.floor
    expect(
      ratio,
      `${Math.round(r.ours)} vs ${Math.round(r.floor)} events/s`,
    ).toBeGreaterThanOrEqual(required)
    // Near the target a busy machine swings the figure across it: ask to delete the hold only
    // once the target is met with a margin (20 %), so the check stays reliable meanwhile. The
    // target is the bench's median; this check takes the fastest run, which reads about 25 %
    // higher (fastest 0.60-0.66 against median 0.50-0.59), hence 1.2 × 1.25.
    if (HOLDS.endToEndVsFloor !== undefined && ratio >= TARGETS.endToEndVsFloor * 1.5)
      throw new Error(`end to end is at ${ratio.toFixed(2)}: delete HOLDS.endToEndVsFloor`)
  }, 60_000)

  it(`Tool arguments: per-delta cost at 200 KB ≤ ${TARGETS.toolArgsScaling}× at 20 KB (incremental parsing)`, () => {
    const ratio = Math.min(...[0, 1, 2].map(() => toolArgsScaling({ rounds: 5, pick: 'fastest' })))
    expect(ratio).toBeLessThanOrEqual(TARGETS.toolArgsScaling)
  }, 60_000)

  it(`State: ≥ ${TARGETS.stateVsFastJsonPatch}× fast-json-patch's non-mutating apply on 1 MB, untouched subtrees shared`, () => {
    const ours = oursStateCost({ patches: 300, rounds: 5, pick: 'fastest' })
    const theirs = fastJsonPatchCost({ patches: 10, rounds: 2 })
    expect(ours.shared).toBe(true)
    expect(
      theirs / ours.us,
      `${ours.us.toFixed(1)} vs ${theirs.toFixed(0)} µs/patch`,
    ).toBeGreaterThanOrEqual(TARGETS.stateVsFastJsonPatch)
  }, 60_000)
})
