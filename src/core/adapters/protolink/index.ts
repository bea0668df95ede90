/** The Protolink adapter (issue 8; seed-systems §3): `ProtolinkAgent`, its mapping and status source. */
export { ProtolinkAgent } from './ProtolinkAgent'
export type { ProtolinkAgentOptions, ProtolinkAuth } from './ProtolinkAgentOptions'
export {
  createProtolinkMapState,
  type ProtolinkMapState,
  type ProtolinkRunEnd,
  type MappedProtolinkFrame,
} from './ProtolinkMapState'
export { mapProtolinkFrame } from './mapProtolinkFrame'
export { createProtolinkStatusSource, toKitAgentCard } from './createProtolinkStatusSource'
export { buildProtolinkTask, lastUserText } from './buildProtolinkTask'
export type * from './protolinkWire'
