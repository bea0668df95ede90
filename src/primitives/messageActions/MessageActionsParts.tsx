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
import { useMessageActionsContext, type MessageActionsContextValue } from './MessageActionsContext'

/** Props of the MessageActions buttons. */
export interface MessageActionsButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Render the single child element instead of a `button`, with the part's props merged in. */
  asChild?: boolean
}

interface ButtonSpec {
  part: string
  dataAwr: string
  text: string
  type?: 'button' | 'submit'
  /** Give the Root this button's element (Edit: focus returns to it). */
  focusTarget?: boolean
  /** Render nothing unless this holds. Default: always render. */
  shown?: (ctx: MessageActionsContextValue) => boolean
  disabled: (ctx: MessageActionsContextValue) => boolean
  action?: (ctx: MessageActionsContextValue) => void
  extra?: (ctx: MessageActionsContextValue) => Record<string, unknown>
}

const PartButton = forwardRef<HTMLButtonElement, MessageActionsButtonProps & { spec: ButtonSpec }>(
  function PartButton({ spec, asChild, onClick, disabled, children, ...rest }, forwardedRef) {
    const ctx = useMessageActionsContext(spec.part)
    const { editButtonRef } = ctx
    const focusTarget = spec.focusTarget === true
    const ref = useMemo(
      () => (focusTarget ? composeRefs(forwardedRef, editButtonRef) : forwardedRef),
      [focusTarget, forwardedRef, editButtonRef],
    )
    if (spec.shown && !spec.shown(ctx)) return null
    const Comp = asChild ? Slot : 'button'
    const { action } = spec
    return (
      <Comp
        {...(asChild ? {} : { type: spec.type ?? 'button' })}
        {...spec.extra?.(ctx)}
        {...rest}
        ref={ref}
        disabled={disabled || spec.disabled(ctx)}
        data-awr={spec.dataAwr}
        onClick={action ? composeEventHandlers(onClick, () => action(ctx)) : onClick}
      >
        {children ?? spec.text}
      </Comp>
    )
  },
)

const copySpec: ButtonSpec = {
  part: 'Copy',
  dataAwr: 'message-actions-copy',
  text: 'Copy',
  disabled: (ctx) => ctx.text === '',
  action: (ctx) => ctx.copy(),
  extra: (ctx) => ({ 'data-state': ctx.copyState }),
}

/**
 * Copies the message's text (`copyToClipboard`: Clipboard API, else an `execCommand`
 * fallback). `data-state`: `idle`, then `copied` or `failed` for `copyResetMs`. Disabled when
 * there is no text. Default text "Copy".
 */
export const Copy = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(
  function Copy(props, ref) {
    return <PartButton {...props} spec={copySpec} ref={ref} />
  },
)

const regenerateSpec: ButtonSpec = {
  part: 'Regenerate',
  dataAwr: 'message-actions-regenerate',
  text: 'Regenerate',
  shown: (ctx) => ctx.canRegenerate,
  disabled: (ctx) => ctx.isRunning,
  action: (ctx) => ctx.regenerate(),
}

/**
 * Regenerates the reply (`store.regenerate(messageId)`). Renders nothing unless the message is
 * the last complete assistant reply; disabled while a run is running. Default text "Regenerate".
 */
export const Regenerate = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(
  function Regenerate(props, ref) {
    return <PartButton {...props} spec={regenerateSpec} ref={ref} />
  },
)

const editSpec: ButtonSpec = {
  part: 'Edit',
  dataAwr: 'message-actions-edit',
  text: 'Edit',
  focusTarget: true,
  shown: (ctx) => ctx.canEdit,
  disabled: (ctx) => ctx.isRunning && !ctx.editing,
  action: (ctx) => ctx.setEditing(!ctx.editing),
  extra: (ctx) => ({
    'aria-expanded': ctx.editing,
    'aria-controls': ctx.editing ? ctx.ids.editor : undefined,
    'data-state': ctx.editing ? 'open' : 'closed',
  }),
}

/**
 * Opens (or closes) the edit form of a user message: `aria-expanded`, `aria-controls` the
 * `Editor`, `data-state` `open` | `closed`. Renders nothing for other roles; disabled while a
 * run is running (unless the form is open, so it can still be closed). Default text "Edit".
 */
export const Edit = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(
  function Edit(props, ref) {
    return <PartButton {...props} spec={editSpec} ref={ref} />
  },
)

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
            ctx.cancelEdit()
          } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            ctx.submitEdit()
          }
        })}
      />
    )
  },
)

const submitSpec: ButtonSpec = {
  part: 'EditorSubmit',
  dataAwr: 'message-actions-submit',
  text: 'Send',
  type: 'submit',
  disabled: (ctx) => ctx.isRunning || ctx.draft.trim() === '',
}

/** Submit button of the edit form; disabled for an empty draft or while a run is running. */
export const EditorSubmit = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(
  function EditorSubmit(props, ref) {
    return <PartButton {...props} spec={submitSpec} ref={ref} />
  },
)

const cancelSpec: ButtonSpec = {
  part: 'EditorCancel',
  dataAwr: 'message-actions-cancel',
  text: 'Cancel',
  disabled: () => false,
  action: (ctx) => ctx.cancelEdit(),
}

/** Closes the edit form without sending and returns focus to `Edit`. Default text "Cancel". */
export const EditorCancel = forwardRef<HTMLButtonElement, MessageActionsButtonProps>(
  function EditorCancel(props, ref) {
    return <PartButton {...props} spec={cancelSpec} ref={ref} />
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
