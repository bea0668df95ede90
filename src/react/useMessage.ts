import { useMemo } from 'react'
import type { Message } from '../core/protocol/types'
import { createMessageSelector } from './createMessageSelector'
import { useSelect } from './useAgentSelector'

/**
 * One message by `id` (O(1) lookup), or `undefined` while it does not exist. The component
 * re-renders only when *that* message changes: a token streamed into another message does
 * not render it (the reducer keeps untouched messages' identity). Use it for list rows.
 *
 * When two messages share the id (Microsoft's .NET AG-UI server gives a tool result its call's
 * id, which also names the assistant message holding the call), this is the one the chat shows
 * as a row: the assistant message; the result renders inside its call's card (`useToolCall`).
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * function Row({ id }: { id: string }) { const message = useMessage(id); ... }
 */
export function useMessage(id: string): Message | undefined {
  const selector = useMemo(() => createMessageSelector(id), [id])
  return useSelect('useMessage', selector, Object.is)
}
