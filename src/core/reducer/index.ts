export type {
  AgentSnapshot,
  ApprovalDecision,
  ApprovalState,
  InterruptState,
  InterruptView,
  ToolApproval,
  RunInfo,
  RunStatus,
  StepInfo,
  SubagentView,
  ToolCallStatus,
  ToolCallView,
} from './AgentSnapshot'
export { applyEvent } from './applyEvent'
export { applyPatch, type PatchResult } from './applyPatch'
export {
  createEventPipeline,
  type EventPipeline,
  type EventPipelineOptions,
} from './createEventPipeline'
export { reduceEvents, type ReduceEventsOptions } from './reduceEvents'
export { PartialJsonParser } from './PartialJsonParser'
export { parsePartialJson, parseToolCallArgs } from './parseToolCallArgs'
export { createSnapshot } from './Snapshot'
export {
  addDiagnostic,
  appendMessage,
  appendToolResult,
  beginRun,
  getMessage,
  replaceApprovals,
  replaceInterrupts,
  replaceMessages,
  replaceRun,
  replaceConnection,
  replaceState,
} from './snapshotUpdates'
