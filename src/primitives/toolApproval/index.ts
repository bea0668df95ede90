/**
 * Headless parts of one tool call's approval (Radix anatomy; use as `ToolApproval.Root`, ...).
 * See `ToolApproval.Root` for the behaviour and `ToolApprovalCard` for the styled composition.
 */
export { Root } from './ToolApprovalRoot'
export { Approve, Deny, Edit, AlwaysAllow, Cancel } from './ToolApprovalButtons'
export { Args, Reason, Editor, Error } from './ToolApprovalParts'
export { useToolApprovalContext as useContext } from './ToolApprovalContext'
