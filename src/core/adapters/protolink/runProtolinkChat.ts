import { AgentError } from '../../protocol/AgentError'
import type { BaseEvent, RunAgentInput } from '../../protocol/types'
import type { SubscriberSink } from '../../transport/createObservable'
import type { ProtolinkHttp } from './protolinkHttp'

const ev = (event: { type: string } & Record<string, unknown>) => event as unknown as BaseEvent

/**
 * One run over Protolink's non-streaming endpoint: `POST /chat {message, session_id}` →
 * `{response}` (→ `RUN_STARTED`, one assistant text message, `RUN_FINISHED`) or `{error}`
 * (→ `RUN_STARTED`, `RUN_ERROR{code:'chat_error'}`); both arrive as HTTP 200.
 * @throws AgentError `auth_required`/`rate_limited`/`http_error` (non-2xx), `network`,
 *   `invalid_response` (not that JSON).
 * @internal
 */
export async function runProtolinkChat(
  http: ProtolinkHttp,
  input: RunAgentInput,
  prompt: string,
  signal: AbortSignal,
  sink: SubscriberSink<BaseEvent>,
): Promise<void> {
  const response = await http.request(
    '/chat',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ message: prompt, session_id: input.threadId }),
    },
    signal,
  )
  if (!response.ok) throw await http.failure(response, 'POST /chat')
  let body: { response?: unknown; error?: unknown }
  try {
    body = (await response.json()) as typeof body
  } catch (cause) {
    if (signal.aborted) throw signal.reason
    throw new AgentError('invalid_response', 'Protolink /chat did not answer JSON.', {
      cause,
      status: response.status,
    })
  }
  const { threadId, runId } = input
  if (typeof body?.response === 'string') {
    sink.next(ev({ type: 'RUN_STARTED', threadId, runId }))
    const messageId = `${runId}-chat`
    if (body.response !== '') {
      sink.next(ev({ type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' }))
      sink.next(ev({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta: body.response }))
      sink.next(ev({ type: 'TEXT_MESSAGE_END', messageId }))
    }
    sink.next(ev({ type: 'RUN_FINISHED', threadId, runId, outcome: { type: 'success' } }))
  } else if (typeof body?.error === 'string') {
    sink.next(ev({ type: 'RUN_STARTED', threadId, runId }))
    sink.next(ev({ type: 'RUN_ERROR', message: body.error, code: 'chat_error' }))
  } else {
    throw new AgentError(
      'invalid_response',
      'Protolink /chat answered neither {response} nor {error}.',
      {
        status: response.status,
        event: body,
      },
    )
  }
  sink.complete()
}
