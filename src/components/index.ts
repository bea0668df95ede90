/**
 * Styled chat components. Style them with `agent-wire-react/styles.css` (imported by the app, not
 * from here: this module has no side effects) and the `--awr-*` CSS variables.
 */
export { ActivityCard, type ActivityCardProps } from './ActivityCard'
export { Chat, type ChatProps } from './Chat'
export { CodeBlock, type CodeBlockProps } from './CodeBlock'
export {
  CodeHighlightContext,
  CodeHighlightProvider,
  createLazyHighlighter,
  useCodeHighlighter,
  type CodeHighlightProviderProps,
  type HighlightResult,
  type Highlighter,
} from './CodeHighlight'
export { ChatContext, useChatContext, type ChatContextValue } from './ChatContext'
export { defaultChatLabels, resolveChatLabels, type ChatLabels } from './ChatLabels'
export { ChatMessage, type ChatMessageProps } from './ChatMessage'
export { ChatPopup, type ChatPopupProps } from './ChatPopup'
export { ChatSidebar, type ChatSidebarProps } from './ChatSidebar'
export { Composer, type ComposerProps } from './Composer'
export { ErrorBanner, type ErrorBannerProps } from './ErrorBanner'
export { HitlAnnouncer, selectLatestApproval, selectLatestInterrupt } from './HitlAnnouncer'
export { InterruptList, selectPromptInterruptIds, type InterruptListProps } from './InterruptList'
export { InterruptPrompt, type InterruptPromptProps } from './InterruptPrompt'
export { preloadHumanInTheLoop } from './preloadHumanInTheLoop'
export {
  announcesHumanInTheLoop,
  selectHasHumanInTheLoop,
  usePreloadHumanInTheLoop,
} from './usePreloadHumanInTheLoop'
export { MarkdownCodeBlock, MarkdownSourceContext, isOpenFence } from './MarkdownCodeBlock'
export { MarkdownText, preloadMarkdown, safeUrl, type MarkdownTextProps } from './MarkdownText'
export { MessageActionBar, type MessageActionBarProps } from './MessageActionBar'
export { MessageContent, formatJson, imageSource, type MessageContentProps } from './MessageContent'
export { MessageList, selectVisibleMessageIds, type MessageListProps } from './MessageList'
export { ReasoningDisclosure, type ReasoningDisclosureProps } from './ReasoningDisclosure'
export {
  ReplyAnnouncer,
  SENTENCE_THROTTLE_MS,
  selectLastCompletedReply,
  selectLastReply,
  type ReplyAnnouncerProps,
} from './ReplyAnnouncer'
export {
  AnnouncePolicyContext,
  AnnouncePolicyProvider,
  useAnnouncePolicy,
  type AnnouncePolicy,
  type AnnouncePolicyProviderProps,
} from './AnnouncePolicy'
export { RunStatusLine, type RunStatusLineProps } from './RunStatusLine'
export { ToolCallCard, type ToolCallCardProps } from './ToolCallCard'
export { ToolCallItem, type ToolCallItemProps } from './ToolCallItem'
export { ToolApprovalCard, approvalSummary, type ToolApprovalCardProps } from './ToolApprovalCard'
export { AgentStatusPage, type AgentStatusPageProps } from './AgentStatusPage'
export {
  AgentStatusBoard,
  type AgentStatusBoardEntry,
  type AgentStatusBoardProps,
} from './AgentStatusBoard'
export { EventInspector, type EventInspectorProps } from './EventInspector'
export { EventInspectorList, type EventInspectorListProps } from './EventInspectorList'
export { EventInspectorDetail, type EventInspectorDetailProps } from './EventInspectorDetail'
export { eventLifecycle, eventSummary } from './eventSummary'
export { replayEventLog, type ReplayedEventLog } from './replayEventLog'
