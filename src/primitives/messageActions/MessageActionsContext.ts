import { createContext, useContext, type RefObject } from 'react'
import type { AgentError } from '../../core/protocol/AgentError'
import type { Message } from '../../core/protocol/types'
import type { CopyState } from '../useCopyToClipboard'

/** What `MessageActions.Root` shares with its parts (and custom parts, via `useContext`). */
export interface MessageActionsContextValue {
  /** `Message.id` of the message the actions act on. */
  messageId: string
  /** Its AG-UI role, or `undefined` while the thread does not hold it. */
  role: Message['role'] | undefined
  /** The text `Copy` copies (the Root's `copyText`, else the message's text). */
  text: string
  /** The message is the last complete assistant reply with a user message before it. */
  canRegenerate: boolean
  /** The message is a user message. */
  canEdit: boolean
  /** A run is running: Regenerate and the edit's submit are disabled. */
  isRunning: boolean
  /** `idle`, or `copied`/`failed` for a moment after a copy. */
  copyState: CopyState
  copy: () => void
  regenerate: () => void
  /** The edit form is open. */
  editing: boolean
  setEditing: (editing: boolean) => void
  /** Closes the edit form without sending and gives focus back to `Edit`. */
  cancelEdit: () => void
  /** The edit form's text. */
  draft: string
  setDraft: (draft: string) => void
  /** Sends the draft (`editAndResend`); a no-op for an empty draft or while running. */
  submitEdit: () => void
  /** The last refused action's error (`busy`, `not_found`), cleared by the next action. */
  error: AgentError | undefined
  /** The Edit button, to give focus back when the form closes. */
  editButtonRef: RefObject<HTMLButtonElement | null>
  ids: { editor: string; input: string; error: string }
}

/** React context of the MessageActions parts. */
export const MessageActionsContext = createContext<MessageActionsContextValue | null>(null)

/**
 * The context of the nearest `MessageActions.Root`, for custom parts.
 * @throws Error naming the part when used outside a Root.
 */
export function useMessageActionsContext(part = 'useContext'): MessageActionsContextValue {
  const value = useContext(MessageActionsContext)
  if (!value) throw new Error(`<MessageActions.${part}> must be used inside <MessageActions.Root>.`)
  return value
}
