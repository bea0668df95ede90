import type { UsageTotals } from './AgentStatus'
import { COUNT_FIELDS } from './emptyCounts'

type CountField = (typeof COUNT_FIELDS)[number]

/**
 * Adds `usage` (a `RUN_FINISHED`/`RUN_ERROR` `usage` array, spec 1.1 "Token usage") to `totals`
 * and returns new totals. An entry with a count that is negative, not an integer or not a
 * number is **left out whole** (so `totalTokens` keeps matching its parts) and described in
 * `inconsistent`, prefixed by `where` (e.g. `run r1`); a missing count adds 0. Never throws.
 */
export function sumUsage(totals: UsageTotals, usage: unknown, where = 'usage'): UsageTotals {
  if (usage === undefined || usage === null) return totals
  if (!Array.isArray(usage)) {
    return {
      ...totals,
      inconsistent: [...totals.inconsistent, `${where}: usage is not a list`],
    }
  }
  const models = [...totals.models]
  const inconsistent = [...totals.inconsistent]
  const next: { -readonly [K in keyof UsageTotals]: UsageTotals[K] } = {
    ...totals,
    models,
    inconsistent,
  }
  usage.forEach((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) {
      inconsistent.push(`${where}: usage entry ${i} is not an object`)
      return
    }
    const record = entry as Record<string, unknown>
    const bad = COUNT_FIELDS.filter((field) => {
      const value = record[field]
      return value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= 0)
    })
    if (bad.length > 0) {
      const detail = bad.map((f) => `${f} = ${JSON.stringify(record[f]) ?? String(record[f])}`)
      inconsistent.push(
        `${where}: usage entry ${i} left out of the totals (${detail.join(', ')}: counts must be non-negative integers)`,
      )
      return
    }
    for (const field of COUNT_FIELDS) next[field as CountField] += (record[field] as number) ?? 0
    next.entries++
    if (typeof record.model === 'string' && !models.includes(record.model)) {
      models.push(record.model)
    }
  })
  return next
}

/** Sums two totals (e.g. per-run totals into the thread's). */
export function addUsage(a: UsageTotals, b: UsageTotals): UsageTotals {
  const models = [...a.models]
  for (const m of b.models) if (!models.includes(m)) models.push(m)
  const sum = { ...a, models, inconsistent: [...a.inconsistent, ...b.inconsistent] }
  for (const field of COUNT_FIELDS) sum[field] = a[field] + b[field]
  sum.entries = a.entries + b.entries
  return sum
}
