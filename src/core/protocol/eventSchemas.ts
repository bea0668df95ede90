/**
 * Schemas of the 31 AG-UI 1.0 events (spec 1.1, "Events"), in `zod/mini`, and
 * {@link EVENT_SCHEMAS}, the lookup by `type` the parser uses. Output types are checked against
 * `@ag-ui/core` in `schemaTypeChecks.ts`.
 */
import * as z from 'zod/mini'
import type { EventType } from '@ag-ui/core'
import {
  ContentSchema,
  JsonPatchSchema,
  MetadataSchema,
  NonNullAnySchema,
  OpenObjectSchema,
  PresentAnySchema,
  RunFinishedOutcomeSchema,
  SubagentFinishedOutcomeSchema,
  SubagentRunIdSchema,
  TokenUsageSchema,
} from './commonSchemas'
import { MessageSchema, RunAgentInputSchema } from './messageSchemas'

/** Fields every event carries: `timestamp` (integer, conventionally ms since the epoch), `rawEvent`, `metadata`. */
const base = {
  timestamp: z.optional(z.int()),
  rawEvent: z.optional(NonNullAnySchema),
  metadata: z.optional(MetadataSchema),
}
/** `base` plus `subagentRunId` (events that can belong to a subagent's work). */
const attributable = { ...base, subagentRunId: z.optional(SubagentRunIdSchema) }

/** `z.literal` typed as the `@ag-ui/core` enum member, so outputs match its event types. */
function type<T extends EventType>(value: `${T}`) {
  return z.literal(value as unknown as T)
}

const str = z.string()
const optStr = z.optional(z.string())
const textRole = z.optional(z.enum(['developer', 'system', 'assistant', 'user']))

/* Text messages */
export const TextMessageStartEventSchema = z.object({
  type: type<EventType.TEXT_MESSAGE_START>('TEXT_MESSAGE_START'),
  ...attributable,
  messageId: str,
  role: textRole,
  name: optStr,
})
export const TextMessageContentEventSchema = z.object({
  type: type<EventType.TEXT_MESSAGE_CONTENT>('TEXT_MESSAGE_CONTENT'),
  ...attributable,
  messageId: str,
  delta: str,
})
export const TextMessageEndEventSchema = z.object({
  type: type<EventType.TEXT_MESSAGE_END>('TEXT_MESSAGE_END'),
  ...attributable,
  messageId: str,
})
export const TextMessageChunkEventSchema = z.object({
  type: type<EventType.TEXT_MESSAGE_CHUNK>('TEXT_MESSAGE_CHUNK'),
  ...attributable,
  messageId: optStr,
  role: textRole,
  delta: optStr,
  name: optStr,
})

/* Tool calls */
export const ToolCallStartEventSchema = z.object({
  type: type<EventType.TOOL_CALL_START>('TOOL_CALL_START'),
  ...attributable,
  toolCallId: str,
  toolCallName: str,
  parentMessageId: optStr,
})
export const ToolCallArgsEventSchema = z.object({
  type: type<EventType.TOOL_CALL_ARGS>('TOOL_CALL_ARGS'),
  ...attributable,
  toolCallId: str,
  delta: str,
})
export const ToolCallEndEventSchema = z.object({
  type: type<EventType.TOOL_CALL_END>('TOOL_CALL_END'),
  ...attributable,
  toolCallId: str,
})
export const ToolCallChunkEventSchema = z.object({
  type: type<EventType.TOOL_CALL_CHUNK>('TOOL_CALL_CHUNK'),
  ...attributable,
  toolCallId: optStr,
  toolCallName: optStr,
  parentMessageId: optStr,
  delta: optStr,
})
export const ToolCallResultEventSchema = z.object({
  type: type<EventType.TOOL_CALL_RESULT>('TOOL_CALL_RESULT'),
  ...attributable,
  messageId: str,
  toolCallId: str,
  content: ContentSchema,
  role: z.optional(z.literal('tool')),
})

/* State, messages, activity */
export const StateSnapshotEventSchema = z.object({
  type: type<EventType.STATE_SNAPSHOT>('STATE_SNAPSHOT'),
  ...attributable,
  snapshot: PresentAnySchema,
})
export const StateDeltaEventSchema = z.object({
  type: type<EventType.STATE_DELTA>('STATE_DELTA'),
  ...attributable,
  delta: JsonPatchSchema,
})
export const MessagesSnapshotEventSchema = z.object({
  type: type<EventType.MESSAGES_SNAPSHOT>('MESSAGES_SNAPSHOT'),
  ...base,
  messages: z.array(MessageSchema),
})
export const ActivitySnapshotEventSchema = z.object({
  type: type<EventType.ACTIVITY_SNAPSHOT>('ACTIVITY_SNAPSHOT'),
  ...attributable,
  messageId: str,
  activityType: str,
  content: OpenObjectSchema,
  replace: z.optional(z.boolean()),
})
export const ActivityDeltaEventSchema = z.object({
  type: type<EventType.ACTIVITY_DELTA>('ACTIVITY_DELTA'),
  ...attributable,
  messageId: str,
  activityType: str,
  patch: JsonPatchSchema,
})

/* Pass-through */
export const RawEventSchema = z.object({
  type: type<EventType.RAW>('RAW'),
  ...attributable,
  event: PresentAnySchema,
  source: optStr,
})
export const CustomEventSchema = z.object({
  type: type<EventType.CUSTOM>('CUSTOM'),
  ...attributable,
  name: str,
  value: PresentAnySchema,
})

