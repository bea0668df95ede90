/**
 * Server pieces of the uAgents adapter (issue 8): the bridge that owns a uAgents address and
 * `/submit` endpoint and relays the Agent Chat Protocol to browsers, plus envelope and digest
 * helpers computed the way `uagents_core` does.
 */
export { createUAgentsBridge, type UAgentsBridge } from './createUAgentsBridge'
export type { UAgentsBridgeOptions } from './UAgentsBridgeOptions'
export {
  CHAT_MESSAGE_SCHEMA,
  CHAT_ACKNOWLEDGEMENT_SCHEMA,
  chatProtocolDigests,
  type ChatProtocolDigests,
} from './chatProtocol'
export {
  pythonJsonDumps,
  computeModelDigest,
  computeProtocolDigest,
  type DigestibleManifest,
} from './uagentsDigests'
export {
  buildUAgentsEnvelope,
  parseUAgentsEnvelope,
  encodePayload,
  decodePayload,
  isUuid4,
  isUserAddress,
  envelopeSigningBytes,
  type UAgentsEnvelope,
  type EnvelopeParts,
} from './uagentsEnvelope'
export { listenUAgentsBridge } from './listenUAgentsBridge'
export {
  verifyUAgentsEnvelope,
  createUAgentsIdentity,
  type UAgentsIdentity,
} from './uagentsIdentity'
export { bech32Encode, bech32Decode } from './bech32'
