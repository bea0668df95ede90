/**
 * Agent status and event log (issue 5): derive what a status page shows from a snapshot and an
 * event log, export and import event logs, time travel. Pure and browser-safe; no React.
 */
export type {
  AgentCard,
  AgentIdentity,
  AgentSkill,
  AgentStatus,
  CapabilityChip,
  ConnectionHealth,
  ConnectionInfo,
  MessageCounts,
  PendingDecision,
  RemoteStatus,
  RunSummary,
  StatusError,
  TimeSource,
  TimelineItem,
  TimelineItemStatus,
  TimelineKind,
  UsageTotals,
} from './AgentStatus'
export type {
  AgentStatusReport,
  AgentStatusSource,
  HasStatusSource,
  ProtocolInfo,
  ProtocolModelInfo,
  RemoteAgentInfo,
  RemoteHealth,
  StatusFact,
} from './AgentStatusSource'
export {
  createStatusPoller,
  DEFAULT_STATUS_POLL_MS,
  type PageVisibility,
  type StatusPoller,
  type StatusPollerOptions,
} from './createStatusPoller'
export { mergeAgentCards } from './mergeAgentCards'
export { preloadAgentStatus } from './loadStatusChunks'
export { deriveAgentStatus, type DeriveAgentStatusOptions } from './deriveAgentStatus'
export {
  createEventLog,
  defaultEventClock,
  toEventLogEntries,
  type EventLog,
  type EventLogEntry,
  type EventLogOptions,
  type EventLogSnapshot,
  type EventLogSource,
} from './EventLog'
export { getEventLog } from './getEventLog'
export {
  foldEventLog,
  foldEventLogIncrementally,
  type FoldedLog,
  type FoldedRun,
} from './foldEventLog'
export { createLogFolder, type LogFolder } from './createLogFolder'
export { checkTimestamp, EARLIEST_PLAUSIBLE_MS, FUTURE_TOLERANCE_MS } from './checkTimestamp'
export { describeCapabilities } from './describeCapabilities'
export { describeConnection } from './describeConnection'
export { transportName } from './transportName'
export { addUsage, sumUsage } from './sumUsage'
export { emptyUsage } from './emptyCounts'
export {
  EVENT_LOG_HEADER_TYPE,
  formatEventLog,
  parseEventLog,
  type EventLogHeader,
  type ParsedEventLog,
} from './eventLogFormat'
export { reduceEventLog, splitRuns, type ReduceEventLogOptions } from './reduceEventLog'
export { layoutTimeline, type TimelineBar, type TimelineLayout } from './layoutTimeline'
