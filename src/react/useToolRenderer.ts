import { useEffect, useState, type ReactNode } from 'react'
import type { AgentStore } from '../core/store/AgentStore'
import { useStoreOf } from './useAgentStore'
import type { ToolCallWithApproval } from './withApproval'

/**
 * Renders one call of a tool in the chat (given by `useFrontendTool` / `useBackendTool`):
 * receives the call with its parsed arguments, status, result and approval.
 */
export type ToolRender = (call: ToolCallWithApproval) => ReactNode

function readRender(store: AgentStore, name: string): ToolRender | undefined {
  return (store.getTool(name) as { render?: ToolRender } | undefined)?.render
}

/**
 * The `render` function registered for the tool `name` by `useFrontendTool` /
 * `useBackendTool` anywhere under the provider, or `undefined`. Follows registrations (a
 * component that mounts or unmounts); the function keeps its identity while its registration
 * lives. `<Chat />` uses it to draw registered tools' calls.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const render = useToolRenderer(call.name)
 * return render ? render(call) : <ToolCallCard call={call} />
 */
export function useToolRenderer(name: string): ToolRender | undefined {
  const store = useStoreOf('useToolRenderer')
  const [entry, setEntry] = useState(() => ({ store, name, render: readRender(store, name) }))
  useEffect(() => {
    const update = () => {
      const render = readRender(store, name)
      setEntry((prev) =>
        prev.store === store && prev.name === name && prev.render === render
          ? prev
          : { store, name, render },
      )
    }
    const unsubscribe = store.subscribeTools(update)
    update() // a tool registered between this render and this effect (a sibling's effect)
    return unsubscribe
  }, [store, name])
  // A new store or name reads at once (no stale render for one commit).
  return entry.store === store && entry.name === name ? entry.render : readRender(store, name)
}
