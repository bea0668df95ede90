/**
 * The protocol layer: AG-UI types (from `@ag-ui/core`, types only), the kit's error and
 * diagnostic types, runtime schemas (`zod/mini`), and the per-event parser used at the
 * transport edge (spec 1.1, "Events", "Messages", "Processing model").
 */
export * from './types'
export {
  AgentError,
  isAgentError,
  toAgentError,
  type AgentErrorCode,
  type AgentErrorOptions,
} from './AgentError'
export type { Diagnostic } from './Diagnostic'
export {
  createEventParser,
  parseEvent,
  type EventParser,
  type EventParserOptions,
  type ParseEventResult,
} from './parseEvent'
export { loadEventParser, preloadProtocol, type CreateEventParser } from './loadEventParser'
export { parseRunAgentInput, type ParseRunAgentInputOptions } from './parseRunAgentInput'
export { prepareRunAgentInput, type PrepareRunAgentInputOptions } from './prepareRunAgentInput'
export { compareVersions, isComparableVersion } from './compareVersions'
export { checkDeclaredVersion } from './checkDeclaredVersion'
export {
  ContentPartSchema,
  InterruptSchema,
  JsonPatchSchema,
  MetadataSchema,
  RunFinishedOutcomeSchema,
  TokenUsageSchema,
} from './commonSchemas'
export { MessageSchema, RunAgentInputSchema, ToolSchema } from './messageSchemas'
export { AgentEventSchema, EVENT_SCHEMAS, type EventSchema } from './eventSchemas'
