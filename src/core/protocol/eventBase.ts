/**
 * Shared pieces of the event schemas: the base fields every event carries and the typed `type`
 * literal (spec 1.1, "Events": BaseEvent, Attributable).
 */
import * as z from 'zod/mini'
import type { EventType } from '@ag-ui/core'
import { MetadataSchema, NonNullAnySchema, SubagentRunIdSchema } from './commonSchemas'

/** Fields every event carries: `timestamp` (integer, conventionally ms since the epoch), `rawEvent`,
 * `metadata`. */
export const base = {
  timestamp: z.optional(z.int()),
  rawEvent: z.optional(NonNullAnySchema),
  metadata: z.optional(MetadataSchema),
}
/** `base` plus `subagentRunId` (events that can belong to a subagent's work). */
export const attributable = { ...base, subagentRunId: z.optional(SubagentRunIdSchema) }

/**
 * `z.literal` typed as the `@ag-ui/core` enum member, so outputs match its event
 * types (string enum members are nominal in TypeScript).
 */
export function type<T extends EventType>(value: `${T}`) {
  return z.literal(value as unknown as T)
}

/** A required string field. */
export const str = z.string()
/** An optional string field. */
export const optStr = z.optional(z.string())
/** `TextMessageRole`, optional (absent means `assistant`). */
export const textRole = z.optional(z.enum(['developer', 'system', 'assistant', 'user']))
