import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useRef,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type KeyboardEvent,
} from 'react'
import type { ToolApproval } from '../../core/reducer/AgentSnapshot'
import { composeEventHandlers } from '../composeEventHandlers'
import { composeRefs } from '../composeRefs'
import { SchemaForm } from '../schemaForm/SchemaForm'
import type { SchemaFormMessages } from '../schemaForm/SchemaFormMessages'
import { useSchemaForm } from '../schemaForm/useSchemaForm'
import { Slot } from '../Slot'
import { useToolApprovalContext } from './ToolApprovalContext'

/** `forceMount`: render a part even when its mode is not open (e.g. to animate it). */
interface MountProps {
  forceMount?: boolean
  asChild?: boolean
}

function stringify(value: unknown): string {
  if (value === undefined) return ''
  try {
    return JSON.stringify(value, null, 2)
  } catch {
    return String(value)
  }
}

/**
 * The arguments as shown: the edited ones after an `edited` decision, the partial parse while
 * they stream, else the raw text re-indented (or as is when it is not JSON).
 */
export function approvalArgsText(approval: ToolApproval): string {
  if (approval.decision?.type === 'edited' && approval.decision.args !== undefined)
    return stringify(approval.decision.args)
  if (approval.state === 'awaiting_args' || approval.parsedArgs === undefined) {
    return approval.parsedArgs !== undefined ? stringify(approval.parsedArgs) : approval.args
  }
  try {
    return stringify(JSON.parse(approval.args))
  } catch {
    return approval.args
  }
}

/** Props of `ToolApproval.Args`. */
export type ToolApprovalArgsProps = HTMLAttributes<HTMLPreElement> & MountProps

/**
 * The call's arguments, pretty-printed (see {@link approvalArgsText}) in a focusable
 * `pre[data-awr="tool-approval-args"]` (scrollable by keyboard). Hidden while the editor is open
 * unless `forceMount`. Children replace the text (e.g. the tool's own rendering).
 */
export const Args = forwardRef<HTMLPreElement, ToolApprovalArgsProps>(function Args(
  { forceMount, asChild, children, ...rest },
  ref,
) {
  const ctx = useToolApprovalContext('Args')
  if (ctx.mode === 'editing' && !forceMount) return null
  const Comp = asChild ? Slot : 'pre'
  return (
    <Comp tabIndex={0} {...rest} ref={ref} data-awr="tool-approval-args" data-state={ctx.state}>
      {children ?? approvalArgsText(ctx.approval)}
    </Comp>
  )
})

/** Props of `ToolApproval.Reason`. */
export type ToolApprovalReasonProps = InputHTMLAttributes<HTMLInputElement> & MountProps

/**
 * The deny reason: a text `input` shown while denying (`forceMount` to keep it), focused when it
 * opens; Enter denies, Escape closes it (Root). Give it an accessible name (`aria-label`, default
 * "Reason"). Sent as `reason` (trimmed; empty means none).
 */
export const Reason = forwardRef<HTMLInputElement, ToolApprovalReasonProps>(function Reason(
  { forceMount, asChild, onKeyDown, onChange, ...rest },
  forwardedRef,
) {
  const ctx = useToolApprovalContext('Reason')
  const inputRef = useRef<HTMLInputElement>(null)
  const open = ctx.mode === 'denying'
  useEffect(() => {
    if (open) inputRef.current?.focus()
  }, [open])
  if (!open && !forceMount) return null
  const Comp = asChild ? Slot : 'input'
  return (
    <Comp
      type="text"
      aria-label="Reason"
      {...rest}
      ref={composeRefs(forwardedRef, inputRef)}
      id={ctx.ids.reason}
      data-awr="tool-approval-reason"
      data-state={ctx.state}
      value={ctx.reason}
      disabled={rest.disabled || !ctx.canDecide}
      onChange={composeEventHandlers(onChange, (e) => ctx.setReason(e.target.value))}
      onKeyDown={composeEventHandlers(onKeyDown, (e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key !== 'Enter' || e.nativeEvent.isComposing) return
        e.preventDefault()
        ctx.deny()
      })}
    />
  )
})

