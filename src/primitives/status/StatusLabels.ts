/**
 * Every string of the status page and the event inspector (issue 5). Pass a partial object to
 * `<AgentStatusPage labels>` / `<EventInspector labels>` to translate; missing keys fall back to
 * {@link defaultStatusLabels}.
 */
export interface StatusLabels {
  status: string
  unknownAgent: string
  noCapabilities: string
  capabilities: string
  skills: string
  connection: string
  transport: string
  state: string
  latency: string
  lastEvent: string
  never: string
  unknown: string
  run: string
  noRuns: string
  recentRuns: string
  timeline: string
  noTimeline: string
  timeUnknown: string
  usage: string
  noUsage: string
  thisRun: string
  thread: string
  inputTokens: string
  outputTokens: string
  totalTokens: string
  reasoningTokens: string
  cachedInputTokens: string
  errors: string
  noErrors: string
  decisions: string
  noDecisions: string
  openDecision: string
  messages: string
  inconsistencies: string
  events: string
  // Remote status source
  remote: string
  health: string
  checked: string
  loaded: string
  loading: string
  notLoaded: string
  loadFailed: string
  facts: string
  agents: string
  protocols: string
  models: string
  interactions: string
  // Event inspector
  inspector: string
  filterType: string
  allTypes: string
  filterText: string
  noEvents: string
  gap: string
  snapshotAfter: string
  selectEvent: string
  patch: string
  exportLog: string
  importLog: string
  replaying: string
  importErrors: string
  lifecycle: string
  live: string
  imported: string
  backToLive: string
  droppedEvents: string
}

/** The default (English) {@link StatusLabels}. */
export const defaultStatusLabels: StatusLabels = {
  status: 'Agent status',
  unknownAgent: 'Unknown agent',
  noCapabilities: 'No capabilities known',
  capabilities: 'Capabilities',
  skills: 'Skills',
  connection: 'Connection',
  transport: 'Transport',
  state: 'State',
  latency: 'Latency',
  lastEvent: 'Last event',
  never: 'never',
  unknown: 'unknown',
  run: 'Current run',
  noRuns: 'No run yet',
  recentRuns: 'Recent runs',
  timeline: 'Run timeline',
  noTimeline: 'No steps, tool calls or subagents in this run',
  timeUnknown: 'time unknown',
  usage: 'Token usage',
  noUsage: 'No usage reported',
  thisRun: 'This run',
  thread: 'Thread',
  inputTokens: 'Input',
  outputTokens: 'Output',
  totalTokens: 'Total',
  reasoningTokens: 'Reasoning',
  cachedInputTokens: 'Cached input',
  errors: 'Recent errors',
  noErrors: 'No errors',
  decisions: 'Waiting for a decision',
  noDecisions: 'Nothing waiting for a person',
  openDecision: 'Open',
  messages: 'Messages',
  inconsistencies: 'Inconsistent input',
  events: 'Events',
  remote: 'Remote status',
  health: 'Health',
  checked: 'Checked',
  loaded: 'Loaded',
  loading: 'Loading…',
  notLoaded: 'Not loaded yet',
  loadFailed: 'Last load failed',
  facts: 'Facts',
  agents: 'Agents',
  protocols: 'Protocols',
  models: 'Models',
  interactions: 'Interactions',
  inspector: 'Event inspector',
  filterType: 'Event type',
  allTypes: 'All types',
  filterText: 'Filter',
  noEvents: 'No events',
  gap: 'gap',
  snapshotAfter: 'Snapshot after event',
  selectEvent: 'Select an event to see the snapshot after it',
  patch: 'JSON Patch',
  exportLog: 'Export',
  importLog: 'Import',
  replaying: 'Replaying…',
  importErrors: 'Lines skipped',
  lifecycle: 'Approvals and interrupts',
  live: 'Live',
  imported: 'Imported',
  backToLive: 'Back to live',
  droppedEvents: 'older events not kept',
}
