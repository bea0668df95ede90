import { toAgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import { pendingEventParser } from '../protocol/loadEventParser'
import type { AgentEvent, BaseEvent } from '../protocol/types'
import { addDiagnostic, createEventPipeline } from '../reducer'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { Agent, Observable, RunOptions } from '../transport/Agent'
import type { ActiveRun } from './RunRequest'

/** What {@link streamRun} needs from the store that owns the run. @internal */
export interface RunStreamHost {
  readonly agent: Agent
  readonly maxProtocolVersion?: string
  get(): AgentSnapshot
  set(snapshot: AgentSnapshot): void
  /** Publishes now. */
  flush(): void
  /** Publishes at the next frame. */
  schedule(): void
  /**
   * Called with the events the pipeline applied for one received event, in order, after the
   * snapshot was set (the host may update it further, e.g. derived approvals).
   */
  applied(events: AgentEvent[]): void
  /** Ends the run (terminal event, error, completion); `run.done` is already true. */
  finish(run: ActiveRun): void
  /**
   * `undefined` when the received `event` (raw) can be applied now; else a load it waits for
   * (the store's human-in-the-loop layer), rejecting with `load_failed` when that fails.
   */
  hold?(event: unknown): Promise<unknown> | undefined
}

/** Runs whose event validator is still loading: their events wait for it (see streamRun). */
const parserLoads = new WeakMap<ActiveRun['pipeline'], Promise<void>>()

/**
 * A new {@link ActiveRun}: a fresh event pipeline (validation at the store's edge unless the
 * agent validates, design.md rule 2: the validator's chunk is loaded here if it is not yet, see
 * `preloadProtocol`), or the pipeline of a detached run being re-joined, so the stream's
 * verification continues where it stopped (issue 6, "Stop vs detach").
 * @internal
 */
export function createActiveRun(
  host: RunStreamHost,
  runId: string,
  resolve: (snapshot: AgentSnapshot) => void,
  resumeFrom?: Pick<ActiveRun, 'pipeline' | 'applied' | 'lastEventId'>,
): ActiveRun {
  const applied: AgentEvent[] = resumeFrom?.applied ?? []
  let pipeline = resumeFrom?.pipeline
  if (!pipeline) {
    const parser = host.agent.validatesEvents
      ? undefined
      : pendingEventParser(
          host.maxProtocolVersion === undefined
            ? {}
            : { maxProtocolVersion: host.maxProtocolVersion },
        )
    pipeline = createEventPipeline({ ...(parser && { parser }), onEvent: (e) => applied.push(e) })
    if (parser?.ready) parserLoads.set(pipeline, parser.ready)
  }
  return {
    runId,
    controller: new AbortController(),
    applied,
    pipeline,
    lastEventId: resumeFrom?.lastEventId ?? 0,
    done: false,
    resolve,
  }
}

/**
 * Subscribes `run` to the Observable `open` returns (`agent.run` or `agent.attach`) and feeds
 * each event through the run's pipeline into the host's snapshot: a status change publishes at
 * once, anything else at the next frame; a fatal pipeline error aborts the source and ends the
 * run. Never throws: a source that throws on subscribe ends the run with that error.
 *
 * While the run's event validator is loading, the source is subscribed anyway (its request goes
 * out in parallel) and what it delivers (events, ids, diagnostics, then its end) is held in order
 * and applied once the validator is there. The same from an event `host.hold` makes wait (the
 * first tool call or interrupt outcome while the store's human-in-the-loop layer loads), that
 * event included. A failed load ends the run with AgentError `load_failed` (the source is
 * aborted): the held events are dropped, everything applied before them stays (a `retry()` goes
 * back to the run's start anyway). `stop()` meanwhile ends the run as usual: the held events are
 * dropped.
 * @internal
 */
export function streamRun(
  host: RunStreamHost,
  run: ActiveRun,
  open: (options: RunOptions) => Observable<BaseEvent>,
): void {
  /** Notifications held while a load runs (see above); `undefined` while none does. */
  let held: Array<() => void> | undefined
  /** Holds every notification from now until `load` settles, then replays them in order. */
  const holdUntil = (load: Promise<unknown>) => {
    held = []
    load.then(
      () => {
        parserLoads.delete(run.pipeline)
        const replay = held!
        held = undefined
        // A replayed event may start another hold: the rest are held again, in order.
        for (const notify of replay) notify()
      },
      (cause: unknown) => {
        held = undefined
        onError(cause, true)
      },
    )
  }
  const load = parserLoads.get(run.pipeline)
  if (load) holdUntil(load)
  const onNext = (event: unknown) => {
    if (held) return void held.push(() => onNext(event))
    if (run.done) return
    const wait = host.hold?.(event)
    if (wait) {
      holdUntil(wait)
      return void held!.push(() => onNext(event))
    }
    const before = host.get()
    const failedBefore = run.pipeline.error !== undefined
    host.set(run.pipeline.push(before, event))
    // Emptied before the host sees it (a listener may push more); one event (a token) needs no
    // `splice`, the slow generic path, for what an array literal does.
    const applied = run.applied.length === 1 ? [run.applied.pop()!] : run.applied.splice(0)
    host.applied(applied)
    if (!failedBefore && run.pipeline.error !== undefined) {
      run.done = true
      run.controller.abort(run.pipeline.error)
      host.finish(run)
      return
    }
    if (host.get().run.status !== before.run.status) host.flush()
    else host.schedule()
  }
  const onError = (error: unknown, abortSource = false) => {
    if (held) return void held.push(() => onError(error))
    if (run.done) return
    run.done = true
    const agentError = toAgentError(error)
    if (abortSource) run.controller.abort(agentError)
    host.set(run.pipeline.fail(host.get(), agentError))
    host.finish(run)
  }
  const onComplete = () => {
    if (held) return void held.push(onComplete)
    if (run.done) return
    run.done = true
    host.set(run.pipeline.end(host.get()))
    host.finish(run)
  }
  try {
    const onDiagnostic = (d: Diagnostic): void => {
      if (held) return void held.push(() => onDiagnostic(d))
      if (run.done) return
      host.set(addDiagnostic(host.get(), d))
      host.schedule()
    }
    const runOptions: RunOptions = {
      signal: run.controller.signal,
      onDiagnostic,
      // Held too: a detached run re-joins after the last event it applied, not a held one.
      onEventId: (id) =>
        void (held ? held.push(() => (run.lastEventId = id)) : (run.lastEventId = id)),
      ...(host.maxProtocolVersion !== undefined && {
        maxProtocolVersion: host.maxProtocolVersion,
      }),
    }
    const subscription = open(runOptions).subscribe({
      next: onNext,
      error: onError,
      complete: onComplete,
    })
    run.subscription = subscription
    // The source may have ended (or been rejected) synchronously inside subscribe().
    if (run.done) subscription.unsubscribe()
  } catch (error) {
    onError(error)
  }
}
