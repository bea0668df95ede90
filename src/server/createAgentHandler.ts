import type { IncomingMessage, ServerResponse } from 'node:http'
import { isAgentError } from '../core/protocol/AgentError'
import { parseRunAgentInput } from '../core/protocol/parseRunAgentInput'
import type { BaseEvent, RunAgentInput, WireEvent } from '../core/protocol/types'
import type { Agent, Observable } from '../core/transport/Agent'
import { corsHeaders, type CorsOptions } from './corsHeaders'
import { createRunRegistry, type RunRegistry, type RunRegistryOptions } from './createRunRegistry'
import { BodyError, readJsonBody } from './readJsonBody'
import { sendJson } from './sendJson'
import { matchRunRoute, runIdHeader, serveRunRoute, streamRun } from './serveRunRoutes'
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
  /** Extra response headers for every answer. */
  headers?: Record<string, string>
  /**
   * Keep runs on the server so clients can detach, resume and cancel them (README, "Resumable
   * streams and WebSocket"): `true` (default bounds), the bounds ({@link RunRegistryOptions}:
   * `maxEvents`, `maxBytes`, `ttlMs`, `idleTimeoutMs`), or a {@link RunRegistry} shared with
   * `createWebSocketAgentServer`. Adds `GET …/runs/<runId>/events` (resume with
   * `Last-Event-ID`) and `POST …/runs/<runId>/cancel`; a client disconnect then detaches
   * instead of aborting the agent. Default `false`: a disconnect aborts `ctx.signal`, as before.
   */
  resumable?: boolean | RunRegistryOptions | RunRegistry
  /**
   * Answer cross-origin requests: `OPTIONS` preflight (204) and `Access-Control-*` headers on
   * every answer, exposing `X-AWR-Run-Id` and `X-AWR-Resumable`. Default: no CORS handling
   * (`OPTIONS` gets 405).
   */
  cors?: CorsOptions
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
  sendJson(res, status, { error: { code, message } }, extra)
}

function isRegistry(value: unknown): value is RunRegistry {
  const r = value as Partial<RunRegistry> | null
  return typeof r?.start === 'function' && typeof r.get === 'function'
}

function toSourceFactory(agent: AgentHandlerFn | Agent, input: RunAgentInput) {
  return (signal: AbortSignal): EventSource<BaseEvent | WireEvent> =>
    typeof agent === 'function' ? agent(input, { signal }) : agent.run(input, { signal })
}

/**
 * Creates the HTTP endpoint of an AG-UI agent (spec 1.1, "Transports: HTTP + SSE"): it accepts
 * `POST` with a JSON `RunAgentInput` body and answers with the run's events as Server-Sent
 * Events (see {@link writeEventStream}), each with an `id: <n>` line (1, 2, 3, … per run) and
 * the response header `X-AWR-Run-Id: <runId>`.
 *
 * `agent` is an {@link AgentHandlerFn} or an {@link Agent} (`run(input, { signal })` returning an
 * Observable, e.g. an `@ag-ui/client` agent). Answers:
 * - `405` (with `Allow: POST`) for any other method;
 * - `413` when the body exceeds `maxBodyBytes`; `400` when it is not JSON or not a
 *   `RunAgentInput`. Error bodies are `{ "error": { "code", "message" } }`;
 * - `200 text/event-stream` otherwise. A client disconnect aborts `ctx.signal`.
 *
 * With `resumable`, runs outlive their requests (`X-AWR-Resumable: 1` on the answer): a
 * disconnect detaches, `GET …/runs/<runId>/events` with `Last-Event-ID` replays and follows
 * the run (200; 404 `{"error":"run_not_found"}`; 409 `{"error":"replay_gap","firstId":N}`;
 * 400 `{"error":"bad_last_event_id"}`), `POST …/runs/<runId>/cancel` answers 202 and ends the
 * run with `RUN_FINISHED { outcome: { type: 'cancelled' } }`, and a `POST` whose `runId` is
 * still running gets 409 `busy`. The routes match the end of the path, so mount the handler
 * for its whole prefix (`app.use('/api/agent', handler)`), not only `app.post`.
 *
 * Works with `http.createServer(handler)` and as connect/express middleware: a body already
 * parsed by `express.json()` (`req.body`) is used as is, and an error thrown synchronously by
 * `agent` before streaming goes to `next(error)` (without `next`: a 500 JSON answer).
 *
 * @throws TypeError when `agent` is neither a function nor an object with `run()`, or a
 *   `resumable` bound is invalid.
 * @example
 * http.createServer(createAgentHandler(async function* (input) { ... })).listen(8000)
 * app.use('/api/agent', createAgentHandler(myAgent, { resumable: true, cors: { origin: '*' } }))
 */
