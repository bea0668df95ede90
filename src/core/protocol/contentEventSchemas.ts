/**
 * Schemas of the 16 content events (spec 1.1, "Events"): text messages, tool calls, state,
 * messages and activity snapshots, RAW and CUSTOM. In `zod/mini`; output types are checked
 * against `@ag-ui/core` in `schemaTypeChecks.ts`.
 */
import * as z from 'zod/mini'
import type { EventType } from '@ag-ui/core'
import { ContentSchema, JsonPatchSchema, OpenObjectSchema, PresentAnySchema } from './commonSchemas'
import { attributable, base, optStr, str, textRole, type } from './eventBase'
import { MessageSchema } from './messageSchemas'

/* Text messages */
/** Schema of the `TEXT_MESSAGE_START` event (spec 1.1, "Events"). */
export const TextMessageStartEventSchema = z.object({
  type: type<EventType.TEXT_MESSAGE_START>('TEXT_MESSAGE_START'),
  ...attributable,
  messageId: str,
  role: textRole,
  name: optStr,
})
/** Schema of the `TEXT_MESSAGE_CONTENT` event (spec 1.1, "Events"). */
export const TextMessageContentEventSchema = z.object({
  type: type<EventType.TEXT_MESSAGE_CONTENT>('TEXT_MESSAGE_CONTENT'),
  ...attributable,
  messageId: str,
  delta: str,
})
/** Schema of the `TEXT_MESSAGE_END` event (spec 1.1, "Events"). */
export const TextMessageEndEventSchema = z.object({
  type: type<EventType.TEXT_MESSAGE_END>('TEXT_MESSAGE_END'),
  ...attributable,
  messageId: str,
})
/** Schema of the `TEXT_MESSAGE_CHUNK` event (spec 1.1, "Events"). */
export const TextMessageChunkEventSchema = z.object({
  type: type<EventType.TEXT_MESSAGE_CHUNK>('TEXT_MESSAGE_CHUNK'),
  ...attributable,
  messageId: optStr,
  role: textRole,
  delta: optStr,
  name: optStr,
})

/* Tool calls */
/** Schema of the `TOOL_CALL_START` event (spec 1.1, "Events"). */
export const ToolCallStartEventSchema = z.object({
  type: type<EventType.TOOL_CALL_START>('TOOL_CALL_START'),
  ...attributable,
  toolCallId: str,
  toolCallName: str,
  parentMessageId: optStr,
})
/** Schema of the `TOOL_CALL_ARGS` event (spec 1.1, "Events"). */
export const ToolCallArgsEventSchema = z.object({
  type: type<EventType.TOOL_CALL_ARGS>('TOOL_CALL_ARGS'),
  ...attributable,
  toolCallId: str,
  delta: str,
})
/** Schema of the `TOOL_CALL_END` event (spec 1.1, "Events"). */
export const ToolCallEndEventSchema = z.object({
  type: type<EventType.TOOL_CALL_END>('TOOL_CALL_END'),
  ...attributable,
  toolCallId: str,
})
/** Schema of the `TOOL_CALL_CHUNK` event (spec 1.1, "Events"). */
export const ToolCallChunkEventSchema = z.object({
  type: type<EventType.TOOL_CALL_CHUNK>('TOOL_CALL_CHUNK'),
  ...attributable,
  toolCallId: optStr,
  toolCallName: optStr,
  parentMessageId: optStr,
  delta: optStr,
})
/** Schema of the `TOOL_CALL_RESULT` event (spec 1.1, "Events"). */
export const ToolCallResultEventSchema = z.object({
  type: type<EventType.TOOL_CALL_RESULT>('TOOL_CALL_RESULT'),
  ...attributable,
  messageId: str,
  toolCallId: str,
  content: ContentSchema,
  role: z.optional(z.literal('tool')),
})

/* State, messages, activity */
/** Schema of the `STATE_SNAPSHOT` event (spec 1.1, "Events"). */
export const StateSnapshotEventSchema = z.object({
  type: type<EventType.STATE_SNAPSHOT>('STATE_SNAPSHOT'),
  ...attributable,
  snapshot: PresentAnySchema,
})
/** Schema of the `STATE_DELTA` event (spec 1.1, "Events"). */
export const StateDeltaEventSchema = z.object({
  type: type<EventType.STATE_DELTA>('STATE_DELTA'),
  ...attributable,
  delta: JsonPatchSchema,
})
/** Schema of the `MESSAGES_SNAPSHOT` event (spec 1.1, "Events"). */
export const MessagesSnapshotEventSchema = z.object({
  type: type<EventType.MESSAGES_SNAPSHOT>('MESSAGES_SNAPSHOT'),
  ...base,
  messages: z.array(MessageSchema),
})
/** Schema of the `ACTIVITY_SNAPSHOT` event (spec 1.1, "Events"). */
export const ActivitySnapshotEventSchema = z.object({
  type: type<EventType.ACTIVITY_SNAPSHOT>('ACTIVITY_SNAPSHOT'),
  ...attributable,
  messageId: str,
  activityType: str,
  content: OpenObjectSchema,
  replace: z.optional(z.boolean()),
})
/** Schema of the `ACTIVITY_DELTA` event (spec 1.1, "Events"). */
export const ActivityDeltaEventSchema = z.object({
  type: type<EventType.ACTIVITY_DELTA>('ACTIVITY_DELTA'),
  ...attributable,
  messageId: str,
  activityType: str,
  patch: JsonPatchSchema,
})

/* Pass-through */
/** Schema of the `RAW` event (spec 1.1, "Events"). */
export const RawEventSchema = z.object({
  type: type<EventType.RAW>('RAW'),
  ...attributable,
  event: PresentAnySchema,
  source: optStr,
})
/** Schema of the `CUSTOM` event (spec 1.1, "Events"). */
export const CustomEventSchema = z.object({
  type: type<EventType.CUSTOM>('CUSTOM'),
  ...attributable,
  name: str,
  value: PresentAnySchema,
})
