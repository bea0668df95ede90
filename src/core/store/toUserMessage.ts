import type { ContentPart, UserMessage } from '../protocol/types'

/**
 * Turns the `message` option of `AgentStore.run` into a `UserMessage` (spec 1.1, "Messages"):
 * a string or content parts become `{ id: crypto.randomUUID(), role: 'user', content }`; a
 * `UserMessage` is kept, with an `id` generated if it has none.
 */
export function toUserMessage(message: string | ContentPart[] | UserMessage): UserMessage {
  if (typeof message === 'string' || Array.isArray(message)) {
    return { id: crypto.randomUUID(), role: 'user', content: message }
  }
  return message.id ? message : { ...message, id: crypto.randomUUID() }
}
