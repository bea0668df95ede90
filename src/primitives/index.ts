/**
 * Headless human-in-the-loop primitives (design.md, "primitives/"): Radix anatomy — one element
 * per part, `asChild`, `data-state`, composed event handlers, controlled or uncontrolled state.
 * They own behaviour and ARIA and carry no CSS; `ToolApprovalCard` and `InterruptPrompt` are
 * their styled compositions.
 */
export * as ToolApproval from './toolApproval'
export * as Interrupt from './interrupt'
export * as MessageActions from './messageActions'
export type { MessageActionsRootProps } from './messageActions/MessageActionsRoot'
export type {
  MessageActionsButtonProps,
  MessageActionsEditorInputProps,
  MessageActionsEditorProps,
} from './messageActions/MessageActionsParts'
export type { MessageActionsContextValue } from './messageActions/MessageActionsContext'
export { editedContent, messageText } from './messageActions/messageText'
export { copyToClipboard } from './copyToClipboard'
export { COPY_RESET_MS, useCopyToClipboard, type CopyState } from './useCopyToClipboard'
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
export * as Thread from './thread'
export type { ThreadRootProps } from './thread/ThreadRoot'
export type { ThreadViewportProps } from './thread/ThreadViewport'
export type { ThreadMessageProps, ThreadMessagesProps } from './thread/ThreadMessages'
export type { ThreadEmptyProps, ThreadScrollToBottomProps } from './thread/ThreadParts'
export type { ThreadContextValue, ThreadHandle } from './thread/ThreadContext'
export {
  useStickToBottom,
  type StickToBottom,
  type StickToBottomOptions,
} from './thread/useStickToBottom'
export {
  useMessageVirtualizer,
  type MessageVirtualizer,
  type MessageVirtualizerOptions,
} from './thread/useMessageVirtualizer'
export { preloadVirtualizer } from './thread/preloadVirtualizer'
export type { VirtualizerStatus } from './thread/useThreadVirtualizer'
export * as Message from './message'
export type { MessageRootProps } from './message/MessageRoot'
export type { MessageContentComponents, MessageContentPartProps } from './message/MessageContent'
export type {
  MessageActivityProps,
  MessageReasoningProps,
  MessageTextProps,
  MessageToolResultProps,
} from './message/MessageParts'
export {
  partLabel,
  type MediaContentPart,
  type MessageFileProps,
  type MessageImageProps,
} from './message/MessageMedia'
export type { MessageContextValue, MessageStatus } from './message/MessageContext'
export type { MessageToolCallProps } from './message/MessageToolCall'
export { partUrl } from './message/partUrl'
export { formatJson } from './formatJson'
export * as ToolCall from './toolCall'
export type { ToolCallRootProps } from './toolCall/ToolCallRoot'
export {
  defaultToolCallStatusLabels,
  toolCallArgsText,
  type ToolCallArgsProps,
  type ToolCallNameProps,
  type ToolCallResultProps,
  type ToolCallStatusProps,
} from './toolCall/ToolCallParts'
export {
  toolCallStatus,
  type ToolCallContextValue,
  type ToolCallDisplayStatus,
} from './toolCall/ToolCallContext'
/** `Composer`'s headless parts (the styled `Composer` takes the plain name in this entry). */
export * as ComposerPrimitive from './composer'
export type { ComposerRootProps } from './composer/ComposerRoot'
export type { ComposerButtonProps, ComposerInputProps } from './composer/ComposerParts'
export type {
  ComposerAddAttachmentProps,
  ComposerAttachmentsProps,
  ComposerErrorProps,
} from './composer/ComposerAttachments'
export type { ComposerContextValue } from './composer/ComposerContext'
export {
  acceptsFile,
  admitFiles,
  attachmentPart,
  formatBytes,
  type AttachmentLimits,
  type ComposerAttachment,
} from './composer/attachmentParts'
/** `ErrorBanner`'s headless parts (the styled `ErrorBanner` takes the plain name in this entry). */
export * as ErrorBannerPrimitive from './errorBanner'
export type { ErrorBannerRootProps } from './errorBanner/ErrorBannerRoot'
export {
  errorCodeText,
  type ErrorBannerButtonProps,
  type ErrorBannerTextProps,
} from './errorBanner/ErrorBannerParts'
export type { ErrorBannerContextValue } from './errorBanner/ErrorBannerContext'
export * as RunStatus from './runStatus'
export type { RunStatusRootProps } from './runStatus/RunStatusRoot'
export {
  defaultRunStatusLabels,
  elapsedText,
  type RunStatusElapsedProps,
  type RunStatusLabelProps,
  type RunStatusPartProps,
} from './runStatus/RunStatusParts'
export type { RunStatusContextValue } from './runStatus/RunStatusContext'