/** Props of `ToolApproval.Editor`. */
export interface ToolApprovalEditorProps extends HTMLAttributes<HTMLDivElement>, MountProps {
  /** Strings of the generated form (validation messages, the JSON editor's label, ...). */
  messages?: Partial<SchemaFormMessages>
}

/**
 * The arguments editor, shown while editing (`forceMount` to keep it): a `SchemaForm` of the
 * Root's `schema` (fields for strings, numbers, booleans, enums, arrays of those) or a JSON
 * textarea when there is none, starting from the call's arguments. Focuses its first control
 * when it opens; Enter in a one-line field submits, like Approve. Invalid values show field
 * messages; values the store rejects show its message in `ToolApproval.Error`.
 */
export const Editor = forwardRef<HTMLDivElement, ToolApprovalEditorProps>(function Editor(
  { forceMount, asChild, messages, onKeyDown, ...rest },
  forwardedRef,
) {
  const ctx = useToolApprovalContext('Editor')
  if (ctx.mode !== 'editing' && !forceMount) return null
  return (
    <EditorForm
      {...rest}
      ref={forwardedRef}
      asChild={asChild}
      messages={messages}
      onKeyDown={onKeyDown}
    />
  )
})

const EditorForm = forwardRef<HTMLDivElement, Omit<ToolApprovalEditorProps, 'forceMount'>>(
  function EditorForm({ asChild, messages, onKeyDown, ...rest }, forwardedRef) {
    const ctx = useToolApprovalContext('Editor')
    const form = useSchemaForm({
      schema: ctx.schema,
      defaultValue: ctx.approval.parsedArgs,
      messages,
      disabled: ctx.state !== 'pending',
    })
    const rootRef = useRef<HTMLDivElement>(null)
    useImperativeHandle(
      ctx.editorRef,
      () => ({ submit: form.validate, focusFirstInvalid: () => void form.focusFirstInvalid() }),
      [form],
    )
    useEffect(() => {
      rootRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
    }, [])
    const Comp = asChild ? Slot : 'div'
    return (
      <Comp
        {...rest}
        ref={composeRefs(forwardedRef, rootRef)}
        id={ctx.ids.editor}
        data-awr="tool-approval-editor"
        data-state={ctx.state}
        onKeyDown={composeEventHandlers(onKeyDown, (e: KeyboardEvent<HTMLDivElement>) => {
          const target = e.target as HTMLElement
          if (e.key !== 'Enter' || e.nativeEvent.isComposing || target.tagName !== 'INPUT') return
          if ((target as HTMLInputElement).type === 'checkbox') return
          e.preventDefault()
          ctx.approveOrSubmit()
        })}
      >
        <SchemaForm form={form} />
      </Comp>
    )
  },
)

/** Props of `ToolApproval.Error`. */
export type ToolApprovalErrorProps = HTMLAttributes<HTMLDivElement> & { asChild?: boolean }

/**
 * Why the approval failed or an edit was rejected: the message of the last `onEdit`/store
 * rejection (`invalid_args`), else `approval.error` (`tool_failed`, `tool_timeout`,
 * `resume_rejected`, ...). A `div[role="alert"]`; renders nothing without an error.
 */
export const Error = forwardRef<HTMLDivElement, ToolApprovalErrorProps>(function Error(
  { asChild, children, ...rest },
  ref,
) {
  const ctx = useToolApprovalContext('Error')
  if (!ctx.error) return null
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp
      role="alert"
      {...rest}
      ref={ref}
      id={ctx.ids.error}
      data-awr="tool-approval-error"
      data-state={ctx.state}
    >
      {children ?? ctx.error}
    </Comp>
  )
})
