import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { useAgentSelector, useIsStreaming, useMessage } from '../react'
import { readMessageList } from '../react/readMessageList'
import { useAnnouncePolicy, type AnnouncePolicy } from './AnnouncePolicy'
import { useChatContext } from './ChatContext'
import { plainText } from './plainText'
import { sentenceBoundary } from './sentenceBoundary'

/** Default minimum time between two announcements of the `sentence` policy, ms. */
export const SENTENCE_THROTTLE_MS = 1500

/**
 * Id of the last assistant message that has text and is no longer streaming, or `''`. Reads the
 * reducer's list from the end (no copy of the thread per publication).
 */
export function selectLastCompletedReply(snapshot: AgentSnapshot): string {
  const { streamingMessageIds } = snapshot
  const list = readMessageList(snapshot)
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list.at(i)!
    if (m.role !== 'assistant' || !m.content) continue
    if (streamingMessageIds.includes(m.id)) continue
    return m.id
  }
  return ''
}

/** Id of the last assistant message that has text (streaming or not), or `''`. */
export function selectLastReply(snapshot: AgentSnapshot): string {
  const list = readMessageList(snapshot)
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list.at(i)!
    if (m.role === 'assistant' && m.content) return m.id
  }
  return ''
}

/** Props of {@link ReplyAnnouncer}. */
export interface ReplyAnnouncerProps {
  /**
   * When to announce replies (see {@link AnnouncePolicy}). Default: the nearest
   * `AnnouncePolicyProvider`'s, else `on-complete`.
   */
  policy?: AnnouncePolicy
  /** `sentence` policy: minimum time between two announcements, ms. Default 1500. */
  throttleMs?: number
}

function Region({ text }: { text: string }): ReactNode {
  return (
    <div className="awr-visually-hidden" data-awr="announcer" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  )
}

function OnComplete(): ReactNode {
  const { labels } = useChatContext()
  const last = useAgentSelector(selectLastCompletedReply)
  const [initial] = useState(last)
  const message = useMessage(last)
  const content = last !== initial && message?.role === 'assistant' ? message.content : undefined
  const text = content ? plainText(content, labels.codeBlockAnnouncement) : ''
  return <Region text={text ? `${labels.assistantAnnouncement} ${text}` : ''} />
}

/** How far the `sentence` policy has read the current reply. */
interface Progress {
  id: string
  /** Characters of the reply's markdown already read. */
  upTo: number
  /** Plain text of those characters, once computed. */
  read?: string
  first: boolean
  /** `Date.now()` of the last announcement, ms. */
  lastAt: number
}

function Sentences({ throttleMs }: { throttleMs: number }): ReactNode {
  const { labels } = useChatContext()
  const id = useAgentSelector(selectLastReply)
  const message = useMessage(id)
  const streaming = useIsStreaming(id)
  const content = message?.role === 'assistant' ? (message.content ?? '') : ''
  const [text, setText] = useState('')
  // Replies already in the thread at mount are not announced (their text counts as read).
  const [initial] = useState(() => ({ id, length: content.length }))
  // `read`: the plain text of the reply up to `upTo` (undefined: not computed yet).
  const progress = useRef<Progress>({
    id: initial.id,
    upTo: initial.length,
    first: true,
    lastAt: -Infinity,
  })
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const announce = useCallback(
    (source: string, end: number) => {
      const p = progress.current
      // The plain text of the whole prefix, less what was read: a slice alone would lose the
      // markdown context (a slice starting inside a code fence would read the code).
      const cb = labels.codeBlockAnnouncement
      const read = p.read ?? plainText(source.slice(0, p.upTo), cb)
      const all = plainText(source.slice(0, end), cb)
      const part = (
        all.startsWith(read) ? all.slice(read.length) : plainText(source.slice(p.upTo, end), cb)
      ).trim()
      p.upTo = end
      p.read = all
      if (part === '') return
      p.lastAt = Date.now()
      setText(p.first ? `${labels.assistantAnnouncement} ${part}` : part)
      p.first = false
    },
    [labels.assistantAnnouncement, labels.codeBlockAnnouncement],
  )

  useEffect(() => {
    const p = progress.current
    if (p.id !== id) progress.current = { id, upTo: 0, first: true, lastAt: p.lastAt }
    clearTimeout(timer.current)
    if (!id) return
    if (!streaming) {
      announce(content, content.length) // the rest, once complete
      return
    }
    const end = sentenceBoundary(content, progress.current.upTo)
    if (end <= progress.current.upTo) return
    const wait = progress.current.lastAt + throttleMs - Date.now()
    if (wait <= 0) announce(content, end)
    else timer.current = setTimeout(() => announce(content, end), wait)
  }, [id, content, streaming, throttleMs, announce])

  useEffect(() => () => clearTimeout(timer.current), [])
  return <Region text={text} />
}

/**
 * A visually hidden `aria-live="polite"` region that announces assistant replies by
 * {@link AnnouncePolicy}: `on-complete` (default) reads each reply once when it completes,
 * `sentence` reads complete sentences as they finish (throttled by `throttleMs`), `off` reads
 * nothing. Never token by token; replies already in the thread when it mounts are not read.
 * The first announcement of a reply is prefixed with `labels.assistantAnnouncement`. Replies are
 * read as plain text (`plainText`): no markdown marks, links as their text, a fenced code block
 * as `labels.codeBlockAnnouncement`.
 * `<Chat announce>` sets the policy; so does an `AnnouncePolicyProvider` above it.
 */
export function ReplyAnnouncer({
  policy: policyProp,
  throttleMs = SENTENCE_THROTTLE_MS,
}: ReplyAnnouncerProps): ReactNode {
  const fromProvider = useAnnouncePolicy()
  const policy = policyProp ?? fromProvider ?? 'on-complete'
  if (policy === 'off') return <Region text="" />
  if (policy === 'sentence') return <Sentences throttleMs={throttleMs} />
  return <OnComplete />
}
