import { useEffect, useRef } from 'react'
import type { ToolDefinition } from '../core/store/ToolDefinition'
import { useStoreOf } from './useAgentStore'
import type { ToolRender } from './useToolRenderer'

/** A tool definition as the React hooks take it: a core definition plus an optional `render`. */
export type ReactToolDefinition<Args = unknown> = ToolDefinition<Args> & {
  /** Draws the tool's calls in `<Chat />` (see `useToolRenderer`). */
  render?: ToolRender
}

/**
 * Registers `definition` in the provider's store for the component's life. The registered
 * object reads the latest props (handler, schema, render, ...) through a ref, so re-renders do
 * not re-register; a new `name`, or a handler/render/requiresApproval appearing or changing kind,
 * does (approvals are re-derived).
 * @internal Shared by `useFrontendTool` and `useBackendTool`.
 */
export function useRegisteredTool(hook: string, definition: ReactToolDefinition<never>): void {
  const store = useStoreOf(hook)
  const latest = useRef(definition)
  useEffect(() => {
    latest.current = definition
  })
  const hasHandler = definition.handler !== undefined
  const hasRender = definition.render !== undefined
  const approvalKind =
    typeof definition.requiresApproval === 'function' ? 'fn' : !!definition.requiresApproval
  useEffect(() => {
    const current = () => latest.current as ReactToolDefinition
    const handler: ToolDefinition['handler'] = (args, context) => current().handler?.(args, context)
    const render: ToolRender = (call) => current().render?.(call)
    const requiresApproval = (args: unknown) => {
      const rule = current().requiresApproval
      return typeof rule === 'function' ? rule(args) : !!rule
    }
    const proxy: ReactToolDefinition = {
      name: latest.current.name,
      get description() {
        return current().description
      },
      get parameters() {
        return current().parameters
      },
      get timeoutMs() {
        return current().timeoutMs
      },
      get followUp() {
        return current().followUp
      },
      ...(hasHandler && { handler }),
      ...(hasRender && { render }),
      ...(approvalKind === 'fn' ? { requiresApproval } : { requiresApproval: approvalKind }),
    }
    return store.registerTool(proxy)
  }, [store, definition.name, hasHandler, hasRender, approvalKind])
}
