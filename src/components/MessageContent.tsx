import type { ReactNode } from 'react'
import type { ContentPart, ImagePart } from '../core/protocol/types'
import { formatJson } from '../primitives/formatJson'
import { File, Image, type MediaContentPart } from '../primitives/message/MessageMedia'
import { partUrl } from '../primitives/message/partUrl'
import { useChatContext } from './ChatContext'

export { formatJson }

/**
 * The `src` of an image part that cannot run script: http(s) `url` sources, base64 `image/*`
 * `data` sources as a data URL; `undefined` otherwise (see `partUrl`).
 */
export function imageSource(part: ImagePart): string | undefined {
  return partUrl(part, 'image')
}

/** Props of {@link MessageContent}. */
export interface MessageContentProps {
  /** `UserMessage.content` / `ToolMessage.content`: plain text or AG-UI content parts. */
  content: string | readonly ContentPart[]
  /** Pretty-print a plain-text content that is JSON, in a code block (tool results). */
  json?: boolean
}

/** An image part, styled (`img.awr-image`; a blocked or broken image shows its alt text). */
export function ChatImage({ part }: { part: ImagePart }): ReactNode {
  const { labels } = useChatContext()
  return <Image part={part} alt={labels.image} className="awr-image" />
}

/** Any other multimodal part, styled as a chip (`.awr-attachment`): a link or a placeholder. */
export function ChatFile({ part }: { part: MediaContentPart }): ReactNode {
  return <File part={part} className="awr-attachment" />
}

/**
 * Rendering of AG-UI message content outside a message (tool results, approval cards): text
 * (whitespace preserved), image parts (`Message.Image`: alt from `metadata.alt`, else
 * `labels.image`; a blocked or broken image shows its alt text) and other parts as a chip
 * (`Message.File`: a link for http(s) URLs, else a placeholder naming the type and MIME type).
 */
export function MessageContent({ content, json = false }: MessageContentProps): ReactNode {
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
  if (!Array.isArray(content)) return null
  return (
    <div className="awr-parts">
      {content.map((part, index) => {
        const key = part.id ?? index
        if (part.type === 'text') {
          return (
            <div key={key} className="awr-text">
              {String(part.text)}
            </div>
          )
        }
        if (part.type === 'image') return <ChatImage key={key} part={part} />
        return <ChatFile key={key} part={part} />
      })}
    </div>
  )
}
