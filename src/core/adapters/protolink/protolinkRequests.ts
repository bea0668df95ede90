import { AgentError } from '../../protocol/AgentError'
import type { ResumeEntry } from '../../protocol/types'
import type { ProtolinkHttp } from './protolinkHttp'
import type { ProtolinkAgentOptions } from './ProtolinkAgentOptions'
import type { ProtolinkTask } from './protolinkWire'

/**
 * The decision a resume entry carries for an approval interrupt (the kit's payload
 * `{approved, reason}`); a missing or `cancelled` entry is a denial, and so is an edit (Protolink
 * has no way to run edited arguments: the reason carries them to the agent). @internal
 */
export function readDecision(entry: ResumeEntry | undefined): {
  approved: boolean
  reason?: string
} {
  if (!entry || entry.status !== 'resolved')
    return { approved: false, reason: 'The user moved on without answering.' }
  const p = (typeof entry.payload === 'object' && entry.payload !== null ? entry.payload : {}) as {
    approved?: unknown
    reason?: unknown
    editedArgs?: unknown
  }
  if (p.approved !== false && p.editedArgs !== undefined)
    return {
      approved: false,
      reason: `Protolink cannot run edited arguments; the user proposed instead: ${JSON.stringify(p.editedArgs)}`,
    }
  return {
    approved: p.approved !== false,
    ...(typeof p.reason === 'string' && { reason: p.reason }),
  }
}

/** The answer to an `input_required` interrupt as a prompt: a string, `{text}`, `{answer}`, else JSON. @internal */
export function answerText(payload: unknown): string {
  if (typeof payload === 'string') return payload
  const p = (payload ?? {}) as { text?: unknown; answer?: unknown }
  if (typeof p.text === 'string') return p.text
  if (typeof p.answer === 'string') return p.answer
  return JSON.stringify(payload ?? null)
}

/**
 * `POST /tasks/cancel {id, metadata:{reason}}` (the task then ends `canceled`).
 * @throws AgentError `auth_required`/`rate_limited`/`http_error`, `network`.
 * @internal
 */
export async function cancelProtolinkTask(
  http: ProtolinkHttp,
  taskId: string,
  reason: string,
): Promise<void> {
  const response = await http.request('/tasks/cancel', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: taskId, metadata: { reason } }),
  })
  if (!response.ok) throw await http.failure(response, 'POST /tasks/cancel')
  void response.body?.cancel().catch(() => undefined)
}

/**
 * POSTs `{approved, request_id, reason}` to the approval endpoint (`approvalUrl`, default
 * `<baseUrl>/approvals/<request_id>`).
 * @throws AgentError `auth_required`/`rate_limited`/`http_error` (e.g. 404: unknown or expired
 *   request, 409: decided otherwise), `network`.
 * @internal
 */
export async function postApprovalDecision(
  http: ProtolinkHttp,
  options: ProtolinkAgentOptions,
  requestId: string,
  decision: { approved: boolean; reason?: string },
  signal: AbortSignal,
): Promise<void> {
  const prefix = options.approvalUrl ?? `${String(options.baseUrl).replace(/\/$/, '')}/approvals`
  const url =
    typeof prefix === 'function'
      ? prefix(requestId)
      : `${prefix.replace(/\/$/, '')}/${encodeURIComponent(requestId)}`
  const response = await http.request(
    { url },
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...decision, request_id: requestId }),
    },
    signal,
  )
  if (!response.ok) throw await http.failure(response, `POST approval ${requestId}`)
  void response.body?.cancel().catch(() => undefined)
}

/**
 * `POST /tasks/stream` with `task`, `Accept: text/event-stream` and `X-Protolink-Request-ID`.
 * `fetchController` owns the response (the stream may outlive the run: a parked approval);
 * `signal` aborts it only until the headers arrive.
 * @throws AgentError `network`, or `signal`'s reason.
 * @internal
 */
export async function postTaskStream(
  http: ProtolinkHttp,
  task: ProtolinkTask,
  requestId: string,
  signal: AbortSignal,
  fetchController: AbortController,
): Promise<Response> {
  const abortFetch = () => fetchController.abort(signal.reason)
  signal.addEventListener('abort', abortFetch, { once: true })
  try {
    return await http.request(
      '/tasks/stream',
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'text/event-stream',
          'X-Protolink-Request-ID': requestId,
        },
        body: JSON.stringify(task),
      },
      fetchController.signal,
    )
  } finally {
    signal.removeEventListener('abort', abortFetch)
  }
}

/**
 * Checks a `/tasks/stream` answer is a 2xx event stream.
 * @throws AgentError `auth_required`/`rate_limited`/`http_error` (non-2xx), `invalid_response`
 *   (2xx that is not `text/event-stream`, `body` = its first 4 096 chars).
 * @internal
 */
export async function checkTaskStream(http: ProtolinkHttp, response: Response): Promise<void> {
  if (!response.ok) throw await http.failure(response, 'POST /tasks/stream')
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('text/event-stream')) return
  const { body } = await http.failure(response, 'POST /tasks/stream')
  throw new AgentError('invalid_response', `Expected text/event-stream, got '${type}'.`, {
    status: response.status,
    ...(body !== undefined && { body }),
  })
}

/**
 * Lets go of a parked task in the background (failures ignored): denies its approval request
 * (if any) with reason "The app closed." and cancels the task.
 * @internal
 */
export function releaseParkedTask(
  http: ProtolinkHttp,
  options: ProtolinkAgentOptions,
  taskId: string,
  requestId: string | undefined,
): void {
  const reason = 'The app closed.'
  if (requestId !== undefined)
    void postApprovalDecision(
      http,
      options,
      requestId,
      { approved: false, reason },
      new AbortController().signal,
    ).catch(() => undefined)
  void cancelProtolinkTask(http, taskId, reason).catch(() => undefined)
}
