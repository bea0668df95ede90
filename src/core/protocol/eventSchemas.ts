/**
 * The 31 AG-UI 1.0 event schemas as one list, a lookup by `type` ({@link EVENT_SCHEMAS}, what
 * the parser uses) and a discriminated union (spec 1.1, "Events").
 */
import * as z from 'zod/mini'
import {
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
} from './contentEventSchemas'
import {
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
} from './lifecycleEventSchemas'

export * from './contentEventSchemas'
export * from './lifecycleEventSchemas'

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
