import { useEffect, useState } from 'react'
import type { AgentStore } from '../../core/store/AgentStore'
import { toJsonSchema } from '../../core/store/toJsonSchema'
import { useAgentStore } from '../../react/useAgentStore'
import type { JsonSchema } from '../schemaForm/JsonSchema'

function read(store: AgentStore, name: string): JsonSchema | undefined {
  const parameters = store.getTool(name)?.parameters
  return parameters === undefined ? undefined : (toJsonSchema(parameters) as JsonSchema)
}

/**
 * The JSON Schema of the `parameters` of the tool registered as `name` (`useFrontendTool` /
 * `useBackendTool`), converted as for `RunAgentInput.tools`; `undefined` when the tool is not
 * registered or has no `parameters`. Follows registrations.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 */
export function useToolParametersSchema(name: string): JsonSchema | undefined {
  const store = useAgentStore()
  const [entry, setEntry] = useState(() => ({ store, name, schema: read(store, name) }))
  useEffect(() => {
    const update = () =>
      setEntry((prev) => {
        const schema = read(store, name)
        return prev.store === store && prev.name === name && prev.schema === schema
          ? prev
          : { store, name, schema }
      })
    update()
    return store.subscribeTools(update)
  }, [store, name])
  return entry.store === store && entry.name === name ? entry.schema : read(store, name)
}
