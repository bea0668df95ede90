import { createContext, useContext, type RefObject } from 'react'
import type { AgentError } from '../../core/protocol/AgentError'
import type { ApprovalState, ToolApproval } from '../../core/reducer/AgentSnapshot'
import type { JsonSchema } from '../schemaForm/JsonSchema'
import type { SchemaFormResult } from '../schemaForm/useSchemaForm'

/** Which secondary view of an approval is open: none, the deny reason, or the argument editor. */
export type ToolApprovalMode = 'idle' | 'denying' | 'editing'

/** What the arguments editor registers with its Root, so Approve can submit it. */
export interface ToolApprovalEditorHandle {
  /** Validates the edited arguments (showing messages); the value or the errors. */
  submit: () => SchemaFormResult
  /** Moves focus to the first invalid control. */
  focusFirstInvalid: () => void
}

/** What `ToolApproval.Root` shares with its parts; read it with {@link useToolApprovalContext}. */
export interface ToolApprovalContextValue {
  approval: ToolApproval
  state: ApprovalState
  mode: ToolApprovalMode
  setMode: (mode: ToolApprovalMode) => void
  /** A decision is possible now: `pending` and not already sent by this card. */
  canDecide: boolean
  /** Cancel is possible now: `expired` with a gating interrupt, not already cancelled here. */
  canCancel: boolean
  /** Cancels the gating interrupt of an expired approval (`resume[]` entry `cancelled`). */
  cancel: () => void
  /** The deny reason typed so far. */
  reason: string
  setReason: (reason: string) => void
  /** JSON Schema of the arguments (the editor's form), if known. */
  schema: JsonSchema | undefined
  /** The message to show: the last failed edit, else `approval.error`. */
  error: string | undefined
  approve: (options?: { always?: boolean }) => void
  deny: () => void
  /** Approve button: approves, or in `editing` mode submits the edited arguments. */
  approveOrSubmit: () => void
  /** Deny button: opens the reason (when asked) or denies. */
  denyOrAsk: (askReason: boolean) => void
  toggleEdit: () => void
  editorRef: RefObject<ToolApprovalEditorHandle | null>
  approveRef: RefObject<HTMLButtonElement | null>
  ids: { reason: string; editor: string; error: string }
  /** The store error of the last failed edit (`invalid_args`), for apps that switch on `code`. */
  editError: AgentError | undefined
}

/** React context of the ToolApproval parts. */
export const ToolApprovalContext = createContext<ToolApprovalContextValue | null>(null)

/**
 * The context of the nearest `ToolApproval.Root`, for custom parts.
 * @throws Error naming the part when used outside a Root.
 */
export function useToolApprovalContext(part = 'useToolApprovalContext'): ToolApprovalContextValue {
  const value = useContext(ToolApprovalContext)
  if (!value) throw new Error(`<ToolApproval.${part}> must be used inside <ToolApproval.Root>.`)
  return value
}
