import { forwardRef, useMemo, type ButtonHTMLAttributes, type MouseEvent } from 'react'
import { composeEventHandlers } from '../composeEventHandlers'
import { composeRefs } from '../composeRefs'
import { Slot } from '../Slot'
import { useToolApprovalContext, type ToolApprovalContextValue } from './ToolApprovalContext'

/** Props shared by the ToolApproval buttons. */
export interface ToolApprovalButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Render the single child element instead of a `button`, with the part's props merged in. */
  asChild?: boolean
}

interface ButtonSpec {
  part: string
  dataAwr: string
  text: string
  shortcut?: string
  /** Register as the Root's focus target (Approve). */
  focusTarget?: boolean
  /** Whether the action is possible now. Default: a decision is possible (`canDecide`). */
  enabled?: (ctx: ToolApprovalContextValue) => boolean
  action: (ctx: ToolApprovalContextValue) => void
  extra?: (ctx: ToolApprovalContextValue) => Record<string, unknown>
}

const ActionButton = forwardRef<HTMLButtonElement, ToolApprovalButtonProps & { spec: ButtonSpec }>(
  function ActionButton({ spec, asChild, onClick, disabled, children, ...rest }, forwardedRef) {
    const ctx = useToolApprovalContext(spec.part)
    const { approveRef } = ctx
    const focusTarget = spec.focusTarget === true
    const ref = useMemo(
      () => (focusTarget ? composeRefs(forwardedRef, approveRef) : forwardedRef),
      [focusTarget, forwardedRef, approveRef],
    )
    const Comp = asChild ? Slot : 'button'
    return (
      <Comp
        {...(asChild ? {} : { type: 'button' as const })}
        aria-keyshortcuts={spec.shortcut}
        {...spec.extra?.(ctx)}
        {...rest}
        ref={ref}
        disabled={disabled || !(spec.enabled ? spec.enabled(ctx) : ctx.canDecide)}
        data-awr={spec.dataAwr}
        data-state={ctx.state}
        onClick={composeEventHandlers(onClick, (_: MouseEvent<HTMLButtonElement>) =>
          spec.action(ctx),
        )}
      >
        {children ?? spec.text}
      </Comp>
    )
  },
)

const approveSpec: ButtonSpec = {
  part: 'Approve',
  dataAwr: 'tool-approval-approve',
  text: 'Approve',
  shortcut: 'Alt+A',
  focusTarget: true,
  action: (ctx) => ctx.approveOrSubmit(),
}

/**
 * Approves the call (`aria-keyshortcuts="Alt+A"`); while the editor is open, submits the edited
 * arguments instead. Disabled unless the approval is `pending`, and once clicked (one decision
 * per arguments text). Default text "Approve". The Root moves focus here when `autoFocus`.
 */
export const Approve = forwardRef<HTMLButtonElement, ToolApprovalButtonProps>(
  function Approve(props, ref) {
    return <ActionButton {...props} spec={approveSpec} ref={ref} />
  },
)

/** Props of `ToolApproval.Deny`. */
export interface ToolApprovalDenyProps extends ToolApprovalButtonProps {
  /**
   * First press opens the reason (`ToolApproval.Reason`), the second denies with it. With
   * `false`, denies at once without a reason. Default `true`.
   */
  askReason?: boolean
}

/**
 * Denies the call (`aria-keyshortcuts="Alt+D"`): opens the reason first (`data-mode="denying"`
 * on the Root, `aria-expanded`), then sends `{ approved: false, reason }`. Default text "Deny".
 */
export const Deny = forwardRef<HTMLButtonElement, ToolApprovalDenyProps>(function Deny(
  { askReason = true, ...props },
  ref,
) {
  const spec = useMemo<ButtonSpec>(
    () => ({
      part: 'Deny',
      dataAwr: 'tool-approval-deny',
      text: 'Deny',
      shortcut: 'Alt+D',
      action: (ctx) => ctx.denyOrAsk(askReason),
      extra: (ctx) =>
        askReason
          ? {
              'aria-expanded': ctx.mode === 'denying',
              'aria-controls': ctx.mode === 'denying' ? ctx.ids.reason : undefined,
            }
          : {},
    }),
    [askReason],
  )
  return <ActionButton {...props} spec={spec} ref={ref} />
})

const editSpec: ButtonSpec = {
  part: 'Edit',
  dataAwr: 'tool-approval-edit',
  text: 'Edit',
  shortcut: 'Alt+E',
  action: (ctx) => ctx.toggleEdit(),
  extra: (ctx) => ({
    'aria-expanded': ctx.mode === 'editing',
    'aria-controls': ctx.mode === 'editing' ? ctx.ids.editor : undefined,
  }),
}

/**
 * Opens (or closes) the arguments editor (`ToolApproval.Editor`; `aria-keyshortcuts="Alt+E"`,
 * `aria-expanded`). Default text "Edit".
 */
export const Edit = forwardRef<HTMLButtonElement, ToolApprovalButtonProps>(
  function Edit(props, ref) {
    return <ActionButton {...props} spec={editSpec} ref={ref} />
  },
)

const alwaysSpec: ButtonSpec = {
  part: 'AlwaysAllow',
  dataAwr: 'tool-approval-always-allow',
  text: 'Always allow',
  action: (ctx) => ctx.approve({ always: true }),
}

/**
 * Approves the call and adds its tool to the policy store ("always allow": later calls of the
 * tool are approved without asking). No shortcut, on purpose. Default text "Always allow".
 */
export const AlwaysAllow = forwardRef<HTMLButtonElement, ToolApprovalButtonProps>(
  function AlwaysAllow(props, ref) {
    return <ActionButton {...props} spec={alwaysSpec} ref={ref} />
  },
)

const cancelSpec: ButtonSpec = {
  part: 'Cancel',
  dataAwr: 'tool-approval-cancel',
  text: 'Cancel',
  enabled: (ctx) => ctx.canCancel,
  action: (ctx) => ctx.cancel(),
}

/**
 * Cancels an `expired` approval's gating interrupt (an expired interrupt can only be cancelled;
 * its `resume[]` entry is then `cancelled`). Disabled in every other state. Default text "Cancel".
 */
export const Cancel = forwardRef<HTMLButtonElement, ToolApprovalButtonProps>(
  function Cancel(props, ref) {
    return <ActionButton {...props} spec={cancelSpec} ref={ref} />
  },
)
