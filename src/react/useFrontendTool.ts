import { useRegisteredTool, type ReactToolDefinition } from './useRegisteredTool'

/**
 * Registers a frontend tool for the component's life (issue 3, "Frontend tools"): sent to the
 * agent in `RunAgentInput.tools` (its zod `parameters` as JSON Schema); when a run ends with a
 * call of it unanswered, the kit validates the arguments, runs `handler` (sync or async, with an
 * `AbortSignal`; timeout `timeoutMs`, default 30 000 ms), appends the tool message and starts
 * the follow-up run. With `requiresApproval`, a person decides first (see `useToolApproval`).
 * `render` draws its calls in `<Chat />`.
 *
 * Props may change on every render (an inline handler is fine): the latest are used.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * useFrontendTool({
 *   name: 'set_theme',
 *   description: 'Switch the page theme',
 *   parameters: z.object({ theme: z.enum(['light', 'dark']) }),
 *   handler: ({ theme }) => { setTheme(theme); return { ok: true } },
 * })
 */
export function useFrontendTool<Args>(
  definition: ReactToolDefinition<Args> & {
    handler: NonNullable<ReactToolDefinition<Args>['handler']>
  },
): void {
  useRegisteredTool('useFrontendTool', definition as ReactToolDefinition<never>)
}
