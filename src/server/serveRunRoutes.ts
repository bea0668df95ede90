import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RunCursor } from './RunCursor'
import type { RunRegistry } from './createRunRegistry'
import type { RunResync } from './createResyncStore'
import { openSseResponse, SSE_HEADERS } from './openSseResponse'
import { sendJson } from './sendJson'

/** Header naming the run a response streams (the input's `runId`). */
export const RUN_ID_HEADER = 'X-AWR-Run-Id'
/** Header set to `1` when the server keeps a replay buffer for the run. */
export const RESUMABLE_HEADER = 'X-AWR-Resumable'
/** Header set to `1` on a resume answered with a snapshot re-sync instead of a replay. */
export const RESYNC_HEADER = 'X-AWR-Resync'

/** Most entries written to the socket at once. */
const BATCH = 256

const ROUTE = /(?:^|\/)runs\/([^/]+)\/(events|cancel)\/?$/

/**
 * `{ 'X-AWR-Run-Id': runId }`, or nothing when the id cannot be a header value (outside
 * printable ASCII): the client knows the id it sent anyway.
 * @internal
 */
export function runIdHeader(runId: string): Record<string, string> {
  return /^[\x20-\x7e]*$/.test(runId) ? { [RUN_ID_HEADER]: runId } : {}
}

/** A resume or cancel request, recognised by the end of its path. @internal */
export interface RunRoute {
  runId: string
  action: 'events' | 'cancel'
  query: URLSearchParams
}

/**
 * Parses `…/runs/<runId>/events` and `…/runs/<runId>/cancel` (the end of the path, so the
 * handler works mounted anywhere); `undefined` for any other path.
 * @internal
 */
export function matchRunRoute(url: string | undefined): RunRoute | undefined {
  const parsed = new URL(url ?? '/', 'http://localhost')
  const match = ROUTE.exec(parsed.pathname)
  if (!match) return undefined
  let runId: string
  try {
    runId = decodeURIComponent(match[1])
  } catch {
    return undefined
  }
  return { runId, action: match[2] as RunRoute['action'], query: parsed.searchParams }
}

/** `Last-Event-ID` header, else `?lastEventId=`; `0` when absent; `undefined` when malformed. */
function lastEventIdOf(req: IncomingMessage, query: URLSearchParams): number | undefined {
  const header = req.headers['last-event-id']
  const raw = (typeof header === 'string' ? header : (query.get('lastEventId') ?? '')).trim()
  if (raw === '') return 0
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
}

/** Options shared by the SSE answers of the resumable handler. @internal */
export interface RunStreamOptions {
  heartbeatMs?: number
  /** Headers for every answer (extra headers, CORS). */
  headers: Record<string, string>
}

/**
 * Streams a cursor's entries as SSE frames with their `id:` lines until the run is over, the
 * client goes away (the cursor detaches; the run goes on), or the listener falls behind the
 * buffer (the response ends; the client's resume then gets `409 replay_gap`).
 * @internal
 */
export async function streamRun(
  res: ServerResponse,
  runId: string,
  cursor: RunCursor,
  options: RunStreamOptions,
): Promise<void> {
  let sse
  try {
    sse = openSseResponse(res, {
      heartbeatMs: options.heartbeatMs,
      headers: { ...options.headers, ...runIdHeader(runId), [RESUMABLE_HEADER]: '1' },
    })
  } catch (error) {
    void cursor.return() // detach, so the idle timeout still applies
    throw error
  }
  // The client going away detaches the cursor, which ends a pending next() with done.
  void sse.stopped.then(() => cursor.return())
  try {
    for (;;) {
      const step = await cursor.next()
      if (step.done || sse.stopReason) break
      // Everything already buffered goes out in one write (fewer syscalls on a burst or replay).
      let chunk = `id: ${step.value.id}\ndata: ${step.value.json}\n\n`
      for (const e of cursor.takeReady(BATCH)) chunk += `id: ${e.id}\ndata: ${e.json}\n\n`
      await sse.write(chunk)
    }
  } catch {
    // replay_gap: end without a terminal event; the client resumes and is told about the gap.
  } finally {
    void cursor.return()
    sse.end()
  }
}

/**
 * Answers a resume of an ended run whose buffer expired with its snapshot re-sync: 200 SSE with
 * `X-AWR-Resync: 1`, the re-sync frames (with their `id:` lines), then the end of the stream.
 */
function sendResync(res: ServerResponse, resync: RunResync, options: RunStreamOptions): void {
  const headers = {
    ...SSE_HEADERS,
    ...options.headers,
    ...runIdHeader(resync.runId),
    [RESUMABLE_HEADER]: '1',
    [RESYNC_HEADER]: '1',
  }
  res.writeHead(200, headers)
  res.end(resync.frames.map((f) => `id: ${f.id}\ndata: ${f.json}\n\n`).join(''))
}

/**
 * Answers `GET …/runs/<runId>/events` (resume/attach) and `POST …/runs/<runId>/cancel`:
 * 200 SSE (replay after `Last-Event-ID`, then live; for an ended run whose buffer expired, its
 * snapshot re-sync with `X-AWR-Resync: 1`), 404 `{"error":"run_not_found"}`, 409
 * `{"error":"replay_gap","firstId":N}`, 400 `{"error":"bad_last_event_id"}`, 202 on cancel,
 * 405 for other methods.
 * @internal
 */
export async function serveRunRoute(
  req: IncomingMessage,
  res: ServerResponse,
  route: RunRoute,
  registry: RunRegistry,
  options: RunStreamOptions,
): Promise<void> {
  const { headers } = options
  const method = route.action === 'events' ? 'GET' : 'POST'
  req.resume()
  if (req.method !== method) {
    return sendJson(
      res,
      405,
      { error: 'method_not_allowed', message: `Use ${method} on this path.` },
      { ...headers, Allow: method },
    )
  }
  const run = registry.get(route.runId)
  const from = lastEventIdOf(req, route.query)
  const resync =
    run || route.action !== 'events' || from === undefined
      ? undefined
      : registry.resync(route.runId, from)
  if (resync) return sendResync(res, resync, options)
  if (!run) {
    const message = `No run '${route.runId}' here (unknown, or expired after it ended).`
    return sendJson(res, 404, { error: 'run_not_found', message }, headers)
  }
  if (route.action === 'cancel') {
    const cancelled = run.cancel()
    return sendJson(res, 202, { runId: run.runId, cancelled }, headers)
  }
  const lastEventId = lastEventIdOf(req, route.query)
  const listening = lastEventId === undefined ? undefined : run.listen(lastEventId)
  if (!listening || (!listening.ok && listening.code === 'bad_last_event_id')) {
    const message = `Last-Event-ID must be an event id of this run (0 to ${run.buffer.lastId}).`
    return sendJson(res, 400, { error: 'bad_last_event_id', message }, headers)
  }
  if (!listening.ok) {
    const { firstId } = listening
    const message = `Events after ${lastEventId} were dropped; the oldest held is ${firstId}.`
    return sendJson(res, 409, { error: 'replay_gap', firstId, message }, headers)
  }
  await streamRun(res, run.runId, listening.cursor, options)
}
