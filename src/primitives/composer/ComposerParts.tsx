import {
  forwardRef,
  type ButtonHTMLAttributes,
  type ClipboardEvent,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from 'react'
import { composeEventHandlers } from '../composeEventHandlers'
import { composeRefs } from '../composeRefs'
import { Slot } from '../Slot'
import { useComposerContext } from './ComposerContext'

/** Props of `Composer.Input`. */
export interface ComposerInputProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'value' | 'defaultValue'
> {
  asChild?: boolean
}

/**
 * The text field: a `textarea[data-awr="composer-input"]` bound to the Root's value. Enter sends,
 * Shift+Enter inserts a new line, Enter while an IME composition is open (`isComposing`, keyCode
 * 229) does nothing. Pasting files attaches them (text pastes as usual). Give it an accessible
 * name (a `<label htmlFor={useContext().ids.input}>` or `aria-label`).
 */
export const Input = forwardRef<HTMLTextAreaElement, ComposerInputProps>(function Input(
  { asChild, onChange, onKeyDown, onPaste, ...rest },
  ref,
) {
  const ctx = useComposerContext('Input')
  const Comp = asChild ? Slot : 'textarea'
  return (
    <Comp
      id={ctx.ids.input}
      rows={1}
      aria-describedby={ctx.error ? ctx.ids.error : undefined}
      {...rest}
      ref={composeRefs(ref, ctx.inputRef)}
      data-awr="composer-input"
      value={ctx.value}
      onChange={composeEventHandlers(onChange, (event) =>
        ctx.setValue((event.target as HTMLTextAreaElement).value),
      )}
      onKeyDown={composeEventHandlers(onKeyDown, (event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (event.key !== 'Enter' || event.shiftKey) return
        if (event.nativeEvent.isComposing || event.keyCode === 229) return
        event.preventDefault()
        ctx.send()
      })}
      onPaste={composeEventHandlers(onPaste, (event: ClipboardEvent<HTMLTextAreaElement>) => {
        const files = event.clipboardData?.files
        if (!ctx.attachable || !files || files.length === 0) return
        event.preventDefault()
        ctx.add(files)
      })}
    />
  )
})

/** Props of `Composer.Send` and `Composer.Stop`. */
export interface ComposerButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  asChild?: boolean
  /** `Stop` only: render while no run is running too (disabled). */
  forceMount?: boolean
}

/**
 * The submit button (`button[type=submit][data-awr="composer-send"]`), disabled unless a send
 * is possible (text or an attachment, no run running, no file still reading). Children are its
 * label.
 */
export const Send = forwardRef<HTMLButtonElement, ComposerButtonProps>(function Send(
  { asChild, forceMount: _forceMount, disabled, ...rest },
  ref,
) {
  const ctx = useComposerContext('Send')
  const Comp = asChild ? Slot : 'button'
  return (
    <Comp
      type="submit"
      {...rest}
      ref={ref}
      data-awr="composer-send"
      data-state={ctx.canSend ? 'ready' : 'disabled'}
      disabled={disabled || !ctx.canSend}
    />
  )
})

/**
 * Stops the running run (`button[data-awr="composer-stop"]`); rendered only while a run is
 * running (unless `forceMount`, then disabled when idle). Children are its label.
 */
export const Stop = forwardRef<HTMLButtonElement, ComposerButtonProps>(function Stop(
  { asChild, forceMount, disabled, onClick, ...rest },
  ref,
) {
  const ctx = useComposerContext('Stop')
  if (!ctx.isRunning && !forceMount) return null
  const Comp = asChild ? Slot : 'button'
  return (
    <Comp
      type="button"
      {...rest}
      ref={ref}
      data-awr="composer-stop"
      data-state={ctx.isRunning ? 'running' : 'idle'}
      disabled={disabled || !ctx.isRunning}
      onClick={composeEventHandlers(onClick, () => ctx.stop())}
    />
  )
})
