import type { Message } from '../../protocol/types'

/**
 * The text of the last message of `messages` when it is a user message: its `content` string,
 * or its text parts joined with a blank line (other parts are left out: the seed systems take
 * text only). `undefined` when the last message is not a user message or has no text.
 *
 * The seed systems keep their own conversation history, so adapters send only this message.
 */
export function lastUserText(messages: readonly Message[]): string | undefined {
  const last = messages.at(-1)
  if (!last || last.role !== 'user') return undefined
  const { content } = last
  if (typeof content === 'string') return content.trim() ? content : undefined
  const text = content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n\n')
  return text.trim() ? text : undefined
}
