/**
 * A best-effort transport name for `agent`: its class name (`HttpAgent`, `WebSocketAgent`,
 * `LangGraphAgent`), `undefined` for plain objects. Minified builds may rename classes: pass
 * the name yourself (`useAgentStatus({ transport })`) when it matters.
 */
export function transportName(agent: unknown): string | undefined {
  if (typeof agent !== 'object' || agent === null) return undefined
  const name = (agent as { constructor?: { name?: unknown } }).constructor?.name
  return typeof name === 'string' && name !== '' && name !== 'Object' ? name : undefined
}
