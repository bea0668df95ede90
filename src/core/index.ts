/**
 * `agent-wire-react/core`: the framework-agnostic AG-UI client — protocol types and schemas,
 * transports, the pure reducer and the agent store (design.md, "Public entry points").
 * Never imports React; safe in browsers, workers and Node.
 *
 * @packageDocumentation
 */
export * from './protocol'
export * from './transport'
export * from './reducer'
export * from './store'
export * from './status'
export * from './adapters'
