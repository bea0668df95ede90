import type { ApprovalPolicyStore } from './ApprovalPolicyStore'
import { createListenerSet } from './createListenerSet'

/**
 * An {@link ApprovalPolicyStore} kept in memory (lost on reload): the store's default.
 *
 * @param initial - Tool names allowed from the start. Default: none.
 * @example
 * createAgentStore({ agent, policyStore: createMemoryPolicyStore(['get_weather']) })
 */
export function createMemoryPolicyStore(initial: readonly string[] = []): ApprovalPolicyStore {
  const allowed = new Set(initial)
  const listeners = createListenerSet<[]>('policyStore')
  const change = (apply: () => boolean) => {
    if (apply()) listeners.emit()
  }
  return {
    isAllowed: (toolName) => allowed.has(toolName),
    allow: (toolName) => change(() => !allowed.has(toolName) && !!allowed.add(toolName)),
    revoke: (toolName) => change(() => allowed.delete(toolName)),
    list: () => [...allowed].sort(),
    subscribe: (listener) => listeners.add(listener),
  }
}
