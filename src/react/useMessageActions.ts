import { useCallback, useMemo } from 'react'
import type { AgentError } from '../core/protocol/AgentError'
import type { ContentPart } from '../core/protocol/types'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import type { ThreadEditOptions } from '../core/store/AgentStore'
import { useSelect } from './useAgentSelector'
import { useStoreOf } from './useAgentStore'
import { readMessageList } from './readMessageList'
import { visibleMessageIndex } from './visibleMessageIndex'

/** What {@link useMessageActions} returns for one message. */
export interface MessageActionsControls {
  /**
   * The message is the thread's last assistant message, complete, with a user message before
   * it: `regenerate()` applies (while a run is running it still answers `busy`).
   */
  canRegenerate: boolean
  /** The message is a user message: `editAndResend()` applies. */
  canEdit: boolean
  /** A run is running (`run.status === 'running'`): both actions answer `AgentError('busy')`. */
  isRunning: boolean
  /** The message is streaming (`useIsStreaming`); apps usually hide its actions meanwhile. */
  isStreaming: boolean
  /** `store.regenerate(messageId, options)`; see `AgentStore.regenerate`. */
  regenerate: (options?: ThreadEditOptions) => AgentError | Promise<AgentSnapshot>
  /** `store.editAndResend(messageId, content, options)`; see `AgentStore.editAndResend`. */
  editAndResend: (
    content: string | ContentPart[],
    options?: ThreadEditOptions,
  ) => AgentError | Promise<AgentSnapshot>
}

/** Bits of the selection: one number, so the component re-renders only when one flips. */
const REGENERATE = 1
const EDIT = 2
const RUNNING = 4
const STREAMING = 8

function selectFlags(snapshot: AgentSnapshot, messageId: string): number {
  const list = readMessageList(snapshot)
  const running = snapshot.run.status === 'running' ? RUNNING : 0
  const index = visibleMessageIndex(snapshot, messageId)
  const message = index < 0 ? undefined : list.at(index)
  if (!message) return running
  if (message.role === 'user') return running | EDIT
  if (snapshot.streamingMessageIds.includes(messageId)) return running | STREAMING
  if (message.role !== 'assistant') return running
  for (let i = list.length - 1; i > index; i--) {
    if (list.at(i)?.role === 'assistant') return running // a later reply exists
  }
  for (let i = index - 1; i >= 0; i--) {
    if (list.at(i)?.role === 'user') return running | REGENERATE
  }
  return running
}

/**
 * Message actions of one message of the nearest `<AgentProvider>`'s thread (issue 4):
 * whether it can be regenerated (the last assistant reply) or edited and resent (a user
 * message), and the two store calls bound to `messageId`. Re-renders only when one of the three
 * flags changes (not per token); the scan from the end stops at the first later reply.
 *
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const { canRegenerate, regenerate } = useMessageActions(id)
 * {canRegenerate && <button onClick={() => regenerate()}>Regenerate</button>}
 */
export function useMessageActions(messageId: string): MessageActionsControls {
  const store = useStoreOf('useMessageActions')
  const selector = useCallback((s: AgentSnapshot) => selectFlags(s, messageId), [messageId])
  const flags = useSelect('useMessageActions', selector, Object.is)
  return useMemo(
    () => ({
      canRegenerate: (flags & REGENERATE) !== 0,
      canEdit: (flags & EDIT) !== 0,
      isRunning: (flags & RUNNING) !== 0,
      isStreaming: (flags & STREAMING) !== 0,
      regenerate: (options?: ThreadEditOptions) => store.regenerate(messageId, options),
      editAndResend: (content: string | ContentPart[], options?: ThreadEditOptions) =>
        store.editAndResend(messageId, content, options),
    }),
    [flags, store, messageId],
  )
}
