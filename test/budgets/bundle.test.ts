/**
 * Bundle budgets of issue 7 (kB, minified + gzip, React external), checked on every
 * `npm test`: see bench/budgets.ts for the targets and, while one is not met, the level the
 * check holds the bundle to. `npm run bench` prints the same figures.
 */
import { describe, expect, it } from 'vitest'
import { HOLDS, TARGETS } from '../../bench/budgets'
import { BUNDLE_CASES, bundleSize } from '../../bench/scenarios/bundle'

describe('bundle budgets (min + gzip, React external)', () => {
  for (const entry of BUNDLE_CASES.filter((c) => TARGETS.bundleKb[c.name] !== undefined)) {
    const target = TARGETS.bundleKb[entry.name]
    const hold = HOLDS.bundleKb[entry.name]
    const limit = hold ?? target
    it(`${entry.label}: ≤ ${limit} kB${hold ? ` (held until the ${target} kB budget is met)` : ''}`, async () => {
      const kb = (await bundleSize(entry)).gzip / 1000
      expect(kb, `${entry.name}: ${kb.toFixed(1)} kB`).toBeLessThanOrEqual(limit)
      if (hold !== undefined && kb <= target)
        throw new Error(
          `${entry.name} is ${kb.toFixed(1)} kB, within its ${target} kB budget: delete its entry in HOLDS.bundleKb`,
        )
    }, 60_000)
  }

  it('the heavy pieces load on first use, in chunks of their own (not in the initial load)', async () => {
    const lazy = async (name: string) =>
      (await bundleSize(BUNDLE_CASES.find((c) => c.name === name)!)).lazy.map((l) => l.name)
    // responseSchema validation (@cfworker/json-schema) and zod's toJSONSchema (zod/mini tools)
    expect(await lazy('core')).toEqual(
      expect.arrayContaining(['createSchemaValidator', 'zodToJsonSchema']),
    )
    // the event validator (zod/mini schemas), loaded with a run's first request, and the store's
    // human-in-the-loop layer, loaded on its first need (a tool, an interrupt)
    for (const app of ['core', 'hooks', 'chat'])
      expect(await lazy(app), app).toEqual(
        expect.arrayContaining(['parseEvent', 'createHumanInTheLoop']),
      )
    // react-markdown + remark-gfm
    expect(await lazy('chat')).toEqual(expect.arrayContaining(['MarkdownBlocks']))
  }, 60_000)
})
