import type { ReactNode } from 'react'
import type { ContentPart, ImagePart } from '../core/protocol/types'
import { useChatContext } from './ChatContext'
import { safeUrl } from './MarkdownText'

/**
 * Pretty-prints a JSON value (2-space indent). A string that parses as JSON is re-indented;
 * any other string is returned as is. `undefined` becomes an empty string.
 */
export function formatJson(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2)
    } catch {
      return value
    }
  }
  try {
    return JSON.stringify(value, null, 2)
  } catch {
    return String(value)
  }
}

/** The `src` of an image part: `url` sources when http(s), `data` sources as a data URL. */
export function imageSource(part: ImagePart): string | undefined {
  const { source } = part
  if (source.type === 'data') return `data:${source.mimeType};base64,${source.value}`
  if (source.type === 'url') {
    const url = safeUrl(source.value)
    return url && !url.startsWith('mailto:') ? url : undefined
  }
  return undefined
}

/** Props of {@link MessageContent}. */
export interface MessageContentProps {
  /** `UserMessage.content` / `ToolMessage.content`: plain text or AG-UI content parts. */
  content: string | readonly ContentPart[]
  /** Pretty-print a plain-text content that is JSON, in a code block (tool results). */
  json?: boolean
}

/**
 * Minimal rendering of AG-UI message content: text (whitespace preserved) and image parts
 * (`<img>` with alt from `metadata.alt`, else `labels.image`). Audio, video and document parts
 * render as a small labelled chip naming their MIME type.
 */
export function MessageContent({ content, json = false }: MessageContentProps): ReactNode {
  const { labels } = useChatContext()
  if (typeof content === 'string') {
    if (json) {
      return (
        <pre className="awr-code-block" tabIndex={0}>
          <code>{formatJson(content)}</code>
        </pre>
      )
    }
    return <div className="awr-text">{content}</div>
  }
  return (
    <div className="awr-parts">
      {content.map((part, index) => {
        if (part.type === 'text') {
          return (
            <div key={part.id ?? index} className="awr-text">
              {part.text}
            </div>
          )
        }
        if (part.type === 'image') {
          const src = imageSource(part)
          const alt = typeof part.metadata?.alt === 'string' ? part.metadata.alt : labels.image
          if (!src) return null
          return <img key={part.id ?? index} className="awr-image" src={src} alt={alt} />
        }
        return (
          <span key={part.id ?? index} className="awr-attachment" data-type={part.type}>
            {part.type}
            {part.source.mimeType ? ` (${part.source.mimeType})` : ''}
          </span>
        )
      })}
    </div>
  )
}
