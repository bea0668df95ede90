import {
  forwardRef,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
  type KeyboardEvent,
} from 'react'
import type { AgentError } from '../../core/protocol/AgentError'
import type { ToolApproval } from '../../core/reducer/AgentSnapshot'
import { useAgentStore } from '../../react/useAgentStore'
import { useToolApproval } from '../../react/useToolApproval'
import { composeEventHandlers } from '../composeEventHandlers'
import { AgentContext } from '../../react/AgentContext'
import { composeRefs } from '../composeRefs'
import type { JsonSchema } from '../schemaForm/JsonSchema'
import { claimAutoFocus, shouldMoveFocus } from '../shouldMoveFocus'
import { Slot } from '../Slot'
import { useControllableState } from '../useControllableState'
import { useToolParametersSchema } from './useToolParametersSchema'
import {
  ToolApprovalContext,
  type ToolApprovalContextValue,
  type ToolApprovalEditorHandle,
  type ToolApprovalMode,
} from './ToolApprovalContext'

/** Props of `ToolApproval.Root`. */
export interface ToolApprovalRootProps extends HTMLAttributes<HTMLDivElement> {
  /** Render the single child element instead of a `div`, with the Root's props merged in. */
  asChild?: boolean
  /**
   * Connected use: the tool call whose approval to show, read with `useToolApproval(toolCallId)`
   * under `AgentProvider`; decisions go to the store (Cancel of an expired one to
   * `store.cancelInterrupt`), and the editor's schema defaults to the
   * registered tool's `parameters` as JSON Schema. Renders nothing while the call has no
   * approval. Ignored when `approval` is given.
   */
  toolCallId?: string
  /** Plain use (no store): the approval to show; decisions go to `onApprove`/`onDeny`/`onEdit`. */
  approval?: ToolApproval
  /** Plain use: called on Approve (`{ always: true }` from AlwaysAllow). */
  onApprove?: (options?: { always?: boolean }) => void
  /** Plain use: called on Deny with the reason typed (or `undefined`). */
  onDeny?: (reason?: string) => void
  /** Plain use: called with valid edited arguments; return an `AgentError` to reject them. */
  onEdit?: (args: unknown) => AgentError | undefined
  /** Plain use: called by `ToolApproval.Cancel` on an expired approval gated by an interrupt. */
  onCancel?: () => void
  /** JSON Schema of the tool's arguments, for the editor's form. Default: a JSON text editor. */
  schema?: JsonSchema
  /** Controlled mode (`idle`, `denying`, `editing`). */
  mode?: ToolApprovalMode
  /** Initial mode when uncontrolled. Default `idle`. */
  defaultMode?: ToolApprovalMode
  onModeChange?: (mode: ToolApprovalMode) => void
  /**
   * Move focus to Approve when this approval becomes `pending` (once per `toolCallId` per page),
   * unless the person is busy elsewhere (see `shouldMoveFocus`). Default `false`.
   */
  autoFocus?: boolean
  /**
   * Keyboard shortcuts while focus is inside the Root: Alt+A approve (or submit the edit),
   * Alt+D deny (opens the reason, then confirms), Alt+E edit, Escape closes the reason or editor.
   * Default `true`.
   */
  shortcuts?: boolean
}

interface ViewProps extends Omit<ToolApprovalRootProps, 'toolCallId' | 'approval'> {
  approval: ToolApproval
}

const matches = (event: KeyboardEvent, letter: string) =>
  event.altKey &&
  !event.ctrlKey &&
  !event.metaKey &&
  (event.key.toLowerCase() === letter || event.code === `Key${letter.toUpperCase()}`)

