import {
  forwardRef,
  useEffect,
  useMemo,
  useRef,
  type ButtonHTMLAttributes,
  type FormEvent,
  type FormHTMLAttributes,
  type HTMLAttributes,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from 'react'
import { composeEventHandlers } from '../composeEventHandlers'
import { composeRefs } from '../composeRefs'
import { Slot } from '../Slot'
import { useMessageActionsContext } from './MessageActionsContext'

/** Props of the MessageActions buttons. */
export interface MessageActionsButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Render the single child element instead of a `button`, with the part's props merged in. */
  asChild?: boolean
}

/**
 * Copies the message's text (`copyToClipboard`: Clipboard API, else an `execCommand`
 * fallback). `data-state`: `idle`, then `copied` or `failed` for `copyResetMs`. Disabled when
 * there is no text. Default text "Copy".
 */
export const Copy = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(function Copy(
  { asChild, onClick, disabled, children, ...rest },
  ref,
) {
  const ctx = useMessageActionsContext('Copy')
  const Comp = asChild ? Slot : 'button'
  return (
    <Comp
      {...(asChild ? {} : { type: 'button' as const })}
      {...rest}
      ref={ref}
      disabled={disabled || ctx.text === ''}
      data-awr="message-actions-copy"
      data-state={ctx.copyState}
      onClick={composeEventHandlers(onClick, () => ctx.copy())}
    >
      {children ?? 'Copy'}
    </Comp>
  )
})

/**
 * Regenerates the reply (`store.regenerate(messageId)`). Renders nothing unless the message is
 * the last complete assistant reply; disabled while a run is running. Default text "Regenerate".
 */
export const Regenerate = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(
  function Regenerate({ asChild, onClick, disabled, children, ...rest }, ref) {
    const ctx = useMessageActionsContext('Regenerate')
    if (!ctx.canRegenerate) return null
    const Comp = asChild ? Slot : 'button'
    return (
      <Comp
        {...(asChild ? {} : { type: 'button' as const })}
        {...rest}
        ref={ref}
        disabled={disabled || ctx.isRunning}
        data-awr="message-actions-regenerate"
        onClick={composeEventHandlers(onClick, () => ctx.regenerate())}
      >
        {children ?? 'Regenerate'}
      </Comp>
    )
  },
)

/**
 * Opens (or closes) the edit form of a user message: `aria-expanded`, `aria-controls` the
 * `Editor`, `data-state` `open` | `closed`. Renders nothing for other roles; disabled while a
 * run is running (unless the form is open, so it can still be closed). Default text "Edit".
 */
export const Edit = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(function Edit(
  { asChild, onClick, disabled, children, ...rest },
  forwardedRef,
) {
  const ctx = useMessageActionsContext('Edit')
  const ref = useMemo(
    () => composeRefs(forwardedRef, ctx.editButtonRef),
    [forwardedRef, ctx.editButtonRef],
  )
  if (!ctx.canEdit) return null
  const Comp = asChild ? Slot : 'button'
  return (
    <Comp
      {...(asChild ? {} : { type: 'button' as const })}
      {...rest}
      ref={ref}
      disabled={disabled || (ctx.isRunning && !ctx.editing)}
      aria-expanded={ctx.editing}
      aria-controls={ctx.editing ? ctx.ids.editor : undefined}
      data-awr="message-actions-edit"
      data-state={ctx.editing ? 'open' : 'closed'}
      onClick={composeEventHandlers(onClick, () => ctx.setEditing(!ctx.editing))}
    >
      {children ?? 'Edit'}
    </Comp>
  )
})

/** Props of `MessageActions.Editor`. */
export type MessageActionsEditorProps = FormHTMLAttributes<HTMLFormElement>

/**
 * The edit form (`<form>`), rendered only while editing; submitting sends the draft with
 * `store.editAndResend` (everything after the message is dropped) and closes the form. Holds
 * `EditorInput`, `EditorSubmit`, `EditorCancel`.
 */
