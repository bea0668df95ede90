import { AgentError } from '../protocol/AgentError'
import type { RemoteStatus } from './AgentStatus'
import type { AgentStatusReport, AgentStatusSource } from './AgentStatusSource'

/** Default poll interval of a status source, ms (when neither the caller nor the source sets one). */
export const DEFAULT_STATUS_POLL_MS = 10_000

/** Whether the page is hidden, and a way to hear when that changes (the Page Visibility API). */
export interface PageVisibility {
  isHidden(): boolean
  /** Calls `listener` on each change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

/** Options of {@link createStatusPoller}. */
export interface StatusPollerOptions {
  /**
   * ms between the end of one load and the start of the next. Default `source.pollMs`, else
   * {@link DEFAULT_STATUS_POLL_MS}; `0` (or less): load once.
   */
  pollMs?: number
  /** Called with each new {@link RemoteStatus} (never after `stop()`). */
  onChange: (state: RemoteStatus) => void
  /** Clock for `loadedAt`, ms since epoch. Default `Date.now`. */
  now?: () => number
  /** Default: `document`'s visibility when there is a `document`, else never hidden. */
  visibility?: PageVisibility
}

/** A started/stopped loop of `source.load()` calls, see {@link createStatusPoller}. */
export interface StatusPoller {
  /** Loads now (or as soon as the page is visible), then every `pollMs`. Idempotent. */
  start(): void
  /** Aborts the load in flight (its result is dropped) and stops polling. Idempotent. */
  stop(): void
  getState(): RemoteStatus
}

const NEVER_HIDDEN: PageVisibility = { isHidden: () => false, subscribe: () => () => {} }

function documentVisibility(): PageVisibility {
  if (typeof document === 'undefined' || typeof document.addEventListener !== 'function')
    return NEVER_HIDDEN
  return {
    isHidden: () => document.visibilityState === 'hidden',
    subscribe(listener) {
      document.addEventListener('visibilitychange', listener)
      return () => document.removeEventListener('visibilitychange', listener)
    },
  }
}

/** A rejection as `{ code, message }`: an `AgentError`'s code, else `unknown`. */
function describeFailure(cause: unknown): { code: string; message: string } {
  if (cause instanceof AgentError) return { code: cause.code, message: cause.message }
  const message =
    cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : String(cause)
  return { code: 'unknown', message: message || 'The status source failed.' }
}

const isReport = (value: unknown): value is AgentStatusReport =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Polls an {@link AgentStatusSource} (issue 8 "status sources"): `load` on `start()`, then
 * `pollMs` after each load settles (so loads never overlap), paused while the page is hidden
 * (a load due meanwhile runs when it becomes visible). A failed load keeps the last report and
 * sets `error`; a load that resolves something other than an object fails with
 * `invalid_response`. `stop()` aborts the load in flight through its `AbortSignal`.
 * Framework-free; `useAgentStatus` runs one per mounted hook.
 */
export function createStatusPoller(
  source: AgentStatusSource,
  options: StatusPollerOptions,
): StatusPoller {
  const pollMs = options.pollMs ?? source.pollMs ?? DEFAULT_STATUS_POLL_MS
  const now = options.now ?? Date.now
  const visibility = options.visibility ?? documentVisibility()
  let state: RemoteStatus = {}
  let running = false
  let due = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let controller: AbortController | undefined
  let unsubscribe: (() => void) | undefined

  const publish = (next: RemoteStatus) => {
    state = next
    if (running) options.onChange(state)
  }

  const tick = () => {
    timer = undefined
    if (visibility.isHidden()) due = true
    else void load()
  }

  async function load() {
    due = false
    const c = new AbortController()
    controller = c
    publish({ ...state, loading: true })
    try {
      const report: unknown = await source.load({ signal: c.signal })
      if (c.signal.aborted) return
      if (!isReport(report))
        throw new AgentError(
          'invalid_response',
          `The status source resolved ${report === null ? 'null' : typeof report}, not a report object.`,
        )
      publish({ report, loadedAt: now() })
    } catch (cause) {
      if (c.signal.aborted) return
      const { report, loadedAt } = state
      publish({
        ...(report && { report }),
        ...(loadedAt !== undefined && { loadedAt }),
        error: describeFailure(cause),
      })
    } finally {
      if (controller === c) controller = undefined
      if (running && !c.signal.aborted && pollMs > 0) timer = setTimeout(tick, pollMs)
    }
  }

  return {
    start() {
      if (running) return
      running = true
      unsubscribe = visibility.subscribe(() => {
        if (running && due && !visibility.isHidden()) void load()
      })
      if (visibility.isHidden()) due = true
      else void load()
    },
    stop() {
      if (!running) return
      running = false
      due = false
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      controller?.abort()
      controller = undefined
      unsubscribe?.()
      unsubscribe = undefined
      if (state.loading) state = { ...state, loading: false }
    },
    getState: () => state,
  }
}
