import { useState, type ReactNode } from 'react'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { useAgentSelector, useMessage } from '../react'
import { useChatContext } from './ChatContext'

/** Id of the last assistant message that has text and is no longer streaming, or `''`. */
export function selectLastCompletedReply(snapshot: AgentSnapshot): string {
  const { messages, streamingMessageIds } = snapshot
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]
    if (m.role !== 'assistant' || !m.content) continue
    if (streamingMessageIds.includes(m.id)) continue
    return m.id
  }
  return ''
}

/**
 * A visually hidden `aria-live="polite"` region that announces each assistant reply once, when
 * it completes (prefixed with `labels.assistantAnnouncement`). Replies already in the thread
 * when it mounts are not announced.
 */
export function ReplyAnnouncer(): ReactNode {
  const { labels } = useChatContext()
  const last = useAgentSelector(selectLastCompletedReply)
  const [initial] = useState(last)
  const message = useMessage(last)
  const content = last !== initial && message?.role === 'assistant' ? message.content : undefined
  const text = content ? `${labels.assistantAnnouncement} ${content}` : ''
  return (
    <div className="awr-visually-hidden" data-awr="announcer" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  )
}
