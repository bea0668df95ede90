/**
 * Headless human-in-the-loop primitives (design.md, "primitives/"): Radix anatomy — one element
 * per part, `asChild`, `data-state`, composed event handlers, controlled or uncontrolled state.
 * They own behaviour and ARIA and carry no CSS; `ToolApprovalCard` and `InterruptPrompt` are
 * their styled compositions.
 */
export * as ToolApproval from './toolApproval'
export * as Interrupt from './interrupt'
export type { ToolApprovalRootProps } from './toolApproval/ToolApprovalRoot'
export type {
  ToolApprovalButtonProps,
  ToolApprovalDenyProps,
} from './toolApproval/ToolApprovalButtons'
export {
  approvalArgsText,
  type ToolApprovalArgsProps,
  type ToolApprovalEditorProps,
  type ToolApprovalErrorProps,
  type ToolApprovalReasonProps,
} from './toolApproval/ToolApprovalParts'
export type {
  ToolApprovalContextValue,
  ToolApprovalEditorHandle,
  ToolApprovalMode,
} from './toolApproval/ToolApprovalContext'
export type { InterruptRootProps } from './interrupt/InterruptRoot'
export type {
  InterruptButtonProps,
  InterruptCountdownProps,
  InterruptErrorProps,
  InterruptFieldProps,
  InterruptFormProps,
  InterruptMessageProps,
} from './interrupt/InterruptParts'
export type { InterruptContextValue } from './interrupt/InterruptContext'
export { SchemaForm, type SchemaFormProps } from './schemaForm/SchemaForm'
export { SchemaField, type SchemaFieldProps } from './schemaForm/SchemaField'
export {
  useSchemaForm,
  readSchemaForm,
  type SchemaFormController,
  type SchemaFormResult,
  type UseSchemaFormOptions,
} from './schemaForm/useSchemaForm'
export {
  describeField,
  describeSchemaForm,
  humanize,
  type FieldKind,
  type FieldSpec,
  type JsonSchema,
  type ScalarKind,
  type SchemaFormLayout,
} from './schemaForm/JsonSchema'
export { fromRaw, toRaw, type FieldRaw, type FieldResult } from './schemaForm/fieldValue'
export {
  defaultSchemaFormMessages,
  formatMessage,
  type SchemaFormMessages,
} from './schemaForm/SchemaFormMessages'
export {
  Countdown,
  defaultCountdownLabels,
  type CountdownLabels,
  type CountdownProps,
} from './Countdown'
export { formatTimeLeft } from './formatTimeLeft'
export { useCountdown } from './useCountdown'
export { useExpired } from './useExpired'
export { claimAutoFocus, shouldMoveFocus } from './shouldMoveFocus'
export { Slot, mergeSlotProps, type SlotProps } from './Slot'
export { composeEventHandlers } from './composeEventHandlers'
export { composeRefs } from './composeRefs'
export { useControllableState, type ControllableStateOptions } from './useControllableState'
export { visuallyHidden } from './visuallyHidden'
export * as Status from './status'
export type { AgentStatusRootProps } from './status/AgentStatusRoot'
export type { AgentStatusContextValue } from './status/AgentStatusContext'
export type { StatusPartProps } from './status/AgentStatusParts'
export { defaultStatusLabels, type StatusLabels } from './status/StatusLabels'
export { formatClock, formatDuration } from './status/formatDuration'
