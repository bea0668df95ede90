import {
  forwardRef,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
} from 'react'
import type { AgentError } from '../../core/protocol/AgentError'
import type { InterruptView } from '../../core/reducer/AgentSnapshot'
import { useInterrupts } from '../../react/useInterrupts'
import { AgentContext } from '../../react/AgentContext'
import { composeRefs } from '../composeRefs'
import type { SchemaFormMessages } from '../schemaForm/SchemaFormMessages'
import { useSchemaForm } from '../schemaForm/useSchemaForm'
import type { JsonSchema } from '../schemaForm/JsonSchema'
import { claimAutoFocus, shouldMoveFocus } from '../shouldMoveFocus'
import { Slot } from '../Slot'
import { useExpired } from '../useExpired'
import { InterruptContext, type InterruptContextValue } from './InterruptContext'

/** Props of `Interrupt.Root`. */
export interface InterruptRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the Root's props merged in. */
  asChild?: boolean
  /**
   * Connected use: the interrupt's `id`, read with `useInterrupts()` under `AgentProvider`;
   * answers go to the store. Renders nothing once the interrupt is gone. Ignored with `interrupt`.
   */
  interruptId?: string
  /** Plain use (no store): the interrupt to show; answers go to `onRespond`/`onCancel`. */
  interrupt?: InterruptView
  /** Plain use: called with the valid form value; return an `AgentError` to reject it. */
  onRespond?: (payload: unknown) => AgentError | undefined
  /** Plain use: called on Cancel. */
  onCancel?: () => void
  /** Strings of the generated form (validation messages, ...). */
  messages?: Partial<SchemaFormMessages>
  /**
   * Move focus to the first field (or Submit, or Cancel) when the interrupt appears open (once per
   * interrupt id per page), unless the person is busy elsewhere (see `shouldMoveFocus`).
   * Default `false`.
   */
  autoFocus?: boolean
}

interface ViewProps extends Omit<InterruptRootProps, 'interruptId' | 'interrupt'> {
  interrupt: InterruptView
}

const RootView = forwardRef<HTMLDivElement, ViewProps>(function RootView(props, forwardedRef) {
  const {
    asChild,
    interrupt,
    onRespond,
    onCancel,
    messages,
    autoFocus = false,
    children,
    ...rest
  } = props
  const expiredNow = useExpired(interrupt.expiresAtMs)
  const expired = interrupt.state === 'expired' || (interrupt.state === 'open' && expiredNow)
  const state = expired && interrupt.state === 'open' ? 'expired' : interrupt.state
  const [sent, setSent] = useState(false)
  const [submitError, setSubmitError] = useState<AgentError | undefined>()
  const rootRef = useRef<HTMLDivElement>(null)
  const ref = useMemo(() => composeRefs(forwardedRef, rootRef), [forwardedRef])
  const id = useId()
  const scope = useContext(AgentContext)
  const form = useSchemaForm({
    schema: interrupt.responseSchema as JsonSchema | undefined,
    messages,
    disabled: state !== 'open' || sent,
  })

  useEffect(() => {
    if (interrupt.state !== 'open') setSent(false)
  }, [interrupt.state])

  useEffect(() => {
    const root = rootRef.current
    if (!autoFocus || state !== 'open' || !root) return
    // Claimed even when focus stays put: a later remount must not take it either.
    if (!claimAutoFocus(`interrupt:${interrupt.id}`, scope) || !shouldMoveFocus(root)) return
    root.querySelector<HTMLElement>('input, select, textarea, button:not([disabled])')?.focus()
  }, [autoFocus, state, interrupt.id, scope])

  const context = useMemo<InterruptContextValue>(() => {
    const canSubmit = state === 'open' && !sent
    return {
      interrupt,
      state,
      expired,
      canSubmit,
      canCancel: (state === 'open' || state === 'expired') && !sent,
      form,
      submit: () => {
        if (!canSubmit) return
        const result = form.validate()
        if (!result.ok) {
          form.focusFirstInvalid()
          return
        }
        const error = onRespond?.(result.value)
        setSubmitError(error)
        if (!error) setSent(true)
      },
      cancel: () => {
        if (state !== 'open' && state !== 'expired') return
        setSent(true)
        onCancel?.()
      },
      error: submitError?.message ?? interrupt.error?.message,
      submitError,
      ids: { form: `${id}form`, message: `${id}message`, error: `${id}error` },
    }
  }, [interrupt, state, expired, sent, form, onRespond, onCancel, submitError, id])

  const Comp = asChild ? Slot : 'div'
  return (
    <InterruptContext.Provider value={context}>
      <Comp
        role="group"
        aria-describedby={interrupt.message ? context.ids.message : undefined}
        {...rest}
        ref={ref}
        data-awr="interrupt"
        data-state={state}
        data-reason={interrupt.reason}
        data-interrupt-id={interrupt.id}
      >
        {children}
      </Comp>
    </InterruptContext.Provider>
  )
})

const ConnectedRoot = forwardRef<HTMLDivElement, InterruptRootProps & { interruptId: string }>(
  function ConnectedRoot({ interruptId, ...props }, ref) {
    const { interrupts, respond, cancel } = useInterrupts()
    const interrupt = interrupts.find((i) => i.id === interruptId)
    if (!interrupt) return null
    return (
      <RootView
        {...props}
        ref={ref}
        interrupt={interrupt}
        onRespond={(payload) => respond(interruptId, payload)}
        onCancel={() => cancel(interruptId)}
      />
    )
  },
)

/**
 * One interrupt of `RUN_FINISHED.outcome = { type: 'interrupt' }` (spec 1.1, "Interrupts"): a
 * `div[data-awr="interrupt"]` with `role="group"`, `data-state` (the `InterruptState`; `expired`
 * as soon as `expiresAt` passes, even before the store notices), `data-reason` and
 * `data-interrupt-id`. Owns the response form (from `responseSchema`), submission (validated by
 * the form, then by `onRespond`/the store: a rejection shows its message and the interrupt stays
 * open), one answer per prompt, and focus on appearance (`autoFocus`). Expired: only Cancel.
 */
export const Root = forwardRef<HTMLDivElement, InterruptRootProps>(function Root(
  { interruptId, interrupt, ...props },
  ref,
) {
  if (interrupt) return <RootView {...props} ref={ref} interrupt={interrupt} />
  if (interruptId === undefined) return null
  return <ConnectedRoot {...props} ref={ref} interruptId={interruptId} />
})
