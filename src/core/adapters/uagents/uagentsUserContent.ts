import type { ContentPart, RunAgentInput } from '../../protocol/types'
import { cardResponseContent, type UAgentsCard } from './uagentsCards'
import type { UAgentsChatContent } from './uagentsChatTypes'

function partContent(part: ContentPart, newId: () => string): UAgentsChatContent | undefined {
  if (part.type === 'text') return part.text ? { type: 'text', text: part.text } : undefined
  const source = (part as { source?: { type?: string; value?: string; mimeType?: string } }).source
  if (source?.type !== 'url' || typeof source.value !== 'string') return undefined
  return {
    type: 'resource',
    resource_id: newId(),
    resource: {
      uri: source.value,
      metadata: { ...(source.mimeType && { mime_type: source.mimeType }), type: part.type },
    },
  }
}

/**
 * The ChatMessage content one run sends (issue 8: the uAgents side keeps its own history, so
 * only what is new goes out):
 * `newId` makes the uuid4 `resource_id`s.
 * - with `input.resume` entries: one card-response `MetadataContent` per entry (the card looked
 *   up by interrupt id in `cards`);
 * - else the LAST message of `input.messages` when it is a user message: its text (string
 *   content, or text parts) and URL-sourced media parts as `resource` items; preceded by
 *   `start-session` when it is the thread's first user message;
 * - else nothing (`[]`): the run only collects what the agent pushed since the last run.
 */
export function uagentsUserContent(
  input: RunAgentInput,
  cards: ReadonlyMap<string, UAgentsCard>,
  newId: () => string,
): UAgentsChatContent[] {
  if (input.resume && input.resume.length > 0)
    return input.resume.map((entry) => cardResponseContent(cards.get(entry.interruptId), entry))
  const last = input.messages.at(-1)
  if (!last || last.role !== 'user') return []
  const content: UAgentsChatContent[] = []
  if (typeof last.content === 'string') {
    if (last.content) content.push({ type: 'text', text: last.content })
  } else {
    for (const part of last.content) {
      const item = partContent(part, newId)
      if (item) content.push(item)
    }
  }
  const firstTurn = input.messages.filter((m) => m.role === 'user').length === 1
  return firstTurn && content.length > 0 ? [{ type: 'start-session' }, ...content] : content
}