/* Lifecycle */
export const RunStartedEventSchema = z.object({
  type: type<EventType.RUN_STARTED>('RUN_STARTED'),
  ...base,
  threadId: str,
  runId: str,
  protocolVersion: optStr,
  parentRunId: optStr,
  input: z.optional(RunAgentInputSchema),
})
export const RunFinishedEventSchema = z.object({
  type: type<EventType.RUN_FINISHED>('RUN_FINISHED'),
  ...base,
  threadId: str,
  runId: str,
  result: z.optional(NonNullAnySchema),
  outcome: z.optional(RunFinishedOutcomeSchema),
  usage: z.optional(z.array(TokenUsageSchema)),
})
export const RunErrorEventSchema = z.object({
  type: type<EventType.RUN_ERROR>('RUN_ERROR'),
  ...base,
  message: str,
  code: optStr,
  usage: z.optional(z.array(TokenUsageSchema)),
})
export const StepStartedEventSchema = z.object({
  type: type<EventType.STEP_STARTED>('STEP_STARTED'),
  ...attributable,
  stepName: str,
})
export const StepFinishedEventSchema = z.object({
  type: type<EventType.STEP_FINISHED>('STEP_FINISHED'),
  ...attributable,
  stepName: str,
})

/* Reasoning */
export const ReasoningStartEventSchema = z.object({
  type: type<EventType.REASONING_START>('REASONING_START'),
  ...attributable,
  messageId: str,
})
export const ReasoningMessageStartEventSchema = z.object({
  type: type<EventType.REASONING_MESSAGE_START>('REASONING_MESSAGE_START'),
  ...attributable,
  messageId: str,
  role: z.literal('reasoning'),
})
export const ReasoningMessageContentEventSchema = z.object({
  type: type<EventType.REASONING_MESSAGE_CONTENT>('REASONING_MESSAGE_CONTENT'),
  ...attributable,
  messageId: str,
  delta: str,
})
export const ReasoningMessageEndEventSchema = z.object({
  type: type<EventType.REASONING_MESSAGE_END>('REASONING_MESSAGE_END'),
  ...attributable,
  messageId: str,
})
export const ReasoningMessageChunkEventSchema = z.object({
  type: type<EventType.REASONING_MESSAGE_CHUNK>('REASONING_MESSAGE_CHUNK'),
  ...attributable,
  messageId: optStr,
  delta: optStr,
})
export const ReasoningEndEventSchema = z.object({
  type: type<EventType.REASONING_END>('REASONING_END'),
  ...attributable,
  messageId: str,
})
export const ReasoningEncryptedValueEventSchema = z.object({
  type: type<EventType.REASONING_ENCRYPTED_VALUE>('REASONING_ENCRYPTED_VALUE'),
  ...attributable,
  subtype: z.enum(['tool-call', 'message']),
  entityId: str,
  encryptedValue: str,
})

/* Subagents: `subagentRunId` is required here. */
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
export const SubagentFinishedEventSchema = z.object({
  type: type<EventType.SUBAGENT_FINISHED>('SUBAGENT_FINISHED'),
  ...base,
  subagentRunId: SubagentRunIdSchema,
  result: z.optional(NonNullAnySchema),
  outcome: z.optional(SubagentFinishedOutcomeSchema),
})
export const SubagentErrorEventSchema = z.object({
  type: type<EventType.SUBAGENT_ERROR>('SUBAGENT_ERROR'),
  ...base,
  subagentRunId: SubagentRunIdSchema,
  message: str,
  code: optStr,
})

/** All 31 event schemas, in `EventType` declaration order. */
export const EVENT_SCHEMA_LIST = [
  TextMessageStartEventSchema,
  TextMessageContentEventSchema,
  TextMessageEndEventSchema,
  TextMessageChunkEventSchema,
  ToolCallStartEventSchema,
  ToolCallArgsEventSchema,
  ToolCallEndEventSchema,
  ToolCallChunkEventSchema,
  ToolCallResultEventSchema,
  StateSnapshotEventSchema,
  StateDeltaEventSchema,
  MessagesSnapshotEventSchema,
  ActivitySnapshotEventSchema,
  ActivityDeltaEventSchema,
  RawEventSchema,
  CustomEventSchema,
  RunStartedEventSchema,
  RunFinishedEventSchema,
  RunErrorEventSchema,
  StepStartedEventSchema,
  StepFinishedEventSchema,
  ReasoningStartEventSchema,
  ReasoningMessageStartEventSchema,
  ReasoningMessageContentEventSchema,
  ReasoningMessageEndEventSchema,
  ReasoningMessageChunkEventSchema,
  ReasoningEndEventSchema,
  ReasoningEncryptedValueEventSchema,
  SubagentStartedEventSchema,
  SubagentFinishedEventSchema,
  SubagentErrorEventSchema,
] as const

/** Any one of the 31 event schemas. */
export type EventSchema = (typeof EVENT_SCHEMA_LIST)[number]

/** The event schema for each AG-UI event `type` (31 entries). */
export const EVENT_SCHEMAS: ReadonlyMap<string, EventSchema> = new Map(
  EVENT_SCHEMA_LIST.map((schema) => [schema.shape.type._zod.def.values[0] as string, schema]),
)

/** The union of all 31 event schemas, discriminated by `type` (for whole-event validation). */
export const AgentEventSchema = z.discriminatedUnion('type', EVENT_SCHEMA_LIST)
