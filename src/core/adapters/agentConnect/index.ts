/** AgentConnect adapter (issue 8; seed-systems README §1): agent, REST client, frame mapping, status source. */
export { AgentConnectAgent } from './AgentConnectAgent'
export type {
  AgentConnectAgentOptions,
  AgentConnectAgentConfig,
  AgentConnectSessionConfig,
} from './AgentConnectAgentOptions'
export {
  AgentConnectClient,
  type AgentConnectSession,
  type AgentConnectSessionCheck,
} from './AgentConnectClient'
export {
  AGENT_CONNECT_FRAME_TYPES,
  mapAgentConnectFrame,
  readAgentConnectFrame,
  type AgentConnectFrame,
  type AgentConnectFrameAction,
  type AgentConnectRunContext,
} from './mapAgentConnectFrame'
export {
  createAgentConnectStatusSource,
  type AgentConnectStatusOptions,
} from './createAgentConnectStatusSource'
export type { FetchLike } from './fetchJson'
