import type { Message } from '../../core/protocol/types'

const MAX_TITLE = 60

/** The text of the last `user` message (text parts joined by a space), or `''`. */
export function lastUserText(messages: readonly Message[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]
    if (message.role !== 'user') continue
    const { content } = message
    if (typeof content === 'string') return content
    return content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join(' ')
  }
  return ''
}

function clean(text: string): string {
  const flat = text
    .replace(/[`\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > MAX_TITLE ? `${flat.slice(0, MAX_TITLE - 1).trimEnd()}…` : flat
}

/**
 * The title of the task the demo agent adds for `text`: what follows "add" when the
 * message says "add <something>" (trailing punctuation and "to my list" dropped), otherwise
 * `Follow up: <first six words>`; `Say hello` for an empty message. At most 60 characters.
 */
export function taskTitleFor(text: string): string {
  const match = /\badd\s+(.+)/i.exec(text)
  if (match) {
    const title = clean(
      match[1].replace(/\s+to\s+(?:my|the)\s+(?:task\s+)?list\b.*$/i, '').replace(/[.!?;,:]+$/, ''),
    )
    if (title) return title
  }
  const words = clean(text).split(' ').filter(Boolean).slice(0, 6).join(' ')
  return words ? `Follow up: ${words}` : 'Say hello'
}

/** The short reasoning the demo agent streams before acting. */
export function reasoningFor(text: string, title: string): string {
  const count = text.trim() ? text.trim().split(/\s+/).length : 0
  return `The user wrote ${count} word${count === 1 ? '' : 's'}. I will add "${title}" to the shared task list with add_task, then explain what happened.`
}

/** The short assistant message that introduces the `add_task` call. */
export function introFor(title: string): string {
  return `Let me add **${title}** to your task list.`
}

/**
 * The demo agent's markdown answer: a heading, a quote of the user's text, a list, a fenced
 * code block with the tool arguments, and a link. Deterministic in its inputs.
 */
export function answerFor(text: string, title: string, taskCount: number, args: string): string {
  const quoted = clean(text) || '(an empty message)'
  return [
    '### Done',
    '',
    `You said: _${quoted}_`,
    '',
    `I added **${title}** to the shared task list. Here is what happened:`,
    '',
    '1. I thought about your message (see the reasoning above).',
    '2. I called the `add_task` tool with these arguments:',
    '',
    '```json',
    args,
    '```',
    '',
    `3. The shared state now holds **${taskCount}** task${taskCount === 1 ? '' : 's'}; the panel on the right shows them.`,
    '',
    'Every piece of this answer arrived as an AG-UI event. Read more in the [AG-UI docs](https://docs.ag-ui.com).',
  ].join('\n')
}
