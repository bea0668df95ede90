/** AgentConnect server piece (issue 8): a same-origin proxy limited to the adapter's REST routes. */
export { createAgentConnectProxy, type AgentConnectProxyOptions } from './createAgentConnectProxy'
