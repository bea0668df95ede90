import type { IncomingMessage, ServerResponse } from 'node:http'
import { isAgentError } from '../core/protocol/AgentError'
import { parseRunAgentInput } from '../core/protocol/parseRunAgentInput'
import type { BaseEvent, RunAgentInput, WireEvent } from '../core/protocol/types'
import type { Agent, Observable } from '../core/transport/Agent'
import { BodyError, readJsonBody } from './readJsonBody'
import type { EventSource } from './toAsyncIterator'
import { writeEventStream } from './writeEventStream'

/** What an {@link AgentHandlerFn} receives besides the input. */
export interface AgentHandlerContext {
  /** Aborted when the client disconnects; stop work promptly when it fires. */
  signal: AbortSignal
}

/**
 * A server-side agent: turns a validated `RunAgentInput` into AG-UI events, as an async
 * iterable (an `async function*` works) or an Observable. Throwing (or erroring) after the
 * stream started makes the handler write `RUN_ERROR`.
 */
export type AgentHandlerFn = (
  input: RunAgentInput,
  ctx: AgentHandlerContext,
) => AsyncIterable<BaseEvent | WireEvent> | Observable<BaseEvent | WireEvent>

/** Options of {@link createAgentHandler}. */
export interface AgentHandlerOptions {
  /** Largest accepted request body, in bytes; larger ones get 413. Default `1048576` (1 MiB). */
  maxBodyBytes?: number
  /** Milliseconds between `: ping` heartbeat comments; `0` disables. Default `15000`. */
  heartbeatMs?: number
  /** Extra response headers for the event stream (e.g. CORS). */
  headers?: Record<string, string>
}

/** A Node request handler that is also connect/express middleware. */
export type AgentRequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void

function sendJsonError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
) {
  if (res.headersSent) return void res.end()
  const body = JSON.stringify({ error: { code, message } })
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...extra,
  })
  res.end(body)
}

function toSourceFactory(agent: AgentHandlerFn | Agent, input: RunAgentInput) {
  return (signal: AbortSignal): EventSource<BaseEvent | WireEvent> =>
    typeof agent === 'function' ? agent(input, { signal }) : agent.run(input, { signal })
}

/**
 * Creates the HTTP endpoint of an AG-UI agent (spec 1.1, "Transports: HTTP + SSE"): it accepts
 * `POST` with a JSON `RunAgentInput` body and answers with the run's events as Server-Sent
 * Events (see {@link writeEventStream}).
 *
 * `agent` is an {@link AgentHandlerFn} or an {@link Agent} (`run(input, { signal })` returning an
 * Observable, e.g. an `@ag-ui/client` agent). Answers:
 * - `405` (with `Allow: POST`) for any other method;
 * - `413` when the body exceeds `maxBodyBytes`; `400` when it is not JSON or not a
 *   `RunAgentInput`. Error bodies are `{ "error": { "code", "message" } }`;
 * - `200 text/event-stream` otherwise. A client disconnect aborts `ctx.signal`.
 *
 * Works with `http.createServer(handler)` and as connect/express middleware: a body already
 * parsed by `express.json()` (`req.body`) is used as is, and an error thrown synchronously by
 * `agent` before streaming goes to `next(error)` (without `next`: a 500 JSON answer).
 *
 * @example
 * http.createServer(createAgentHandler(async function* (input) { ... })).listen(8000)
 * app.post('/api/agent', createAgentHandler(myAgent))
 */
export function createAgentHandler(
  agent: AgentHandlerFn | Agent,
  options: AgentHandlerOptions = {},
): AgentRequestHandler {
  const { maxBodyBytes = 1024 * 1024, heartbeatMs = 15_000, headers } = options
  if (typeof agent !== 'function' && typeof (agent as Agent | null)?.run !== 'function') {
    throw new TypeError(
      'createAgentHandler: expected a function or an object with run(input, { signal })',
    )
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ): Promise<void> {
    if (req.method !== 'POST') {
      req.resume()
      return sendJsonError(
        res,
        405,
        'method_not_allowed',
        `Method ${req.method ?? ''} is not allowed; use POST.`,
        { Allow: 'POST' },
      )
    }
    let body: unknown
    try {
      body = await readJsonBody(req, maxBodyBytes)
    } catch (error) {
      if (error instanceof BodyError)
        return sendJsonError(res, error.status, error.code, error.message)
      throw error
    }
    let input: RunAgentInput
    try {
      input = parseRunAgentInput(body)
    } catch (error) {
      if (!isAgentError(error)) throw error
      return sendJsonError(res, 400, 'invalid_input', error.message)
    }

    // Create the source before sending headers, so a synchronous failure can still be a 500/next().
    const controller = new AbortController()
    let source: EventSource<BaseEvent | WireEvent>
    try {
      source = toSourceFactory(agent, input)(controller.signal)
    } catch (error) {
      if (next) return next(error)
      return sendJsonError(
        res,
        500,
        'internal_error',
        error instanceof Error ? error.message : 'The agent failed.',
      )
    }
    await writeEventStream(
      res,
      (signal) => {
        signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
        return source
      },
      { heartbeatMs, headers },
    )
  }

  return (req, res, next) => {
    handle(req, res, next).catch((error: unknown) => {
      if (next) next(error)
      else
        sendJsonError(
          res,
          500,
          'internal_error',
          error instanceof Error ? error.message : 'Internal error',
        )
    })
  }
}
