/** Server pieces of the issue 8 adapters: proxies, the Protolink approval endpoint, the uAgents bridge. Node only. */
export {
  createSameOriginProxy,
  type SameOriginProxyOptions,
  type SameOriginProxyHandler,
} from './createSameOriginProxy'
export * from './agentConnect'
export * from './genaiAgentOS'
export * from './protolink'
export * from './uagents'
