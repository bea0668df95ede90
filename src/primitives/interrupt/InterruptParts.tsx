import {
  forwardRef,
  type ButtonHTMLAttributes,
  type FormEvent,
  type FormHTMLAttributes,
  type HTMLAttributes,
  type MouseEvent,
} from 'react'
import { composeEventHandlers } from '../composeEventHandlers'
import { Countdown as CountdownPart, type CountdownProps } from '../Countdown'
import { SchemaField } from '../schemaForm/SchemaField'
import { SchemaForm } from '../schemaForm/SchemaForm'
import { Slot } from '../Slot'
import { useInterruptContext } from './InterruptContext'

interface AsChild {
  /** Render the single child element instead of the default one, with the part's props merged in. */
  asChild?: boolean
}

/** `forceMount`: render even when the interrupt no longer takes an answer. */
interface MountProps extends AsChild {
  forceMount?: boolean
}

/** Props of `Interrupt.Message`. */
export type InterruptMessageProps = HTMLAttributes<HTMLParagraphElement> & AsChild

/**
 * `interrupt.message` in a `p[data-awr="interrupt-message"]` (the Root's `aria-describedby`);
 * children replace it. Renders nothing when there is neither.
 */
export const Message = forwardRef<HTMLParagraphElement, InterruptMessageProps>(function Message(
  { asChild, children, ...rest },
  ref,
) {
  const ctx = useInterruptContext('Message')
  const content = children ?? ctx.interrupt.message
  if (content === undefined || content === null || content === '') return null
  const Comp = asChild ? Slot : 'p'
  return (
    <Comp {...rest} ref={ref} id={ctx.ids.message} data-awr="interrupt-message">
      {content}
    </Comp>
  )
})

/** Props of `Interrupt.Form`. */
export type InterruptFormProps = FormHTMLAttributes<HTMLFormElement> & MountProps

/**
 * The response `form` (`noValidate`: the generated form validates with readable messages).
 * Submitting it sends the answer. Not rendered once the interrupt expired, was cancelled or
 * resolved (`forceMount` keeps it). Put `Interrupt.Field`s inside; `Interrupt.Submit` may sit
 * outside (it targets the form by id).
 */
export const Form = forwardRef<HTMLFormElement, InterruptFormProps>(function Form(
  { forceMount, asChild, onSubmit, children, ...rest },
  ref,
) {
  const ctx = useInterruptContext('Form')
  if (ctx.state !== 'open' && ctx.state !== 'answered' && !forceMount) return null
  const Comp = asChild ? Slot : 'form'
  return (
    <Comp
      noValidate
      {...rest}
      ref={ref}
      id={ctx.ids.form}
      data-awr="interrupt-form"
      data-state={ctx.state}
      onSubmit={composeEventHandlers(onSubmit, (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault()
        ctx.submit()
      })}
    >
      {children}
    </Comp>
  )
})

/** Props of `Interrupt.Field`. */
export interface InterruptFieldProps extends HTMLAttributes<HTMLDivElement> {
  /** A property of `responseSchema` to render alone; omitted: every field (`SchemaForm`). */
  name?: string
}

/**
 * The generated control(s) of the response: one property (`name`) or all of them. Strings,
 * numbers, integers, booleans, enums and arrays of those get fields; anything else, or a
 * missing `responseSchema`, a JSON editor.
 */
export function Field({ name, ...rest }: InterruptFieldProps) {
  const ctx = useInterruptContext('Field')
  if (name !== undefined) return <SchemaField form={ctx.form} name={name} />
  return <SchemaForm {...rest} form={ctx.form} />
}

/** Props of the Interrupt buttons. */
export type InterruptButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & MountProps

/**
 * Submits the form (a `type="submit"` button bound to it by `form`, so it works inside or
 * outside `Interrupt.Form`). Disabled once sent; not rendered after expiry (`forceMount` keeps
 * it, disabled). Default text "Submit".
 */
export const Submit = forwardRef<HTMLButtonElement, InterruptButtonProps>(function Submit(
  { forceMount, asChild, disabled, children, ...rest },
  ref,
) {
  const ctx = useInterruptContext('Submit')
  if (ctx.state !== 'open' && ctx.state !== 'answered' && !forceMount) return null
  const Comp = asChild ? Slot : 'button'
  return (
    <Comp
      type="submit"
      form={ctx.ids.form}
      {...rest}
      ref={ref}
      disabled={disabled || !ctx.canSubmit}
      data-awr="interrupt-submit"
      data-state={ctx.state}
    >
      {children ?? 'Submit'}
    </Comp>
  )
})

/**
 * Cancels the interrupt (a `resume[]` entry with `status: 'cancelled'`); the only action once it
 * expired. Disabled once answered or cancelled. Default text "Cancel".
 */
export const Cancel = forwardRef<HTMLButtonElement, InterruptButtonProps>(function Cancel(
  { forceMount: _forceMount, asChild, disabled, onClick, children, ...rest },
  ref,
) {
  const ctx = useInterruptContext('Cancel')
  const Comp = asChild ? Slot : 'button'
  return (
    <Comp
      {...(asChild ? {} : { type: 'button' as const })}
      {...rest}
      ref={ref}
      disabled={disabled || !ctx.canCancel}
      data-awr="interrupt-cancel"
      data-state={ctx.state}
      onClick={composeEventHandlers(onClick, (_: MouseEvent<HTMLButtonElement>) => ctx.cancel())}
    >
      {children ?? 'Cancel'}
    </Comp>
  )
})

/** Props of `Interrupt.Countdown`. */
export type InterruptCountdownProps = Omit<CountdownProps, 'expiresAt'>

/**
 * Time left before `expiresAt` (see `Countdown`: updates every second, silent, announces at one
 * minute and at expiry). Renders nothing for an interrupt without expiry, or one that is no
 * longer waiting.
 */
export const Countdown = forwardRef<HTMLSpanElement, InterruptCountdownProps>(
  function Countdown(props, ref) {
    const ctx = useInterruptContext('Countdown')
    if (ctx.state !== 'open' && ctx.state !== 'expired') return null
    return (
      <CountdownPart
        expired={ctx.expired}
        {...props}
        ref={ref}
        expiresAt={ctx.interrupt.expiresAtMs}
      />
    )
  },
)

/** Props of `Interrupt.Error`. */
export type InterruptErrorProps = HTMLAttributes<HTMLDivElement> & AsChild

/**
 * Why an answer was rejected (`invalid_payload`, `interrupt_expired`, ...) or the resume failed
 * (`resume_rejected`): a `div[role="alert"]`; renders nothing without an error.
 */
export const Error = forwardRef<HTMLDivElement, InterruptErrorProps>(function Error(
  { asChild, children, ...rest },
  ref,
) {
  const ctx = useInterruptContext('Error')
  if (!ctx.error) return null
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp role="alert" {...rest} ref={ref} id={ctx.ids.error} data-awr="interrupt-error">
      {children ?? ctx.error}
    </Comp>
  )
})
