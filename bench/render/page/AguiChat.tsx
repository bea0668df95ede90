import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { Message } from '../../../src/core/protocol/types'
import { MarkdownText } from '../../../src/components/MarkdownText'

/** Text of a message's content (string, or the text parts of a multimodal user message). */
function textOf(message: Message): string {
  const content = (message as { content?: unknown }).content
  if (typeof content === 'string') return content
  if (Array.isArray(content)) {
    return content.map((part: { type: string; text?: string }) => part.text ?? '').join('')
  }
  return ''
}

/**
 * One message of the baseline list. Same markup and the same memoized `MarkdownText` as ours (so
 * unchanged text is not parsed again), but no per-message subscription: it renders whenever the
 * list does, as with a `messages.map(...)` over `@ag-ui/client`'s messages.
 */
export function AguiRow({ message }: { message: Message }): ReactNode {
  const text = textOf(message)
  return (
    <div className="awr-message-row">
      <article
        className="awr-message"
        data-role={message.role}
        data-status="complete"
        data-message-id={message.id}
      >
        {message.role === 'assistant' ? (
          <MarkdownText text={text} />
        ) : (
          <div className="awr-bubble">
            <div className="awr-text">{text}</div>
          </div>
        )}
      </article>
    </div>
  )
}

/** Where the baseline's messages come from: `@ag-ui/client` mutations, pushed by the page. */
export interface AguiFeed {
  initial: Message[]
  /** Registers the setter the page calls with each new `messages` array. */
  connect(set: (messages: Message[]) => void): void
}

/**
 * The naive chat an `@ag-ui/client` user writes: the agent's `messages` in React state, replaced
 * on every applied event, rendered with `messages.map`, scrolled to the bottom after each update.
 */
export function AguiChat({ feed }: { feed: AguiFeed }): ReactNode {
  const [messages, setMessages] = useState(feed.initial)
  const scrollerRef = useRef<HTMLDivElement>(null)
  useEffect(() => feed.connect(setMessages), [feed])
  useLayoutEffect(() => {
    const el = scrollerRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [messages])
  return (
    <div className="awr-chat" data-awr="chat">
      <div className="awr-message-list-frame">
        <div ref={scrollerRef} className="awr-message-list" role="log" tabIndex={0}>
          <div className="awr-message-list-content">
            {messages.map((message) => (
              <AguiRow key={message.id} message={message} />
            ))}
          </div>
        </div>
      </div>
    </div>
  )
}
