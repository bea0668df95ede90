import type { Message } from '../protocol/types'
import type { ToolCallEntry } from './Snapshot'

/** Rebuilds the tool-call index from messages (after `MESSAGES_SNAPSHOT` or a plain input). */
export function indexToolCalls(messages: readonly Message[]): Record<string, ToolCallEntry> {
  const calls: Record<string, ToolCallEntry> = {}
  for (const m of messages) {
    if (m.role === 'assistant') {
      for (const c of m.toolCalls ?? []) calls[c.id] = { messageId: m.id, ended: true }
    }
  }
  for (const m of messages) {
    if (m.role === 'tool' && calls[m.toolCallId]) {
      calls[m.toolCallId] = { ...calls[m.toolCallId], resultMessageId: m.id }
    }
  }
  return calls
}