export const Editor = forwardRef<HTMLFormElement, MessageActionsEditorProps>(function Editor(
  { onSubmit, children, ...rest },
  ref,
) {
  const ctx = useMessageActionsContext('Editor')
  if (!ctx.editing) return null
  return (
    <form
      {...rest}
      ref={ref}
      id={ctx.ids.editor}
      data-awr="message-actions-editor"
      aria-describedby={ctx.error ? ctx.ids.error : undefined}
      onSubmit={composeEventHandlers(onSubmit, (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault()
        ctx.submitEdit()
      })}
    >
      {children}
    </form>
  )
})

/** Props of `MessageActions.EditorInput`. */
export type MessageActionsEditorInputProps = TextareaHTMLAttributes<HTMLTextAreaElement>

/**
 * The draft's `<textarea>`: filled with the message's text and focused when the form opens.
 * Enter submits (Shift+Enter: new line); Escape closes the form and returns focus to `Edit`.
 */
export const EditorInput = forwardRef<HTMLTextAreaElement, MessageActionsEditorInputProps>(
  function EditorInput({ onChange, onKeyDown, ...rest }, forwardedRef) {
    const ctx = useMessageActionsContext('EditorInput')
    const inputRef = useRef<HTMLTextAreaElement>(null)
    const ref = useMemo(() => composeRefs(forwardedRef, inputRef), [forwardedRef])
    useEffect(() => {
      const input = inputRef.current
      if (!input) return
      input.focus()
      input.setSelectionRange(input.value.length, input.value.length)
    }, [])
    return (
      <textarea
        rows={3}
        {...rest}
        ref={ref}
        id={ctx.ids.input}
        value={ctx.draft}
        data-awr="message-actions-input"
        onChange={composeEventHandlers(onChange, (event) => ctx.setDraft(event.target.value))}
        onKeyDown={composeEventHandlers(onKeyDown, (event: KeyboardEvent<HTMLTextAreaElement>) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            ctx.setEditing(false)
            ctx.editButtonRef.current?.focus()
          } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            ctx.submitEdit()
          }
        })}
      />
    )
  },
)

/** Submit button of the edit form; disabled for an empty draft or while a run is running. */
export const EditorSubmit = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(
  function EditorSubmit({ asChild, disabled, children, ...rest }, ref) {
    const ctx = useMessageActionsContext('EditorSubmit')
    const Comp = asChild ? Slot : 'button'
    return (
      <Comp
        {...(asChild ? {} : { type: 'submit' as const })}
        {...rest}
        ref={ref}
        disabled={disabled || ctx.isRunning || ctx.draft.trim() === ''}
        data-awr="message-actions-submit"
      >
        {children ?? 'Send'}
      </Comp>
    )
  },
)

/** Closes the edit form without sending and returns focus to `Edit`. Default text "Cancel". */
export const EditorCancel = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(
  function EditorCancel({ asChild, onClick, children, ...rest }, ref) {
    const ctx = useMessageActionsContext('EditorCancel')
    const Comp = asChild ? Slot : 'button'
    return (
      <Comp
        {...(asChild ? {} : { type: 'button' as const })}
        {...rest}
        ref={ref}
        data-awr="message-actions-cancel"
        onClick={composeEventHandlers(onClick, () => {
          ctx.setEditing(false)
          ctx.editButtonRef.current?.focus()
        })}
      >
        {children ?? 'Cancel'}
      </Comp>
    )
  },
)

/** The last refused action's message (`role="alert"`); renders nothing without one. */
export const Error = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function MessageActionsError({ children, ...rest }, ref) {
    const ctx = useMessageActionsContext('Error')
    if (!ctx.error) return null
    return (
      <div {...rest} ref={ref} id={ctx.ids.error} role="alert" data-awr="message-actions-error">
        {children ?? ctx.error.message}
      </div>
    )
  },
)
