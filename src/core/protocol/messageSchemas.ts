/**
 * Message, tool and run-input schemas (spec 1.1, "Messages" and "RunAgentInput"), in
 * `zod/mini`. Output types are checked against `@ag-ui/core` in `schemaTypeChecks.ts`.
 */
import * as z from 'zod/mini'
import {
  ContentSchema,
  MetadataSchema,
  NonNullAnySchema,
  OpenObjectSchema,
  SubagentRunIdSchema,
} from './commonSchemas'

const common = {
  subagentRunId: z.optional(SubagentRunIdSchema),
  id: z.string(),
}
const named = {
  name: z.optional(z.string()),
  encryptedValue: z.optional(z.string()),
  metadata: z.optional(MetadataSchema),
}

/** `FunctionCall`: `arguments` is the argument text (conventionally JSON, not validated). */
export const FunctionCallSchema = z.object({ name: z.string(), arguments: z.string() })

/** `ToolCall` on an assistant message. */
export const ToolCallSchema = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: FunctionCallSchema,
  encryptedValue: z.optional(z.string()),
  metadata: z.optional(MetadataSchema),
})

/** `DeveloperMessage`. */
export const DeveloperMessageSchema = z.object({
  ...common,
  role: z.literal('developer'),
  ...named,
  content: z.string(),
})

/** `SystemMessage`. */
export const SystemMessageSchema = z.object({
  ...common,
  role: z.literal('system'),
  ...named,
  content: z.string(),
})

/** `AssistantMessage`: optional text `content` and optional `toolCalls`. */
export const AssistantMessageSchema = z.object({
  ...common,
  role: z.literal('assistant'),
  ...named,
  content: z.optional(z.string()),
  toolCalls: z.optional(z.array(ToolCallSchema)),
})

/** `UserMessage`: text or multimodal `ContentPart[]`. */
export const UserMessageSchema = z.object({
  ...common,
  role: z.literal('user'),
  ...named,
  content: ContentSchema,
})

/** `ToolMessage`: the result of `toolCallId`, text or parts, optional `error`. */
export const ToolMessageSchema = z.object({
  ...common,
  role: z.literal('tool'),
  content: ContentSchema,
  toolCallId: z.string(),
  error: z.optional(z.string()),
  encryptedValue: z.optional(z.string()),
  metadata: z.optional(MetadataSchema),
})

/** `ActivityMessage`: `content` is an opaque object described by `activityType`. */
export const ActivityMessageSchema = z.object({
  ...common,
  role: z.literal('activity'),
  activityType: z.string(),
  content: OpenObjectSchema,
  metadata: z.optional(MetadataSchema),
})

/** `ReasoningMessage`. */
export const ReasoningMessageSchema = z.object({
  ...common,
  role: z.literal('reasoning'),
  content: z.string(),
  encryptedValue: z.optional(z.string()),
  metadata: z.optional(MetadataSchema),
})

/** `Message`, discriminated by `role`; a message with an unknown role is dropped from lists. */
export const MessageSchema = z.discriminatedUnion('role', [
  DeveloperMessageSchema,
  SystemMessageSchema,
  AssistantMessageSchema,
  UserMessageSchema,
  ToolMessageSchema,
  ActivityMessageSchema,
  ReasoningMessageSchema,
])

/** `Tool`: `parameters` is a JSON Schema (opaque). */
export const ToolSchema = z.object({
  name: z.string(),
  description: z.string(),
  parameters: z.optional(NonNullAnySchema),
  metadata: z.optional(MetadataSchema),
})

/** `Context`. */
export const ContextSchema = z.object({ description: z.string(), value: z.string() })

/** `ResumeEntry`: the answer to one interrupt. */
export const ResumeEntrySchema = z.object({
  interruptId: z.string(),
  status: z.enum(['resolved', 'cancelled']),
  payload: z.optional(NonNullAnySchema),
  metadata: z.optional(MetadataSchema),
})

/**
 * `RunAgentInput` (spec 1.1, "RunAgentInput"). `tools` and `context` default to `[]`; `state`
 * is opaque (any JSON value).
 */
export const RunAgentInputSchema = z.object({
  threadId: z.string(),
  runId: z.string(),
  protocolVersion: z.optional(z.string()),
  parentRunId: z.optional(z.string()),
  state: z.optional(z.any()),
  messages: z.array(MessageSchema),
  tools: z._default(z.array(ToolSchema), () => []),
  context: z._default(z.array(ContextSchema), () => []),
  forwardedProps: z.optional(NonNullAnySchema),
  resume: z.optional(z.array(ResumeEntrySchema)),
})