export function createAgentHandler(
  agent: AgentHandlerFn | Agent,
  options: AgentHandlerOptions = {},
): AgentRequestHandler {
  const { maxBodyBytes = 1024 * 1024, heartbeatMs = 15_000, cors, resumable = false } = options
  if (typeof agent !== 'function' && typeof (agent as Agent | null)?.run !== 'function') {
    throw new TypeError(
      'createAgentHandler: expected a function or an object with run(input, { signal })',
    )
  }
  const registry: RunRegistry | undefined = isRegistry(resumable)
    ? resumable
    : resumable === false
      ? undefined
      : createRunRegistry(resumable === true ? {} : resumable)

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ): Promise<void> {
    const headers = { ...options.headers, ...(cors ? corsHeaders(req, cors) : {}) }
    if (cors && req.method === 'OPTIONS') {
      req.resume()
      res.writeHead(204, { ...options.headers, ...corsHeaders(req, cors, true) })
      return void res.end()
    }
    const route = registry && matchRunRoute(req.url)
    if (route) return serveRunRoute(req, res, route, registry, { heartbeatMs, headers })
    if (req.method !== 'POST') {
      req.resume()
      return sendJsonError(
        res,
        405,
        'method_not_allowed',
        `Method ${req.method ?? ''} is not allowed; use POST.`,
        { ...headers, Allow: 'POST' },
      )
    }
    let body: unknown
    try {
      body = await readJsonBody(req, maxBodyBytes)
    } catch (error) {
      if (error instanceof BodyError)
        return sendJsonError(res, error.status, error.code, error.message, headers)
      throw error
    }
    let input: RunAgentInput
    try {
      input = parseRunAgentInput(body)
    } catch (error) {
      if (!isAgentError(error)) throw error
      return sendJsonError(res, 400, 'invalid_input', error.message, headers)
    }

    // Create the source before sending headers, so a synchronous failure can still be a 500/next().
    const fail = (error: unknown) => {
      if (isAgentError(error) && error.code === 'busy')
        return sendJsonError(res, 409, 'busy', error.message, headers)
      if (next) return next(error)
      const message = error instanceof Error ? error.message : 'The agent failed.'
      return sendJsonError(res, 500, 'internal_error', message, headers)
    }
    if (registry) {
      let cursor
      try {
        const run = registry.start(input, toSourceFactory(agent, input))
        const listening = run.listen(0)
        if (!listening.ok) throw new Error('A new run refused its first listener.')
        cursor = listening.cursor
      } catch (error) {
        return fail(error)
      }
      return streamRun(res, input.runId, cursor, { heartbeatMs, headers })
    }
    const controller = new AbortController()
    let source: EventSource<BaseEvent | WireEvent>
    try {
      source = toSourceFactory(agent, input)(controller.signal)
    } catch (error) {
      return fail(error)
    }
    await writeEventStream(
      res,
      (signal) => {
        signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
        return source
      },
      { heartbeatMs, headers: { ...headers, ...runIdHeader(input.runId) }, eventIds: true },
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
