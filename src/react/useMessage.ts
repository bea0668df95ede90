import { useCallback } from 'react'
import type { Message } from '../core/protocol/types'
import { getMessage } from '../core/reducer'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { useSelect } from './useAgentSelector'

/**
 * One message by `id` (O(1) lookup), or `undefined` while it does not exist. The component
 * re-renders only when *that* message changes: a token streamed into another message does
 * not render it (the reducer keeps untouched messages' identity). Use it for list rows.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * function Row({ id }: { id: string }) { const message = useMessage(id); ... }
 */
export function useMessage(id: string): Message | undefined {
  const selector = useCallback((snapshot: AgentSnapshot) => getMessage(snapshot, id), [id])
  return useSelect('useMessage', selector, Object.is)
}
