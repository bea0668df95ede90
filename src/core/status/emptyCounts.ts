import type { MessageCounts, UsageTotals } from './AgentStatus'

/** The token counts of {@link UsageTotals} (spec 1.1 "Token usage"). @internal */
export const COUNT_FIELDS = [
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'reasoningTokens',
  'cachedInputTokens',
  'cacheWriteInputTokens',
] as const

/** Usage totals with nothing summed yet: every count 0, no models, nothing inconsistent (a new object per call). */
export function emptyUsage(): UsageTotals {
  const totals = {} as Record<(typeof COUNT_FIELDS)[number], number>
  for (const field of COUNT_FIELDS) totals[field] = 0
  return { ...totals, entries: 0, models: [], inconsistent: [] }
}

/** Message counts of an empty thread (a new object per call). @internal */
export function emptyMessageCounts(): MessageCounts {
  return {
    total: 0,
    user: 0,
    assistant: 0,
    tool: 0,
    system: 0,
    developer: 0,
    reasoning: 0,
    activity: 0,
  }
}
