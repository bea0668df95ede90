/**
 * A faithful fake of a Protolink v0.7 agent (seed-systems §3) as a web-standard FakeSystem:
 * AgentCard, `/tasks/stream` JSON-RPC-framed SSE with live `llm_chunk`s, tool calls, an
 * `approval_required` that waits for the decision, live `/tasks/cancel`, `/chat` (`{response}`
 * or `{error}`, both 200), `/healthz`, `/status` (HTML), optional auth, and NO CORS headers.
 *
 * Scenarios are chosen by the prompt: `fetch …` (approval), `tools …`, `slow …` (streams until
 * cancelled), `task_error …`, `okfalse …`, `failed …`, `malformed …`, `cut …`, `question …`
 * (input-required), anything else: an echo `You said: <prompt>`.
 */
import type { ProtolinkApprovalDecision, ProtolinkTask } from '../../../src/core/adapters/protolink'
import {
  createProtolinkApprovalBroker,
  type ProtolinkApprovalBroker,
} from '../../../src/server/adapters/protolink/createProtolinkApprovalBroker'
import { handleProtolinkApproval } from '../../../src/server/adapters/protolink/handleProtolinkApproval'
import { json, sseResponse, type FakeSystem } from '../fakeHost/FakeSystem'
import { approvalRequest, finalTask, last, llm, ok, okFalse, status } from './protolinkFrames'

/** Options of {@link createProtolinkFake}. */
export interface ProtolinkFakeOptions {
  /**
   * How the agent awaits an approval decision (Protolink's ApprovalBroker). Default: serve the
   * kit's approval routes inside the fake (`POST /approvals/{id}`) with their own broker, for
   * the in-browser fake; Node tests pass the front server's `broker.waitForDecision`.
   */
  broker?: ProtolinkApprovalBroker
  /** Serve `/approvals/…` in the fake itself (in-browser). Default: true when no broker is given. */
  serveApprovals?: boolean
  /** Require `Authorization: Bearer <token>`, `X-API-Key: <token>` or `?token=<token>`. */
  token?: string
  /** `false`: the card says `streaming: false` and `/tasks/stream` answers 404 (old agents). */
  streaming?: boolean
  /** Delay between two streamed frames, ms. Default 2. */
  frameDelayMs?: number
}

/** What the fake exposes to tests. */
export interface ProtolinkFake extends FakeSystem {
  /** `METHOD path` per request, plus `cancel <taskId>` and `decision <id> <approved>` lines. */
  log: string[]
  /** Tasks by id: their state as the fake sees it. */
  tasks: Map<string, { state: string; sessionId?: string; requestId?: string }>
  /** Answer the next `/tasks/stream` with 429 (`Retry-After: 2`). */
  rateLimitNext(): void
  /** Revoke the token: every request answers 401 from now on. */
  expireToken(): void
  readonly broker: ProtolinkApprovalBroker
}

const CARD = {
  name: 'Protolink Research Agent',
  description:
    'A Protolink v0.7 agent (fake) that answers, fetches pages with approval, and uses tools.',
  url: 'http://protolink.local:8020',
  transport: 'http',
  version: '0.7.0',
  protocolVersion: '0.3.0',
  capabilities: {
    streaming: true,
    push_notifications: false,
    delegation: true,
    has_llm: true,
    tool_calling: true,
    max_concurrency: 4,
  },
  skills: [
    { id: 'research', description: 'Answer questions', tags: ['qa'], examples: ['hello'] },
    { id: 'fetch_url', description: 'Fetch a web page (needs approval)', tags: ['network'] },
  ],
  inputFormats: ['text'],
  outputFormats: ['text'],
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  tags: ['fake'],
}

const words = (text: string) => text.match(/\S+\s*/g) ?? []
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const t = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })

