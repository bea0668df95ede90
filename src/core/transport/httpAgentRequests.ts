import type { Diagnostic } from '../protocol/Diagnostic'
import type { AgentEvent } from '../protocol/types'
import { systemClock } from './Clock'
import type { SubscriberSink } from './createObservable'
import type { HttpAgentOptions, HttpRunOptions } from './HttpAgentOptions'
import type { ReadResponseContext, RunProgress } from './readResponse'
import { runRouteUrl } from './runRouteUrl'

const DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024
const DEFAULT_IDLE_TIMEOUT_MS = 45_000

/**
 * `fetch` (the agent's `fetch` option, else the global one) with the agent's `headers` (resolved
 * afresh per request; `init.headers` win) and `credentials`.
 * @internal
 */
export async function fetchWithOptions(
  options: HttpAgentOptions,
  url: string | URL,
  init: RequestInit,
  signal?: AbortSignal,
): Promise<Response> {
  const headers = new Headers(
    typeof options.headers === 'function' ? await options.headers() : options.headers,
  )
  new Headers(init.headers).forEach((value, key) => headers.set(key, value))
  const doFetch = options.fetch ?? globalThis.fetch
  return doFetch(url, {
    ...init,
    headers,
    ...(signal && { signal }),
    ...(options.credentials && { credentials: options.credentials }),
  })
}

/**
 * `GET`s `runId`'s resume endpoint (`resumeUrl`, default `<url>/runs/<runId>/events`) with
 * `Last-Event-ID` (fresh headers each time).
 * @internal
 */
export function resumeRequest(
  options: HttpAgentOptions,
  runId: string,
  signal: AbortSignal,
): (lastEventId: number) => Promise<Response> {
  const url = options.resumeUrl?.(runId) ?? runRouteUrl(options.url, runId, 'events')
  return (lastEventId) =>
    fetchWithOptions(
      options,
      url,
      {
        method: 'GET',
        headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(lastEventId) },
      },
      signal,
    )
}

/** Sends each diagnostic to the agent's `onDiagnostic`, then the run's. @internal */
export function diagnosticReporter(options: HttpAgentOptions, runOptions: HttpRunOptions) {
  return (d: Diagnostic): void => {
    options.onDiagnostic?.(d)
    runOptions.onDiagnostic?.(d)
  }
}

/** The peer's protocol ceiling: the run's, else the agent's; `{}` when neither is set. @internal */
export function protocolCeiling(
  options: HttpAgentOptions,
  runOptions: HttpRunOptions,
): { maxProtocolVersion?: string } {
  const maxProtocolVersion = runOptions.maxProtocolVersion ?? options.maxProtocolVersion
  return maxProtocolVersion === undefined ? {} : { maxProtocolVersion }
}

/**
 * What `readResponse` needs for the responses of a run: the options of its event parser (which
 * `readResponse` makes on the first response: a stand-in while the validator loads), the sink, limits
 * (`maxEventBytes` default 8 MiB, `terminalGraceMs` default 1 000 ms, `idleTimeoutMs` default
 * 45 000 ms) and the clock.
 * @internal
 */
export function readContext(
  options: HttpAgentOptions,
  runOptions: HttpRunOptions,
  signal: AbortSignal,
  sink: SubscriberSink<AgentEvent>,
  progress: RunProgress,
): ReadResponseContext {
  return {
    parserOptions: protocolCeiling(options, runOptions),
    sink,
    signal,
    report: diagnosticReporter(options, runOptions),
    progress,
    maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
    terminalGraceMs: options.terminalGraceMs ?? 1000,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    clock: options.clock ?? systemClock,
  }
}
