/**
 * AG-UI protocol types, re-exported from `@ag-ui/core` (types only: nothing of it reaches a
 * bundle). Field names are the protocol's, verbatim (spec 1.1, "Events" and "Messages").
 */
export type {
  Event as AgentEvent,
  BaseEvent,
  Message,
  Role,
  DeveloperMessage,
  SystemMessage,
  AssistantMessage,
  UserMessage,
  ToolMessage,
  ActivityMessage,
  ReasoningMessage,
  ToolCall,
  FunctionCall,
  ContentPart,
  TextPart,
  ImagePart,
  AudioPart,
  VideoPart,
  DocumentPart,
  Tool,
  Context,
  ResumeEntry,
  RunAgentInput,
  Interrupt,
  TokenUsage,
  RunFinishedOutcome,
  RunFinishedSuccessOutcome,
  RunFinishedInterruptOutcome,
  RunFinishedCancelledOutcome,
  JsonPatch,
  JsonPatchOperation,
  Metadata,
  State,
  AgentCapabilities,
  TextMessageStartEvent,
  TextMessageContentEvent,
  TextMessageEndEvent,
  TextMessageChunkEvent,
  ToolCallStartEvent,
  ToolCallArgsEvent,
  ToolCallEndEvent,
  ToolCallChunkEvent,
  ToolCallResultEvent,
  StateSnapshotEvent,
  StateDeltaEvent,
  MessagesSnapshotEvent,
  ActivitySnapshotEvent,
  ActivityDeltaEvent,
  RawEvent,
  CustomEvent,
  RunStartedEvent,
  RunFinishedEvent,
  RunErrorEvent,
  StepStartedEvent,
  StepFinishedEvent,
  ReasoningStartEvent,
  ReasoningMessageStartEvent,
  ReasoningMessageContentEvent,
  ReasoningMessageEndEvent,
  ReasoningMessageChunkEvent,
  ReasoningEndEvent,
  ReasoningEncryptedValueEvent,
  SubagentStartedEvent,
  SubagentFinishedEvent,
  SubagentErrorEvent,
} from '@ag-ui/core'

import type { Event as AgentEventUnion } from '@ag-ui/core'

type Wire<E> = E extends { type: infer T extends string }
  ? Omit<E, 'type'> & { type: `${T}` }
  : never

/**
 * An AG-UI event whose `type` is the plain string JSON carries (`'RUN_STARTED'`) rather than
 * `@ag-ui/core`'s `EventType` enum, so object literals type-check: what servers write and
 * fixtures hold. Same fields as {@link AgentEvent}.
 */
export type WireEvent = Wire<AgentEventUnion>

/** The protocol version this kit speaks and declares in `RunAgentInput.protocolVersion`. */
export const PROTOCOL_VERSION = '1.1'