/** Creates the fake; serve it with `serveFake` or `createInBrowserFake`. */
export function createProtolinkFake(options: ProtolinkFakeOptions = {}): ProtolinkFake {
  const broker = options.broker ?? createProtolinkApprovalBroker()
  const serveApprovals = options.serveApprovals ?? !options.broker
  const streaming = options.streaming ?? true
  const delay = options.frameDelayMs ?? 2
  const log: string[] = []
  const tasks: ProtolinkFake['tasks'] = new Map()
  const cancels = new Map<string, () => void>()
  let rateLimit = false
  let tokenValid = true
  let approvalSeq = 0

  function authorized(request: Request): boolean {
    if (!options.token) return true
    if (!tokenValid) return false
    const url = new URL(request.url)
    return (
      request.headers.get('authorization') === `Bearer ${options.token}` ||
      request.headers.get('x-api-key') === options.token ||
      url.searchParams.get('token') === options.token
    )
  }

  function stream(task: ProtolinkTask, requestId: string, prompt: string, clientGone: AbortSignal) {
    const cancelled = new AbortController()
    cancels.set(task.id, () => cancelled.abort())
    const stop = AbortSignal.any([cancelled.signal, clientGone])
    const record = tasks.get(task.id)!
    return sseResponse(({ send, end }) => {
      const frame = (data: unknown) => send(`data: ${JSON.stringify(data)}\n\n`)
      const emit = (result: unknown, final = false) => frame(ok(result, final, requestId))
      const setState = (next: string, final = false, agentText?: string) => {
        const previous = record.state
        record.state = next
        emit(
          status(
            task.id,
            previous,
            next,
            final,
            final ? finalTask(task.id, next, agentText) : undefined,
          ),
          final,
        )
      }
      const say = async (text: string) => {
        for (const w of words(text)) {
          if (stop.aborted) return false
          emit(llm('llm_chunk', w))
          await sleep(delay, stop)
        }
        emit(llm('llm_final', text))
        return !stop.aborted
      }
      const finish = (next = 'completed', agentText?: string) => {
        setState(next, true, agentText)
        frame(last(requestId))
        end()
      }
      const cancelledEnd = () => {
        if (clientGone.aborted) return end()
        finish('canceled')
      }
      void (async () => {
        setState('working')
        emit(llm('llm_call_started'))
        const scenario = prompt.split(/\s/)[0]!.toLowerCase()
        if (scenario === 'fetch') {
          if (!(await say('I need to fetch that page first.'))) return cancelledEnd()
          const id = `req-${++approvalSeq}`
          const actionId = `act-${approvalSeq}`
          const url = prompt.split(/\s+/)[1] ?? 'https://example.test'
          emit(
            llm('approval_required', '', {
              request: approvalRequest(id, actionId, 'fetch_url', { url }),
            }),
          )
          record.requestId = id
          let decision: ProtolinkApprovalDecision | undefined
          try {
            decision = await broker.waitForDecision(id, { signal: stop })
          } catch {
            return cancelledEnd()
          }
          log.push(`decision ${id} ${decision?.approved}`)
          emit(
            llm('approval_decision', '', {
              request_id: id,
              approved: decision?.approved,
              reason: decision?.reason,
            }),
          )
          if (decision?.approved) {
            emit(
              llm('tool_start', '', { action_id: actionId, tool: 'fetch_url', arguments: { url } }),
            )
            await sleep(delay, stop)
            emit(
              llm('tool_result', `<title>Page at ${url}</title>`, {
                action_id: actionId,
                tool: 'fetch_url',
              }),
            )
            if (!(await say(`The page at ${url} is titled "Page".`))) return cancelledEnd()
          } else {
            emit(llm('action_denied', decision?.reason ?? 'denied', { action_id: actionId }))
            if (!(await say('Understood, I will not fetch it.'))) return cancelledEnd()
          }
        } else if (scenario === 'tools') {
          emit(
            llm('tool_start', '', {
              action_id: 'calc-1',
              tool: 'calculator',
              arguments: { expr: '6*7' },
            }),
          )
          emit(llm('tool_result', 42, { action_id: 'calc-1', tool: 'calculator' }))
          emit({ type: 'task_progress', progress: 0.5, message: 'Computed' })
          if (!(await say('The answer is 42.'))) return cancelledEnd()
        } else if (scenario === 'slow') {
          for (let i = 0; ; i++) {
            if (stop.aborted) return cancelledEnd()
            emit(llm('llm_chunk', `tick ${i} `))
            await sleep(Math.max(delay, 20), stop)
          }
        } else if (scenario === 'task_error') {
          await say('Partial answer')
          emit({
            type: 'task_error',
            error_code: 'llm_timeout',
            error_message: 'The LLM timed out.',
            recoverable: false,
          })
          record.state = 'failed'
          frame(last(requestId))
          return end()
        } else if (scenario === 'okfalse') {
          frame(okFalse('Skill "okfalse" is not available.', 'ValueError', requestId))
          record.state = 'failed'
          return end()
        } else if (scenario === 'failed') {
          return finish('failed')
        } else if (scenario === 'malformed') {
          await say('Before the bad frame')
          send('data: {not json\n\n')
          return // the stream stays open: the client must stop on its own
        } else if (scenario === 'cut') {
          await say('This answer is cut')
          return end()
        } else if (scenario === 'question') {
          emit(llm('llm_call_completed'))
          return finish('input-required', 'Which city do you mean?')
        } else if (!(await say(`You said: ${prompt}`))) return cancelledEnd()
        emit(llm('llm_call_completed'))
        finish('completed', `You said: ${prompt}`)
      })()
    })
  }

  async function http(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const route = `${request.method} ${url.pathname}`
    log.push(route)
    if (serveApprovals) {
      const approval = await handleProtolinkApproval(request, broker)
      if (approval) return approval
    }
    if (route === 'GET /healthz') return json({ status: 'ok' })
    if (!authorized(request)) return json({ detail: 'Unauthorized' }, 401)
    if (route === 'GET /.well-known/agent.json')
      return json({ ...CARD, capabilities: { ...CARD.capabilities, streaming } })
    if (route === 'GET /status')
      return new Response('<html><body>ok</body></html>', {
        headers: { 'content-type': 'text/html' },
      })
    if (route === 'POST /chat') {
      const body = (await request.json()) as { message?: string; session_id?: string }
      if (!body.message || body.message.startsWith('fail'))
        return json({ error: `Agent error: cannot answer "${body.message ?? ''}"` })
      return json({ response: `You said: ${body.message}` })
    }
    if (route === 'POST /tasks/cancel') {
      const body = (await request.json()) as { id?: string }
      const task = body.id ? tasks.get(body.id) : undefined
      log.push(`cancel ${body.id}`)
      if (!task) return json({ detail: `Task ${body.id} not found` }, 404)
      cancels.get(body.id!)?.()
      task.state = 'canceled'
      return json({ id: body.id, state: 'canceled', messages: [], metadata: {} })
    }
    if (route === 'POST /tasks/stream') {
      if (!streaming) return json({ detail: 'Not Found' }, 404)
      if (rateLimit) {
        rateLimit = false
        return json({ detail: 'Too many requests' }, 429, { 'retry-after': '2' })
      }
      const task = (await request.json()) as ProtolinkTask
      const part = task.messages?.[0]?.parts?.[0]
      const prompt = (part?.content as { prompt?: string } | undefined)?.prompt
      if (part?.type !== 'infer' || typeof prompt !== 'string')
        return json({ detail: 'Invalid task' }, 422)
      const requestId = request.headers.get('x-protolink-request-id') ?? 'none'
      tasks.set(task.id, {
        state: 'submitted',
        ...(task.metadata?.session_id && { sessionId: task.metadata.session_id }),
      })
      return stream(task, requestId, prompt, request.signal)
    }
    return json({ detail: 'Not Found' }, 404)
  }

  return {
    http,
    log,
    tasks,
    broker,
    rateLimitNext: () => void (rateLimit = true),
    expireToken: () => void (tokenValid = false),
  }
}
