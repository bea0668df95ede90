import { useContext } from 'react'
import type { AgentStore } from '../core/store/AgentStore'
import { AgentContext } from './AgentContext'

/**
 * The store of the nearest provider, or an error naming `hook` and `AgentProvider`.
 * @internal Shared by the hooks so each error names the hook the caller used.
 */
export function useStoreOf(hook: string): AgentStore {
  const store = useContext(AgentContext)
  if (store === null) {
    throw new Error(
      `${hook} must be used inside <AgentProvider>. Wrap the component tree in ` +
        '<AgentProvider agent={agent}> (or <AgentProvider store={store}>).',
    )
  }
  return store
}

/**
 * Returns the {@link AgentStore} of the nearest `<AgentProvider>`, for imperative use
 * (`store.run()`, `store.onEvent()`, `store.getSnapshot()` in event handlers).
 * Reading the store does not subscribe the component; use the other hooks to re-render.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 */
export function useAgentStore(): AgentStore {
  return useStoreOf('useAgentStore')
}
