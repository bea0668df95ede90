import { forwardRef, useId, useMemo, useRef, useState, type HTMLAttributes } from 'react'
import { isAgentError, type AgentError } from '../../core/protocol/AgentError'
import type { UserMessage } from '../../core/protocol/types'
import { useMessage } from '../../react/useMessage'
import { useMessageActions } from '../../react/useMessageActions'
import { Slot } from '../Slot'
import { useControllableState } from '../useControllableState'
import { COPY_RESET_MS, useCopyToClipboard } from '../useCopyToClipboard'
import { MessageActionsContext, type MessageActionsContextValue } from './MessageActionsContext'
import { editedContent, messageText } from './messageText'

/** Props of `MessageActions.Root`. */
export interface MessageActionsRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the Root's props merged in. */
  asChild?: boolean
  /** `Message.id` of the message of the nearest `AgentProvider`'s thread to act on. */
  messageId: string
  /** What `Copy` copies. Default: the message's text (`messageText`). */
  copyText?: string
  /** How long `Copy` stays `copied`/`failed` before `idle`, ms. Default 2000. */
  copyResetMs?: number
  /** Controlled: the edit form is open. */
  editing?: boolean
  /** Initial `editing` when uncontrolled. Default `false`. */
  defaultEditing?: boolean
  onEditingChange?: (editing: boolean) => void
  /** Called after each copy with whether it worked. */
  onCopied?: (copied: boolean) => void
  /**
   * Called when Regenerate or an edit started a run, before React re-renders (this message,
   * and with it the focused button, is about to leave the thread): the place to move focus,
   * e.g. to the composer, and scroll to the bottom.
   */
  onRunStarted?: (action: 'regenerate' | 'edit') => void
}

/**
 * Headless actions of one message (issue 4, Radix anatomy): `Copy` (clipboard, with a fallback
 * when the Clipboard API is missing), `Regenerate` (the last assistant reply:
 * `store.regenerate`), `Edit` + `Editor` (a user message: `store.editAndResend`). Must be inside
 * `AgentProvider`. Renders a `div role="group"` (give it an `aria-label`) with
 * `data-role` (the message's role) and `data-state` (`editing` | `idle`).
 *
 * A refused action (a run started meanwhile: `busy`) keeps the form open and exposes the error
 * to `MessageActions.Error`. The Root renders its children whatever the role; the parts that
 * do not apply (Regenerate on a user message, Edit on a reply) render nothing.
 */
export const Root = forwardRef<HTMLDivElement, MessageActionsRootProps>(
  function MessageActionsRoot(props, ref) {
    const {
      asChild,
      messageId,
      copyText,
      copyResetMs = COPY_RESET_MS,
      editing: editingProp,
      defaultEditing = false,
      onEditingChange,
      onCopied,
      onRunStarted,
      children,
      ...rest
    } = props
    const message = useMessage(messageId)
    const actions = useMessageActions(messageId)
    const [copyState, copyNow] = useCopyToClipboard(copyResetMs)
    const [editing, setEditingState] = useControllableState({
      prop: editingProp,
      defaultProp: defaultEditing,
      onChange: onEditingChange,
    })
    const [draft, setDraft] = useState('')
    const [error, setError] = useState<AgentError | undefined>()
    const editButtonRef = useRef<HTMLButtonElement>(null)
    const id = useId()
    const text = copyText ?? messageText(message)

    const context = useMemo<MessageActionsContextValue>(() => {
      const report = (action: 'regenerate' | 'edit', result: AgentError | Promise<unknown>) => {
        const refused = isAgentError(result) ? result : undefined
        setError(refused)
        if (!refused) onRunStarted?.(action)
        return refused
      }
      return {
        messageId,
        role: message?.role,
        text,
        canRegenerate: actions.canRegenerate,
        canEdit: actions.canEdit,
        isRunning: actions.isRunning,
        copyState,
        copy: () => {
          void copyNow(text).then((ok) => onCopied?.(ok))
        },
        regenerate: () => {
          if (actions.canRegenerate && !actions.isRunning)
            report('regenerate', actions.regenerate())
        },
        editing,
        setEditing: (next) => {
          if (next) setDraft(messageText(message))
          setError(undefined)
          setEditingState(next)
        },
        cancelEdit: () => {
          setEditingState(false)
          editButtonRef.current?.focus()
        },
        draft,
        setDraft,
        submitEdit: () => {
          const value = draft.trim()
          if (!actions.canEdit || actions.isRunning || value === '') return
          const original = (message as UserMessage).content
          if (!report('edit', actions.editAndResend(editedContent(original, value)))) {
            setEditingState(false)
          }
        },
        error,
        editButtonRef,
        ids: { editor: `${id}editor`, input: `${id}input`, error: `${id}error` },
      }
    }, [
      messageId,
      message,
      text,
      actions,
      copyState,
      copyNow,
      onCopied,
      onRunStarted,
      editing,
      setEditingState,
      draft,
      error,
      id,
    ])

    const Comp = asChild ? Slot : 'div'
    return (
      <MessageActionsContext.Provider value={context}>
        <Comp
          role="group"
          {...rest}
          ref={ref}
          data-awr="message-actions"
          data-role={message?.role}
          data-state={editing ? 'editing' : 'idle'}
        >
          {children}
        </Comp>
      </MessageActionsContext.Provider>
    )
  },
)
