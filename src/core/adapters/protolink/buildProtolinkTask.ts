import type { Message } from '../../protocol/types'
import type { ProtolinkTask } from './protolinkWire'

/**
 * The text of the thread's last message when it is a user message (text parts joined by a
 * newline; other parts are left out: Protolink `infer` parts take a prompt string), else
 * `undefined`. Protolink keeps its own history per `session_id`, so only this message is new.
 */
export function lastUserText(messages: readonly Message[]): string | undefined {
  const last = messages[messages.length - 1]
  if (!last || last.role !== 'user') return undefined
  if (typeof last.content === 'string') return last.content
  return last.content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n')
}

/**
 * The Task POSTed to `/tasks/stream` (seed-systems §3): state `submitted`, one user message
 * with one `infer` part `{prompt}`, `metadata.session_id` = the AG-UI `threadId`.
 */
export function buildProtolinkTask(params: {
  taskId: string
  messageId: string
  prompt: string
  sessionId: string
  now?: Date
}): ProtolinkTask {
  return {
    id: params.taskId,
    state: 'submitted',
    messages: [
      {
        id: params.messageId,
        role: 'user',
        parts: [{ type: 'infer', content: { prompt: params.prompt } }],
        timestamp: (params.now ?? new Date()).toISOString(),
      },
    ],
    metadata: { session_id: params.sessionId },
  }
}
