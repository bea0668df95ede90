/**
 * Compile-time proof that the zod schemas and the `@ag-ui/core` types agree, in both
 * directions: every value a schema accepts is a valid `@ag-ui/core` value, and every valid
 * `@ag-ui/core` value has the shape the schema describes. A field added, removed, renamed or
 * retyped on either side fails `tsc`. Type-only: nothing here reaches a bundle.
 */
import type * as z from 'zod/mini'
import type * as core from '@ag-ui/core'
import type * as c from './commonSchemas'
import type * as m from './messageSchemas'
import type * as e from './eventSchemas'

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Agree<S, T> = Mutual<z.output<S>, T>
type Assert<T extends true> = T

interface Checks {
  Metadata: Agree<typeof c.MetadataSchema, core.Metadata>
  JsonPatchOperation: Agree<typeof c.JsonPatchOperationSchema, core.JsonPatchOperation>
  PartSource: Agree<typeof c.PartSourceSchema, core.PartSource>
  TextPart: Agree<typeof c.TextPartSchema, core.TextPart>
  ImagePart: Agree<typeof c.ImagePartSchema, core.ImagePart>
  AudioPart: Agree<typeof c.AudioPartSchema, core.AudioPart>
  VideoPart: Agree<typeof c.VideoPartSchema, core.VideoPart>
  DocumentPart: Agree<typeof c.DocumentPartSchema, core.DocumentPart>
  ContentPart: Agree<typeof c.ContentPartSchema, core.ContentPart>
  Interrupt: Agree<typeof c.InterruptSchema, core.Interrupt>
  RunFinishedOutcome: Agree<typeof c.RunFinishedOutcomeSchema, core.RunFinishedOutcome>
  SubagentFinishedOutcome: Agree<
    typeof c.SubagentFinishedOutcomeSchema,
    core.SubagentFinishedOutcome
  >
  TokenUsage: Agree<typeof c.TokenUsageSchema, core.TokenUsage>
  FunctionCall: Agree<typeof m.FunctionCallSchema, core.FunctionCall>
  ToolCall: Agree<typeof m.ToolCallSchema, core.ToolCall>
  DeveloperMessage: Agree<typeof m.DeveloperMessageSchema, core.DeveloperMessage>
  SystemMessage: Agree<typeof m.SystemMessageSchema, core.SystemMessage>
  AssistantMessage: Agree<typeof m.AssistantMessageSchema, core.AssistantMessage>
  UserMessage: Agree<typeof m.UserMessageSchema, core.UserMessage>
  ToolMessage: Agree<typeof m.ToolMessageSchema, core.ToolMessage>
  ActivityMessage: Agree<typeof m.ActivityMessageSchema, core.ActivityMessage>
  ReasoningMessage: Agree<typeof m.ReasoningMessageSchema, core.ReasoningMessage>
  Message: Agree<typeof m.MessageSchema, core.Message>
  Tool: Agree<typeof m.ToolSchema, core.Tool>
  Context: Agree<typeof m.ContextSchema, core.Context>
  ResumeEntry: Agree<typeof m.ResumeEntrySchema, core.ResumeEntry>
  RunAgentInput: Agree<typeof m.RunAgentInputSchema, core.RunAgentInput>
  TextMessageStartEvent: Agree<typeof e.TextMessageStartEventSchema, core.TextMessageStartEvent>
  TextMessageContentEvent: Agree<
    typeof e.TextMessageContentEventSchema,
    core.TextMessageContentEvent
  >
  TextMessageEndEvent: Agree<typeof e.TextMessageEndEventSchema, core.TextMessageEndEvent>
  TextMessageChunkEvent: Agree<typeof e.TextMessageChunkEventSchema, core.TextMessageChunkEvent>
  ToolCallStartEvent: Agree<typeof e.ToolCallStartEventSchema, core.ToolCallStartEvent>
  ToolCallArgsEvent: Agree<typeof e.ToolCallArgsEventSchema, core.ToolCallArgsEvent>
  ToolCallEndEvent: Agree<typeof e.ToolCallEndEventSchema, core.ToolCallEndEvent>
  ToolCallChunkEvent: Agree<typeof e.ToolCallChunkEventSchema, core.ToolCallChunkEvent>
  ToolCallResultEvent: Agree<typeof e.ToolCallResultEventSchema, core.ToolCallResultEvent>
  StateSnapshotEvent: Agree<typeof e.StateSnapshotEventSchema, core.StateSnapshotEvent>
  StateDeltaEvent: Agree<typeof e.StateDeltaEventSchema, core.StateDeltaEvent>
  MessagesSnapshotEvent: Agree<typeof e.MessagesSnapshotEventSchema, core.MessagesSnapshotEvent>
  ActivitySnapshotEvent: Agree<typeof e.ActivitySnapshotEventSchema, core.ActivitySnapshotEvent>
  ActivityDeltaEvent: Agree<typeof e.ActivityDeltaEventSchema, core.ActivityDeltaEvent>
  RawEvent: Agree<typeof e.RawEventSchema, core.RawEvent>
  CustomEvent: Agree<typeof e.CustomEventSchema, core.CustomEvent>
  RunStartedEvent: Agree<typeof e.RunStartedEventSchema, core.RunStartedEvent>
  RunFinishedEvent: Agree<typeof e.RunFinishedEventSchema, core.RunFinishedEvent>
  RunErrorEvent: Agree<typeof e.RunErrorEventSchema, core.RunErrorEvent>
  StepStartedEvent: Agree<typeof e.StepStartedEventSchema, core.StepStartedEvent>
  StepFinishedEvent: Agree<typeof e.StepFinishedEventSchema, core.StepFinishedEvent>
  ReasoningStartEvent: Agree<typeof e.ReasoningStartEventSchema, core.ReasoningStartEvent>
  ReasoningMessageStartEvent: Agree<
    typeof e.ReasoningMessageStartEventSchema,
    core.ReasoningMessageStartEvent
  >
  ReasoningMessageContentEvent: Agree<
    typeof e.ReasoningMessageContentEventSchema,
    core.ReasoningMessageContentEvent
  >
  ReasoningMessageEndEvent: Agree<
    typeof e.ReasoningMessageEndEventSchema,
    core.ReasoningMessageEndEvent
  >
  ReasoningMessageChunkEvent: Agree<
    typeof e.ReasoningMessageChunkEventSchema,
    core.ReasoningMessageChunkEvent
  >
  ReasoningEndEvent: Agree<typeof e.ReasoningEndEventSchema, core.ReasoningEndEvent>
  ReasoningEncryptedValueEvent: Agree<
    typeof e.ReasoningEncryptedValueEventSchema,
    core.ReasoningEncryptedValueEvent
  >
  SubagentStartedEvent: Agree<typeof e.SubagentStartedEventSchema, core.SubagentStartedEvent>
  SubagentFinishedEvent: Agree<typeof e.SubagentFinishedEventSchema, core.SubagentFinishedEvent>
  SubagentErrorEvent: Agree<typeof e.SubagentErrorEventSchema, core.SubagentErrorEvent>
  Event: Agree<typeof e.AgentEventSchema, core.Event>
  EventType: Mutual<e.EventSchema['shape']['type']['_zod']['output'], core.EventType>
}

/** The names of the checks that fail (`never` when all pass). */
type Failing = { [K in keyof Checks]: Checks[K] extends true ? never : K }[keyof Checks]

/** Fails to compile, naming the type that drifted, when a schema and its type disagree. */
export type _SchemaTypeChecks = Assert<[Failing] extends [never] ? true : Failing>
