/**
 * Headless parts of an agent status page (issue 5; Radix anatomy: use as `Status.Root`, ...).
 * `AgentStatusPage` is their styled composition.
 */
export { Root } from './AgentStatusRoot'
export {
  Identity,
  Capabilities,
  Connection,
  CurrentRun,
  Runs,
  Usage,
  Errors,
  Decisions,
  Inconsistencies,
} from './AgentStatusParts'
export { Timeline } from './StatusTimeline'
export { Remote, RemoteAgents, Protocols } from './StatusRemote'
export { useAgentStatusContext as useContext } from './AgentStatusContext'
