/**
 * Adapters for agent systems that do not speak AG-UI (issue 8; `../shared/seed-systems`): each
 * is an `Agent` (same `run(input, { signal })` as `HttpAgent`) that speaks the system's own wire
 * format and emits AG-UI events, plus an `AgentStatusSource`. Browser-safe.
 */
export * from './agentConnect'
export * from './genaiAgentOS'
export * from './protolink'
export * from './uagents'
