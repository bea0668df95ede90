import { createListenerSet } from './createListenerSet'
import type { ToolDefinition } from './ToolDefinition'

/** The store's tool registry; see {@link createToolRegistry}. @internal */
export interface ToolRegistry {
  /** Adds `definition`; returns the idempotent function that removes this registration. */
  register<Args>(definition: ToolDefinition<Args>): () => void
  /** The last registration named `name`. */
  get(name: string): ToolDefinition | undefined
  /** The effective definitions (last registration of each name), in first-registration order. */
  all(): ToolDefinition[]
  /** Called after each change; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void
  clear(): void
}

/**
 * Tools registered by the app (`registerTool`, `useFrontendTool`, `useBackendTool`). Several
 * registrations of one name stack: the last wins, and unregistering it restores the previous
 * one (two components registering the same tool, StrictMode's double effects).
 * @internal
 */
export function createToolRegistry(): ToolRegistry {
  const stack: ToolDefinition[] = []
  const listeners = createListenerSet<[]>('subscribeTools')
  return {
    register<Args>(typed: ToolDefinition<Args>) {
      // The handler receives the schema's output: typed for the caller, unknown inside.
      const definition = typed as unknown as ToolDefinition
      stack.push(definition)
      listeners.emit()
      let registered = true
      return () => {
        if (!registered) return
        registered = false
        const i = stack.lastIndexOf(definition)
        if (i >= 0) stack.splice(i, 1)
        listeners.emit()
      }
    },
    get: (name) => stack.findLast((d) => d.name === name),
    all() {
      const byName = new Map<string, ToolDefinition>()
      for (const d of stack) byName.set(d.name, d)
      return [...byName.values()]
    },
    subscribe: (listener) => listeners.add(listener),
    clear() {
      stack.length = 0
      listeners.clear()
    },
  }
}
