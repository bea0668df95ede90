import { createParser } from 'eventsource-parser'

/** What {@link readSSE} collected from one response. */
export interface SSEResult {
  status: number
  headers: Headers
  events: Array<Record<string, unknown>>
  ids: Array<string | undefined>
  comments: string[]
}

/**
 * Test helper: reads a whole SSE response body with eventsource-parser (an independent parser),
 * JSON-parsing each frame's data. `onEvent` may abort the request mid-stream.
 */
export async function readSSE(
  response: Response,
  onEvent?: (event: Record<string, unknown>, index: number) => void,
): Promise<SSEResult> {
  const result: SSEResult = {
    status: response.status,
    headers: response.headers,
    events: [],
    ids: [],
    comments: [],
  }
  const parser = createParser({
    onEvent: (message) => {
      const event = JSON.parse(message.data) as Record<string, unknown>
      result.events.push(event)
      result.ids.push(message.id)
      onEvent?.(event, result.events.length - 1)
    },
    onComment: (comment) => result.comments.push(comment),
  })
  const decoder = new TextDecoder()
  const reader = response.body!.getReader()
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      parser.feed(decoder.decode(value, { stream: true }))
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error
  }
  return result
}

/** POSTs a JSON body (a string is sent verbatim) to `url`. */
export function postJson(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  })
}

/** A minimal valid RunAgentInput with one user message. */
export function runInput(text: string, extra: Record<string, unknown> = {}) {
  return {
    threadId: 'thread-1',
    runId: 'run-1',
    messages: [{ id: 'user-1', role: 'user', content: text }],
    tools: [],
    context: [],
    ...extra,
  }
}