const RootView = forwardRef<HTMLDivElement, ViewProps>(function RootView(props, forwardedRef) {
  const {
    asChild,
    approval,
    onApprove,
    onDeny,
    onEdit,
    onCancel,
    schema,
    mode: modeProp,
    defaultMode = 'idle',
    onModeChange,
    autoFocus = false,
    shortcuts = true,
    onKeyDown,
    children,
    ...rest
  } = props
  const [mode, setMode] = useControllableState<ToolApprovalMode>({
    prop: modeProp,
    defaultProp: defaultMode,
    onChange: onModeChange,
  })
  const [reason, setReason] = useState('')
  const [editError, setEditError] = useState<AgentError | undefined>()
  // The args text a decision was sent for: buttons stay disabled until the store moves on, and
  // come back if the decision is voided (args changed) or rejected.
  const [sentFor, setSentFor] = useState<string | null>(null)
  const sending = useRef<string | null>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const approveRef = useRef<HTMLButtonElement>(null)
  const editorRef = useRef<ToolApprovalEditorHandle>(null)
  const id = useId()
  const scope = useContext(AgentContext)
  const ref = useMemo(() => composeRefs(forwardedRef, rootRef), [forwardedRef])
  const { state } = approval
  const canDecide = state === 'pending' && sentFor !== approval.args
  const [cancelled, setCancelled] = useState(false)
  const canCancel = state === 'expired' && approval.interruptId !== undefined && !cancelled

  useEffect(() => {
    if (state !== 'pending') sending.current = null
  }, [state])

  useEffect(() => {
    if (!autoFocus || state !== 'pending') return
    const root = rootRef.current
    // Claimed even when focus stays put: a later remount must not take it either.
    if (!root || !claimAutoFocus(`tool-approval:${approval.toolCallId}`, scope)) return
    if (shouldMoveFocus(root)) approveRef.current?.focus()
  }, [autoFocus, state, approval.toolCallId, scope])

  const context = useMemo<ToolApprovalContextValue>(() => {
    const claim = () => {
      if (approval.state !== 'pending' || sending.current === approval.args) return false
      sending.current = approval.args
      setSentFor(approval.args)
      return true
    }
    const release = () => {
      sending.current = null
      setSentFor(null)
    }
    const approve = (options?: { always?: boolean }) => {
      if (claim()) onApprove?.(options)
    }
    const deny = () => {
      if (!claim()) return
      setMode('idle')
      onDeny?.(reason.trim() === '' ? undefined : reason.trim())
    }
    const submitEdit = () => {
      const editor = editorRef.current
      if (!editor || approval.state !== 'pending') return
      const result = editor.submit()
      if (!result.ok) {
        editor.focusFirstInvalid()
        return
      }
      if (!claim()) return
      const error = onEdit?.(result.value)
      setEditError(error)
      if (error) release()
      else setMode('idle')
    }
    return {
      approval,
      state: approval.state,
      mode,
      setMode,
      canDecide,
      canCancel,
      cancel: () => {
        if (!canCancel) return
        setCancelled(true)
        onCancel?.()
      },
      reason,
      setReason,
      schema,
      error: editError?.message ?? approval.error?.message,
      editError,
      approve,
      deny,
      approveOrSubmit: () => (mode === 'editing' ? submitEdit() : approve()),
      denyOrAsk: (askReason) => (askReason && mode !== 'denying' ? setMode('denying') : deny()),
      toggleEdit: () => {
        setEditError(undefined)
        setMode(mode === 'editing' ? 'idle' : 'editing')
      },
      editorRef,
      approveRef,
      ids: { reason: `${id}reason`, editor: `${id}editor`, error: `${id}error` },
    }
  }, [
    approval,
    mode,
    setMode,
    canDecide,
    canCancel,
    reason,
    schema,
    editError,
    onApprove,
    onDeny,
    onEdit,
    onCancel,
    id,
  ])

  const handleKeyDown = composeEventHandlers(onKeyDown, (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && mode !== 'idle') {
      event.preventDefault()
      setMode('idle')
      approveRef.current?.focus()
      return
    }
    if (!shortcuts || !context.canDecide) return
    if (matches(event, 'a')) context.approveOrSubmit()
    else if (matches(event, 'd')) context.denyOrAsk(true)
    else if (matches(event, 'e')) context.toggleEdit()
    else return
    event.preventDefault()
  })

  const Comp = asChild ? Slot : 'div'
  return (
    <ToolApprovalContext.Provider value={context}>
      <Comp
        role="group"
        {...rest}
        ref={ref}
        data-awr="tool-approval"
        data-state={state}
        data-mode={mode}
        data-tool-name={approval.toolName}
        data-tool-call-id={approval.toolCallId}
        data-decision={approval.decision?.type}
        aria-busy={state === 'executing' || state === 'awaiting_args' || undefined}
        onKeyDown={handleKeyDown}
      >
        {children}
      </Comp>
    </ToolApprovalContext.Provider>
  )
})

const ConnectedRoot = forwardRef<HTMLDivElement, ToolApprovalRootProps & { toolCallId: string }>(
  function ConnectedRoot({ toolCallId, ...props }, ref) {
    const { approval, approve, deny, edit } = useToolApproval(toolCallId)
    const store = useAgentStore()
    const registered = useToolParametersSchema(approval?.toolName ?? '')
    const interruptId = approval?.interruptId
    if (!approval) return null
    return (
      <RootView
        {...props}
        ref={ref}
        approval={approval}
        schema={props.schema ?? registered}
        onApprove={approve}
        onDeny={deny}
        onEdit={edit}
        onCancel={() => interruptId !== undefined && store.cancelInterrupt(interruptId)}
      />
    )
  },
)

/**
 * The approval of one tool call (issue 3, "Approvals"): a `div[data-awr="tool-approval"]` with
 * `role="group"`, `data-state` (the `ApprovalState`), `data-mode`, `data-tool-name`,
 * `data-tool-call-id`, `data-decision` and `aria-busy` while arguments stream or it executes.
 * Owns the behaviour of its parts: one decision per arguments text (a double click sends one),
 * the deny reason, the edit flow (edited arguments validated by the form, then by `onEdit`/the
 * store; a rejection shows its message and the card stays `pending`), focus on appearance
 * (`autoFocus`) and the keyboard shortcuts (`shortcuts`).
 */
export const Root = forwardRef<HTMLDivElement, ToolApprovalRootProps>(function Root(
  { toolCallId, approval, ...props },
  ref,
) {
  if (approval) return <RootView {...props} ref={ref} approval={approval} />
  if (toolCallId === undefined) return null
  return <ConnectedRoot {...props} ref={ref} toolCallId={toolCallId} />
})
