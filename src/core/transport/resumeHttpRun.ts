import { AgentError } from '../protocol/AgentError'
import type { Clock } from './Clock'
import type { ConnectionState } from './ConnectionState'
import { createBackoff, type BackoffOptions } from './createBackoff'
import { networkError } from './networkError'
import { readHttpError, readTextPrefix } from './readHttpError'
import { readResponse, type ReadResponseContext } from './readResponse'
import { truncatedBy, truncatedError } from './truncatedError'

/** What {@link resumeHttpRun} needs. */
export interface ResumeHttpRunOptions {
  /** `GET`s the resume endpoint with `Last-Event-ID: lastEventId` (fresh headers each time). */
  request: (lastEventId: number) => Promise<Response>
  /** The run's context; `progress.ids` must be set. */
  ctx: ReadResponseContext
  reconnect: BackoffOptions
  clock: Clock
  random: () => number
  onState: (state: ConnectionState) => void
  /** Why the stream dropped; absent for an `attach` (the first request goes out at once). */
  dropped?: AgentError
  runId: string
  /**
   * An attach after the run's `POST` failed before its answer (fault-findings F5): until a
   * request is answered 200, a 404 (the `POST` never arrived) or `attempts` failed requests
   * throw `error` (the `POST`'s own failure) instead.
   */
  lostRequest?: { error: AgentError; attempts: number }
}

function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => {
      clock.clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** Why a stream dropped, for the connection state: a `heartbeat_timeout` cause, else the drop. */
function reasonOf(drop: AgentError): AgentError {
  return drop.cause instanceof AgentError && drop.cause.code === 'heartbeat_timeout'
    ? drop.cause
    : drop
}

async function firstIdOf(response: Response): Promise<number | undefined> {
  try {
    const body = JSON.parse(await readTextPrefix(response)) as { firstId?: unknown }
    return typeof body.firstId === 'number' ? body.firstId : undefined
  } catch {
    return undefined
  }
}

/**
 * Resumes an HTTP/SSE run (issue 6, "HTTP resume"): `GET …/runs/<runId>/events` with
 * `Last-Event-ID` after a backoff (full jitter), reading each replay through `readResponse`
 * (which de-duplicates by id and gap-checks the replay start), again after each new drop,
 * until the run is served. A drop that delivered new events starts a new backoff series.
 *
 * - 404 → `run_not_found` (nothing delivered yet), else `truncated` with that cause;
 * - 409 `{"firstId":N}` → asks once more from `N - 1`: a replay that starts with a snapshot
 *   re-syncs, any other ends `truncated` (`cause` `replay_gap`);
 * - network errors, 5xx, 408, 429 (`Retry-After` honoured) → next attempt; other statuses →
 *   their `http_error` (as the `cause` of `truncated` once events were delivered);
 * - attempts exhausted → `truncated`, `cause` the last failure.
 *
 * @throws AgentError as above, or the signal's reason when aborted.
 */
export async function resumeHttpRun(options: ResumeHttpRunOptions): Promise<void> {
  const { ctx, clock, runId } = options
  const { progress, signal, report } = ctx
  const ids = progress.ids!
  const backoff = createBackoff(options.reconnect, {
    random: options.random,
    now: () => clock.now(),
  })
  const finalError = (error: AgentError) => (progress.delivered > 0 ? truncatedBy(error) : error)
  let lastError = options.dropped && reasonOf(options.dropped)
  let immediate = lastError === undefined
  let step: { exactMs?: number } | undefined
  let from: number | undefined
  const { lostRequest } = options
  let probing = lostRequest !== undefined // no 200 yet for the attach after a lost `POST`
  for (;;) {
    if (probing && backoff.attempt + 1 >= lostRequest!.attempts) throw lostRequest!.error
    if (!immediate) {
      const next = backoff.next(step)
      if (!next) {
        const why = `Gave up resuming run ${runId} after ${backoff.attempt} attempts (${lastError?.message})`
        throw truncatedError(why, lastError)
      }
      options.onState({
        status: 'reconnecting',
        attempt: next.attempt,
        nextRetryMs: next.delayMs,
        ...(lastError && { error: lastError }),
      })
      await sleep(clock, next.delayMs, signal)
    }
    immediate = false
    step = undefined
    options.onState({ status: 'connecting' })
    let response: Response
    try {
      response = await options.request(from ?? ids.lastId)
    } catch (error) {
      if (signal.aborted) throw error
      lastError = networkError(`Resuming run ${runId}`, error)
      continue
    }
    const { status } = response
    if (status === 404) {
      void response.body?.cancel().catch(() => undefined)
      if (probing) throw lostRequest!.error
      const message = `The server does not know run ${runId} (unknown or expired).`
      throw finalError(new AgentError('run_not_found', message, { status, retryable: false }))
    }
    if (status === 409) {
      const firstId = await firstIdOf(response)
      const message = `The server no longer holds the events of run ${runId} after id ${ids.lastId}${firstId === undefined ? '' : ` (it holds ${firstId} on)`}.`
      const gap = new AgentError('replay_gap', message, {
        status,
        ...(firstId !== undefined && { firstId }),
      })
      report({ level: 'warning', code: 'replay_gap', message })
      if (from === undefined && firstId !== undefined && firstId > ids.lastId + 1) {
        from = firstId - 1 // accepted only if the replay starts with a snapshot
        immediate = true
        continue
      }
      throw truncatedBy(gap)
    }
    if (!response.ok) {
      const code = status === 429 ? 'rate_limited' : 'http_error'
      const error = await readHttpError(response, `the resume request of run ${runId}`, code)
      if (!error.retryable) throw finalError(error) // 4xx but 408/429: no point asking again
      const { retryAfterMs } = error
      if (retryAfterMs !== undefined) step = { exactMs: retryAfterMs }
      lastError = error
      continue
    }
    ids.replaying = true // the next event is checked for a gap
    from = undefined
    probing = false
    const before = progress.delivered
    options.onState({ status: 'open' })
    const drop = await readResponse(response, ctx)
    if (!drop) return
    if (progress.delivered > before) backoff.reset()
    lastError = reasonOf(drop)
  }
}
