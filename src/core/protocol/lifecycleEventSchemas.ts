/**
 * Schemas of the 15 lifecycle events (spec 1.1, "Events"): runs, steps, reasoning and
 * subagents. In `zod/mini`; output types are checked against `@ag-ui/core` in
 * `schemaTypeChecks.ts`.
 */
import * as z from 'zod/mini'
import type { EventType } from '@ag-ui/core'
import {
  NonNullAnySchema,
  RunFinishedOutcomeSchema,
  SubagentFinishedOutcomeSchema,
  SubagentRunIdSchema,
  TokenUsageSchema,
} from './commonSchemas'
import { attributable, base, optStr, str, type } from './eventBase'
import { RunAgentInputSchema } from './messageSchemas'

/* Lifecycle */
/** Schema of the `RUN_STARTED` event (spec 1.1, "Events"). */
export const RunStartedEventSchema = z.object({
  type: type<EventType.RUN_STARTED>('RUN_STARTED'),
  ...base,
  threadId: str,
  runId: str,
  protocolVersion: optStr,
  parentRunId: optStr,
  input: z.optional(RunAgentInputSchema),
})
/** Schema of the `RUN_FINISHED` event (spec 1.1, "Events"). */
export const RunFinishedEventSchema = z.object({
  type: type<EventType.RUN_FINISHED>('RUN_FINISHED'),
  ...base,
  threadId: str,
  runId: str,
  result: z.optional(NonNullAnySchema),
  outcome: z.optional(RunFinishedOutcomeSchema),
  usage: z.optional(z.array(TokenUsageSchema)),
})
/** Schema of the `RUN_ERROR` event (spec 1.1, "Events"). */
export const RunErrorEventSchema = z.object({
  type: type<EventType.RUN_ERROR>('RUN_ERROR'),
  ...base,
  message: str,
  code: optStr,
  usage: z.optional(z.array(TokenUsageSchema)),
})
/** Schema of the `STEP_STARTED` event (spec 1.1, "Events"). */
export const StepStartedEventSchema = z.object({
  type: type<EventType.STEP_STARTED>('STEP_STARTED'),
  ...attributable,
  stepName: str,
})
/** Schema of the `STEP_FINISHED` event (spec 1.1, "Events"). */
export const StepFinishedEventSchema = z.object({
  type: type<EventType.STEP_FINISHED>('STEP_FINISHED'),
  ...attributable,
  stepName: str,
})

/* Reasoning */
/** Schema of the `REASONING_START` event (spec 1.1, "Events"). */
export const ReasoningStartEventSchema = z.object({
  type: type<EventType.REASONING_START>('REASONING_START'),
  ...attributable,
  messageId: str,
})
/** Schema of the `REASONING_MESSAGE_START` event (spec 1.1, "Events"). */
export const ReasoningMessageStartEventSchema = z.object({
  type: type<EventType.REASONING_MESSAGE_START>('REASONING_MESSAGE_START'),
  ...attributable,
  messageId: str,
  role: z.literal('reasoning'),
})
/** Schema of the `REASONING_MESSAGE_CONTENT` event (spec 1.1, "Events"). */
export const ReasoningMessageContentEventSchema = z.object({
  type: type<EventType.REASONING_MESSAGE_CONTENT>('REASONING_MESSAGE_CONTENT'),
  ...attributable,
  messageId: str,
  delta: str,
})
/** Schema of the `REASONING_MESSAGE_END` event (spec 1.1, "Events"). */
export const ReasoningMessageEndEventSchema = z.object({
  type: type<EventType.REASONING_MESSAGE_END>('REASONING_MESSAGE_END'),
  ...attributable,
  messageId: str,
})
/** Schema of the `REASONING_MESSAGE_CHUNK` event (spec 1.1, "Events"). */
export const ReasoningMessageChunkEventSchema = z.object({
  type: type<EventType.REASONING_MESSAGE_CHUNK>('REASONING_MESSAGE_CHUNK'),
  ...attributable,
  messageId: optStr,
  delta: optStr,
})
/** Schema of the `REASONING_END` event (spec 1.1, "Events"). */
export const ReasoningEndEventSchema = z.object({
  type: type<EventType.REASONING_END>('REASONING_END'),
  ...attributable,
  messageId: str,
})
/** Schema of the `REASONING_ENCRYPTED_VALUE` event (spec 1.1, "Events"). */
export const ReasoningEncryptedValueEventSchema = z.object({
  type: type<EventType.REASONING_ENCRYPTED_VALUE>('REASONING_ENCRYPTED_VALUE'),
  ...attributable,
  subtype: z.enum(['tool-call', 'message']),
  entityId: str,
  encryptedValue: str,
})

/* Subagents: `subagentRunId` is required here. */
/** Schema of the `SUBAGENT_STARTED` event (spec 1.1, "Events"). */
export const SubagentStartedEventSchema = z.object({
  type: type<EventType.SUBAGENT_STARTED>('SUBAGENT_STARTED'),
  ...base,
  subagentRunId: SubagentRunIdSchema,
  name: str,
  description: optStr,
  parentSubagentRunId: z.optional(SubagentRunIdSchema),
  parentToolCallId: optStr,
  parentMessageId: optStr,
})
/** Schema of the `SUBAGENT_FINISHED` event (spec 1.1, "Events"). */
export const SubagentFinishedEventSchema = z.object({
  type: type<EventType.SUBAGENT_FINISHED>('SUBAGENT_FINISHED'),
  ...base,
  subagentRunId: SubagentRunIdSchema,
  result: z.optional(NonNullAnySchema),
  outcome: z.optional(SubagentFinishedOutcomeSchema),
})
/** Schema of the `SUBAGENT_ERROR` event (spec 1.1, "Events"). */
export const SubagentErrorEventSchema = z.object({
  type: type<EventType.SUBAGENT_ERROR>('SUBAGENT_ERROR'),
  ...base,
  subagentRunId: SubagentRunIdSchema,
  message: str,
  code: optStr,
})
