import type { ContentPart, Message } from '../../core/protocol/types'

/**
 * The text of a message, as a copy button copies it: string content as is; content parts'
 * `text` parts joined with a blank line (images and other parts have no text); `''` for a
 * message without text (an assistant message with only tool calls).
 */
export function messageText(message: Message | undefined): string {
  const content = (message as { content?: unknown } | undefined)?.content
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return (content as ContentPart[])
    .flatMap((part) => (part.type === 'text' ? [part.text] : []))
    .join('\n\n')
}

/**
 * The content of an edited user message: `text` for string content; for content parts, one
 * text part with `text` followed by the original's other parts (images, files stay attached).
 */
export function editedContent(
  original: string | readonly ContentPart[],
  text: string,
): string | ContentPart[] {
  if (typeof original === 'string') return text
  const others = original.filter((part) => part.type !== 'text')
  return others.length === 0 ? text : [{ type: 'text', text }, ...others]
}
