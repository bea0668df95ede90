export type {
  AgentSnapshot,
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
export { reduceEvents } from './reduceEvents'
export { createSnapshot } from './Snapshot'
export {
  addDiagnostic,
  appendMessage,
  beginRun,
  getMessage,
  replaceMessages,
  replaceState,
} from './snapshotUpdates'
