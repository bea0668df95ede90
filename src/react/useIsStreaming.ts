import { useCallback } from 'react'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { useSelect } from './useAgentSelector'

/**
 * Whether the text or reasoning message `messageId` is streaming (started, not ended:
 * `snapshot.streamingMessageIds`). Re-renders only when that answer flips.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 */
export function useIsStreaming(messageId: string): boolean {
  const selector = useCallback(
    (snapshot: AgentSnapshot) => snapshot.streamingMessageIds.includes(messageId),
    [messageId],
  )
  return useSelect('useIsStreaming', selector, Object.is)
}
