import { useCallback, useMemo, useRef, type ReactNode } from 'react'
import type { ToolCallState } from '../react'
import type { AnnouncePolicy } from './AnnouncePolicy'
import { ChatContext, type ChatContextValue } from './ChatContext'
import { resolveChatLabels, type ChatLabels } from './ChatLabels'
import { Composer, type ComposerProps } from './Composer'
import { ErrorBanner } from './ErrorBanner'
import { HitlAnnouncer } from './HitlAnnouncer'
import { InterruptList } from './InterruptList'
import { MessageList } from './MessageList'
import { ReplyAnnouncer } from './ReplyAnnouncer'
import { RunStatusLine } from './RunStatusLine'

/** Props of {@link Chat}. */
export interface ChatProps {
  /** Extra class on the root `div.awr-chat`. */
  className?: string
  /** User-visible strings; merged over `defaultChatLabels` (nested records key by key). */
  labels?: Partial<ChatLabels>
  /** Composer placeholder; defaults to `labels.placeholder`. */
  placeholder?: string
  /** Shown in the message list while the thread has no visible message. */
  emptyState?: ReactNode
  /**
   * Custom rendering of a tool call (e.g. a weather widget for `get_weather`). Return `undefined`
   * to use the default `ToolCallCard`. Called on every update of that call.
   */
  renderToolCall?: (call: ToolCallState) => ReactNode | undefined
  /** Color scheme: `'light'`/`'dark'` force one (sets `data-theme`); default follows the OS. */
  theme?: 'light' | 'dark'
  /**
   * Number of visible messages from which the message list virtualizes (see `MessageList`).
   * Default 100; `Infinity` never virtualizes.
   */
  virtualizeAt?: number
  /** Let people attach files in the composer (see `Composer` `attachments`). Default `false`. */
  attachments?: ComposerProps['attachments']
  /**
   * When screen readers hear replies: `on-complete` (default; or an `AnnouncePolicyProvider`'s),
   * `sentence` (complete sentences, throttled), `off`. See `AnnouncePolicy`.
   */
  announce?: AnnouncePolicy
}

/**
 * The styled chat: status line, message list (markdown replies, reasoning, activity, tool-call
 * cards, approval cards for calls that need a decision), error banner with Retry, prompts for
 * open interrupts, and composer with Send/Stop. Must be inside `AgentProvider`. A polite live
 * region announces new approvals ("Approval needed: <tool>") and interrupts.
 * Style it with `agent-wire-react/styles.css` and the `--awr-*` CSS variables; give the root (or
 * its parent) a height: the list scrolls inside it.
 *
 * @example
 * <AgentProvider agent={agent}>
 *   <Chat emptyState="Ask me anything" />
 * </AgentProvider>
 */
export function Chat({
  className,
  labels,
  placeholder,
  emptyState,
  renderToolCall,
  theme,
  virtualizeAt,
  attachments,
  announce,
}: ChatProps): ReactNode {
  const scrollRef = useRef<(() => void) | null>(null)
  const scrollToBottom = useCallback(() => scrollRef.current?.(), [])
  const registerScrollToBottom = useCallback((scroll: () => void) => {
    scrollRef.current = scroll
    return () => {
      if (scrollRef.current === scroll) scrollRef.current = null
    }
  }, [])
  const resolved = useMemo(() => resolveChatLabels(labels), [labels])
  const context = useMemo<ChatContextValue>(
    () => ({ labels: resolved, renderToolCall, scrollToBottom, registerScrollToBottom }),
    [resolved, renderToolCall, scrollToBottom, registerScrollToBottom],
  )
  return (
    <ChatContext.Provider value={context}>
      <div
        className={className ? `awr-chat ${className}` : 'awr-chat'}
        data-awr="chat"
        data-theme={theme}
      >
        <MessageList emptyState={emptyState} virtualizeAt={virtualizeAt} />
        <RunStatusLine />
        <ErrorBanner />
        <InterruptList />
        <Composer placeholder={placeholder} attachments={attachments} />
        <ReplyAnnouncer policy={announce} />
        <HitlAnnouncer />
      </div>
    </ChatContext.Provider>
  )
}
