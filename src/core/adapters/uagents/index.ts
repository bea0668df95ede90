/**
 * Fetch.ai uAgents Agent Chat Protocol adapter (issue 8, seed-systems README §4): a browser
 * agent that talks to the kit's uAgents bridge (`createUAgentsBridge` in
 * `agent-wire-react/server`), its frame mapping, card ↔ interrupt helpers and status source.
 */
export { UAgentsChatAgent } from './UAgentsChatAgent'
export type { UAgentsChatAgentOptions } from './UAgentsChatAgentOptions'
export {
  createUAgentsFrameMapper,
  type UAgentsFrameMapper,
  type UAgentsFrameMapperOptions,
} from './mapUAgentsFrame'
export {
  readUAgentsCard,
  cardInterrupt,
  cardResponseSchema,
  cardResponseContent,
  type UAgentsCard,
  type UAgentsCardKind,
} from './uagentsCards'
export { uagentsUserContent } from './uagentsUserContent'
export { readBridgeError } from './readBridgeError'
export {
  createUAgentsStatusSource,
  manifestToProtocolInfo,
  uagentsStatusReport,
  type UAgentsStatusSourceOptions,
} from './createUAgentsStatusSource'
export type * from './uagentsChatTypes'
export { uagentsSessionId } from './uagentsSessionId'
